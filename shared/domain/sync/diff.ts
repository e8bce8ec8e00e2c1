/** Which top-level fields differ between versions of a record (for the conflicts screen). */
import { canonicalJson } from './codec';

export const differingFields = (
  versions: readonly (Record<string, unknown> | undefined)[],
): string[] => {
  const keys = new Set(versions.flatMap((v) => (v ? Object.keys(v) : [])));
  return [...keys]
    .filter((k) => new Set(versions.map((v) => canonicalJson(v?.[k] ?? null))).size > 1)
    .sort();
};

/** A field's value as a person reads it: text as is, lists joined, anything else as JSON. */
export const displayValue = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value) && value.length === 0) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return canonicalJson(value);
};
