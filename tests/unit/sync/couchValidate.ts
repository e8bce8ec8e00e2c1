/** The CouchDB validation function loaded in Node as CouchDB runs it, and a document to try. */
// @ts-expect-error a plain .mjs script without typings
import { designDocument } from '../../../resources/couchdb/design.mjs';

type Validate = (
  newDoc: object,
  oldDoc: object | null,
  userCtx: { name: string | null; roles: string[] },
  secObj: object,
) => void;
const source = (designDocument() as { validate_doc_update: string }).validate_doc_update;
const validate = new Function(`return (${source});`)() as Validate;

export const bko = { name: 'bko', roles: ['passerelle:office:BKO'] };
export const relay = { name: 'min', roles: ['passerelle:office:MIN', 'passerelle:relay'] };
export const id = '6f1b2c3d-0000-4000-8000-000000000001';
export const doc = (over: Record<string, unknown> = {}) => ({
  _id: `services:BKO:${id}`,
  t: 'services',
  owner: 'BKO',
  author: { office: 'BKO', key: '0'.repeat(32) },
  at: '2026-11-23T08:00:00.000Z',
  record: { id, office: 'BKO', name: 'Refuge' },
  sig: 'c2ln',
  ...over,
});
export const outcome = (newDoc: object, user = bko, oldDoc: object | null = null) => {
  try {
    validate(newDoc, oldDoc, user, {});
    return 'allowed';
  } catch (e) {
    return Object.keys(e as object)[0];
  }
};
