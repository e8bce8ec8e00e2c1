/**
 * Attack (issue 13, hole 1) at the CouchDB server: an office account writes a version of another
 * office's record naming itself as owner, on a new conflict branch where CouchDB passes no old
 * version to the validation function. The owner is in the id, so it is refused all the same.
 */
import { describe, expect, it } from 'vitest';
import { bko, doc, id, outcome, relay } from '../sync/couchValidate';

describe('validate_doc_update against a usurping office account', () => {
  it('keeps the owner of a record even on a new conflict branch, where oldDoc is null', () => {
    const seg = { name: 'seg', roles: ['passerelle:office:SEG'] };
    const usurper = { owner: 'SEG', author: { office: 'SEG', key: '1'.repeat(32) } };
    // Under the owner's id: refused with or without the old version.
    expect(outcome(doc(usurper), seg, null)).toBe('forbidden');
    expect(outcome(doc(usurper), relay, null)).toBe('forbidden');
    // Under its own id it is another document, which no replica applies over BKO's record.
    expect(outcome(doc({ ...usurper, _id: `services:SEG:${id}` }), seg, null)).toBe('allowed');
    // Legacy ids (no owner in them): continued by their owner, never started or taken over.
    const legacy = { _id: `services:${id}` };
    expect(outcome(doc(legacy), bko, doc(legacy))).toBe('allowed');
    expect(outcome(doc(legacy), bko, null)).toBe('forbidden');
    expect(outcome(doc({ ...legacy, ...usurper }), seg, null)).toBe('forbidden');
    expect(outcome(doc({ ...legacy, ...usurper }), seg, doc(legacy))).toBe('forbidden');
    expect(outcome({ ...doc({ ...legacy, ...usurper }), _deleted: true }, seg, doc(legacy))).toBe(
      'forbidden',
    );
    // The owner closes its legacy document when it moves it (migrate.ts).
    expect(outcome({ ...doc(legacy), _deleted: true }, bko, doc(legacy))).toBe('allowed');
  });
});
