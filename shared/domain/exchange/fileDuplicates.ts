/**
 * Rows of one file that are the same service: same name, organisation and area, or the same
 * phone number. The first is kept; each later one is reported as a duplicate of it (one kind in
 * the report, so they read as a group) and not imported twice.
 */
import { digitsOnly, normalizeText } from '../directory/normalize';
import type { Issue } from './types';
import type { Draft } from './validate';
import { memo } from './values';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Called with each draft in row order: the issue naming the earlier row the draft repeats (the
 * draft is then dropped), or undefined to keep it.
 */
export const fileDuplicateFinder = (column: string) => {
  const seen = new Map<string, number>();
  // Organisation names repeat across rows: each distinct one is normalised once.
  const orgKey = memo(normalizeText);
  return (d: Draft): Issue | undefined => {
    const area = text(
      (d.locations[0]?.address as Record<string, unknown> | undefined)?.adminAreaCode,
    );
    const name = normalizeText(text(d.service.name));
    const keys = [
      // A row without a name is refused by the check, never folded into another.
      ...(name ? [`n|${name}|${orgKey(text(d.organization.name))}|${area}`] : []),
      ...(Array.isArray(d.service.phones) ? d.service.phones : [])
        .map((p) => digitsOnly(text((p as Record<string, unknown>).number)))
        .filter((p) => p.length >= 6)
        .map((p) => `p|${p}`),
    ];
    const first = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
    if (first !== undefined && !d.issues.some((i) => i.severity === 'error'))
      return {
        row: d.row,
        column,
        code: 'exchange.issue.duplicateInFile',
        severity: 'warning',
        value: text(d.service.name),
        fix: String(first),
      };
    for (const k of keys) if (!seen.has(k)) seen.set(k, d.row);
    return undefined;
  };
};
