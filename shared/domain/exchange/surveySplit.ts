/**
 * A select_multiple question exported one column per choice (issue 17), beside or instead of
 * its one column of space-separated names. KoBoToolbox writes "group_x/vic_TypeOfExploitation/
 * ForcedLabour" (or the labels, "Type of exploitation/Forced labour", in an export with labels);
 * ODK Central, with "split select multiple choices into columns", keeps the combined column and
 * adds "<question>/<choice>" after it — its groups joined by "-" but the choice always after a
 * "/" ("group_x-vic_TypeOfExploitation/ForcedLabour"; central-backend lib/data/briefcase.js),
 * one column per choice that some submission chose, cells 1 or 0. KoBo writes 1/0, "True"/
 * "False", or the choice's label when it is selected. This file only finds the columns and reads
 * their cells; what a choice's name or label means is survey.ts's matching.
 */
import { valueKey } from './valueMatch';
import { parseBool } from './values';

/** One column per choice: its index in the header and the choice it names, as written. */
export type ChoiceColumn = { index: number; choice: string };

/**
 * The columns "<question column>/<choice>" of a question, found by its name: the part before a
 * "/" must be the question (`isQuestion`, which reads group prefixes), the rest is the choice,
 * kept whole even when a label holds a "/" ("…/Not Specified/Unknown").
 */
export const choiceColumns = (
  header: readonly string[],
  isQuestion: (prefix: string) => boolean,
): ChoiceColumn[] => {
  const found: ChoiceColumn[] = [];
  header.forEach((h, index) => {
    for (let at = h.indexOf('/'); at >= 0; at = h.indexOf('/', at + 1)) {
      const choice = h.slice(at + 1).trim();
      if (!choice || !isQuestion(h.slice(0, at))) continue;
      found.push({ index, choice });
      return;
    }
  });
  return found;
};

/**
 * A per-choice cell: chosen, not chosen, empty (the question was not asked), or unreadable.
 * An export with labels writes the choice's own label (or name) where it is chosen.
 */
export const choiceCell = (
  cell: string,
  choice: string,
): 'chosen' | 'not' | 'empty' | 'unreadable' => {
  const t = cell.trim();
  if (!t) return 'empty';
  const yes = parseBool(t);
  if (yes || valueKey(t) === valueKey(choice)) return 'chosen';
  return yes === false ? 'not' : 'unreadable';
};

/**
 * The choices a row's columns per choice select, each a whole answer (a name or a label), as
 * the question's codes (`codeOf`: survey.ts's matching) and the choices nothing names.
 */
export const splitValues = (
  picked: readonly ChoiceColumn[],
  codeOf: (text: string) => string | undefined,
) => {
  const codes: string[] = [];
  const unknownColumns: ChoiceColumn[] = [];
  for (const c of picked) {
    const code = codeOf(c.choice);
    if (code) codes.push(code);
    else unknownColumns.push(c);
  }
  return {
    codes: [...new Set(codes)],
    unknown: unknownColumns.map((c) => c.choice),
    unknownColumns,
  };
};

type Answer = { codes: readonly string[]; unknown: readonly string[] };

/** The one column and the columns per choice say the same: the same codes, the same unknowns. */
export const sameAnswer = (a: Answer, b: Answer): boolean => {
  const key = (x: Answer) =>
    [...new Set([...x.codes, ...x.unknown.map((u) => `\u0000${valueKey(u)}`)])].sort().join('\n');
  return key(a) === key(b);
};
