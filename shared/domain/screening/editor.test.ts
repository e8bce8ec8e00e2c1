import { describe, expect, it } from 'vitest';
import defaultSet from '../../../resources/screening/default.json';
import { assess } from './assess';
import {
  addIndicator,
  addNeed,
  addRule,
  byGroup,
  controlId,
  moveIndicator,
  moveNeed,
  moveToGroup,
  nextVersion,
  removeIndicator,
  removeNeed,
  removeRule,
  sameForm,
  setChildNeed,
  updateIndicator,
  updateNeed,
  updateRule,
  validateSet,
} from './editor';
import type { ScreeningSet } from './schema';
import { screeningInputSchema, screeningSetSchema } from './schema';

const DEFAULT: ScreeningSet = screeningSetSchema.parse(defaultSet);
const ids = (set: ScreeningSet, group: string) =>
  set.indicators.filter((i) => i.group === group).map((i) => i.id);
const text = (s: string) => ({ fr: `${s} fr`, en: `${s} en`, pt: `${s} pt`, ar: `${s} ar` });

describe('screening form editor', () => {
  it('adds an empty question at the end of its group, which must be written in four languages', () => {
    const { set, id } = addIndicator(DEFAULT, 'recruitment');
    expect(ids(set, 'recruitment').at(-1)).toBe(id);
    expect(set.indicators.length).toBe(DEFAULT.indicators.length + 1);
    // The other groups keep their order.
    expect(ids(set, 'exploitation')).toEqual(ids(DEFAULT, 'exploitation'));
    const index = set.indicators.findIndex((i) => i.id === id);
    const errors = validateSet(set);
    expect(errors.map((e) => e.path.join('.'))).toEqual([
      ...['fr', 'en', 'pt', 'ar'].map((l) => `indicators.${index}.question.${l}`),
      ...['fr', 'en', 'pt', 'ar'].map((l) => `indicators.${index}.label.${l}`),
    ]);
    expect(errors.every((e) => e.message === 'validation.required')).toBe(true);
    const written = updateIndicator(set, id, {
      question: text('Vous a-t-on vendu ?'),
      label: text('Vendu·e'),
      strength: 'strong',
      htcds: { field: 'vic_MethodOfRecruitment', value: 'ThroughFamilyOrFamilyEvents' },
    });
    expect(validateSet(written)).toEqual([]);
    // A second question gets another id.
    expect(addIndicator(written, 'recruitment').id).not.toBe(id);
  });

  it('a new question counts in the assessment with its group, strength and HTCDS value', () => {
    const { set, id } = addIndicator(DEFAULT, 'coercion');
    const written = updateIndicator(set, id, {
      question: text('Q'),
      label: text('L'),
      strength: 'strong',
      htcds: { field: 'vic_MethodsOfControl', value: 'PsychologicalAbuse' },
    });
    const input = screeningInputSchema.parse({ setVersion: 1, answers: { [id]: 'yes' } });
    const a = assess(screeningSetSchema.parse(written), input);
    expect(a.found.map((f) => [f.id, f.group, f.strength])).toEqual([[id, 'coercion', 'strong']]);
    expect(a.htcds.vic_MethodsOfControl).toEqual(['PsychologicalAbuse']);
  });

  it('reorders within a group only, and moves a question to the end of another group', () => {
    const [first, second] = ids(DEFAULT, 'exploitation');
    const down = moveIndicator(DEFAULT, first!, 1);
    expect(ids(down, 'exploitation').slice(0, 2)).toEqual([second, first]);
    // The first of a group goes no higher, the last no lower: nothing changes.
    expect(moveIndicator(DEFAULT, first!, -1)).toBe(DEFAULT);
    const lastCoercion = ids(DEFAULT, 'coercion').at(-1)!;
    expect(moveIndicator(DEFAULT, lastCoercion, 1)).toBe(DEFAULT);
    // The last of recruitment moved down stays in recruitment (groups are not crossed).
    const lastRecruitment = ids(DEFAULT, 'recruitment').at(-1)!;
    expect(moveIndicator(DEFAULT, lastRecruitment, 1)).toBe(DEFAULT);

    const moved = moveToGroup(DEFAULT, first!, 'vulnerability');
    expect(ids(moved, 'vulnerability').at(-1)).toBe(first);
    expect(ids(moved, 'exploitation')).not.toContain(first);
    expect(byGroup(moved).flatMap(([, l]) => l).length).toBe(DEFAULT.indicators.length);
    expect(validateSet(moved)).toEqual([]);
  });

  it('removes questions; a form without any question is refused, naming the list', () => {
    const one = removeIndicator(DEFAULT, DEFAULT.indicators[0]!.id);
    expect(one.indicators.length).toBe(DEFAULT.indicators.length - 1);
    const none = DEFAULT.indicators.reduce((s, i) => removeIndicator(s, i.id), DEFAULT);
    expect(validateSet(none)).toEqual([
      { path: ['indicators'], message: 'screeningEditor.validation.noQuestion' },
    ]);
  });

  it('edits the suggestion rule: strength, number of groups within 1–4, at least one rule', () => {
    const one = removeRule(DEFAULT, 1);
    const strict = updateRule(one, 0, { minGroups: 3, minStrength: 'medium' });
    expect(strict.rules).toEqual([{ minGroups: 3, minStrength: 'medium' }]);
    expect(validateSet(strict)).toEqual([]);
    expect(validateSet(updateRule(one, 0, { minGroups: 5 }))).toEqual([
      { path: ['rules', 0, 'minGroups'], message: 'validation.invalid' },
    ]);
    expect(validateSet(updateRule(one, 0, { minGroups: Number.NaN }))[0]?.path).toEqual([
      'rules',
      0,
      'minGroups',
    ]);
    expect(validateSet(removeRule(one, 0))).toEqual([
      { path: ['rules'], message: 'screeningEditor.validation.noRule' },
    ]);
    expect(addRule(one).rules).toHaveLength(2);
  });

  it('edits the needs: one child-protection need, always; order and removal', () => {
    const { set, id } = addNeed(DEFAULT);
    expect(validateSet(set).map((e) => e.path.join('.'))).toContain(
      `needs.${set.needs.length - 1}.label.ar`,
    );
    const named = updateNeed(set, id, {
      label: text('Nourriture'),
      categories: ['social_services'],
      urgency: '24h',
      bed: false,
    });
    expect(validateSet(named)).toEqual([]);
    const child = setChildNeed(named, id);
    expect(child.needs.filter((n) => n.childProtection).map((n) => n.id)).toEqual([id]);
    expect(validateSet(child)).toEqual([]);
    const withoutChild = removeNeed(child, id);
    expect(validateSet(withoutChild)).toEqual([
      { path: ['needs'], message: 'screening.validation.childNeed' },
    ]);
    const up = moveNeed(named, id, -1);
    expect(up.needs.at(-2)?.id).toBe(id);
    expect(moveNeed(named, id, 1)).toBe(named);
  });

  it('lists problems in the order the editor shows them, each with a control id', () => {
    const { set, id } = addIndicator(DEFAULT, 'recruitment');
    const broken = updateRule(
      { ...updateIndicator(set, id, { question: text('Q'), label: text('L') }), name: text('') },
      0,
      { minGroups: 0 },
    );
    const emptyName = { ...broken, name: { ...broken.name, pt: '  ' } };
    const errors = validateSet(emptyName);
    expect(errors.map((e) => e.path.join('.'))).toEqual(['name.pt', 'rules.0.minGroups']);
    expect(controlId(errors[0]!.path)).toBe('sf-name-pt');
    // A too long text is named as such.
    const long = updateIndicator(set, id, {
      question: { ...text('Q'), ar: 'x'.repeat(301) },
      label: text('L'),
    });
    expect(validateSet(long)).toEqual([
      {
        path: ['indicators', long.indicators.findIndex((i) => i.id === id), 'question', 'ar'],
        message: 'validation.tooLong',
      },
    ]);
  });

  it('refuses an HTCDS value the standard does not have', () => {
    const first = DEFAULT.indicators[0]!;
    const wrong = updateIndicator(DEFAULT, first.id, {
      htcds: { field: 'vic_MethodsOfControl', value: 'ForcedLabour' },
    });
    expect(validateSet(wrong)).toEqual([
      { path: ['indicators', 0, 'htcds', 'value'], message: 'screening.validation.htcds' },
    ]);
  });

  it('versions: the same form whatever its number or key order; a change takes a new number', () => {
    const reordered = JSON.parse(
      JSON.stringify(DEFAULT, Object.keys(DEFAULT).reverse()),
    ) as ScreeningSet;
    expect(sameForm({ ...DEFAULT, version: 7 }, DEFAULT)).toBe(true);
    expect(sameForm(screeningSetSchema.parse({ ...reordered, ...DEFAULT }), DEFAULT)).toBe(true);
    expect(sameForm(updateRule(DEFAULT, 0, { minGroups: 1 }), DEFAULT)).toBe(false);
    expect(nextVersion(1, [])).toBe(2);
    // Never a number used before, even if the current form came back to a lower one.
    expect(nextVersion(2, [1, 5, 3])).toBe(6);
  });
});
