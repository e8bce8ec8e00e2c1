/**
 * The CouchDB validation function, run in Node as CouchDB would run it: what an office account
 * may write and what is refused.
 */
import { describe, expect, it } from 'vitest';
import { bko, doc, id, outcome, relay } from './couchValidate';

describe('validate_doc_update', () => {
  it('lets an office write the documents it authored and owns', () => {
    expect(outcome(doc())).toBe('allowed');
    expect(outcome(doc(), bko, doc())).toBe('allowed');
  });

  it('refuses another office’s documents, forged authorship and unsigned documents', () => {
    const seg = { name: 'seg', roles: ['passerelle:office:SEG'] };
    expect(outcome(doc(), seg)).toBe('forbidden');
    expect(outcome(doc({ author: { office: 'SEG', key: '1'.repeat(32) } }), seg)).toBe('forbidden');
    expect(outcome(doc({ sig: undefined }))).toBe('forbidden');
    expect(outcome(doc({ _id: 'services:BKO:other' }))).toBe('forbidden');
    expect(outcome(doc({ _id: `services:SEG:${id}` }))).toBe('forbidden');
  });

  it('refuses accounts that are not offices, and design documents from non-admins', () => {
    expect(outcome(doc(), { name: 'x', roles: [] })).toBe('unauthorized');
    expect(outcome({ _id: '_design/passerelle' })).toBe('forbidden');
    expect(outcome({ _id: '_design/passerelle' }, { name: 'admin', roles: ['_admin'] })).toBe(
      'allowed',
    );
  });

  it('lets a relay pass on other offices’ documents, but never change their owner', () => {
    expect(outcome(doc(), relay)).toBe('allowed');
    expect(
      outcome(doc({ owner: 'MIN', author: { office: 'MIN', key: '2'.repeat(32) } }), relay, doc()),
    ).toBe('forbidden');
  });

  it('never lets an event change once written', () => {
    const event = doc({ _id: `capacityEvents:BKO:${id}`, t: 'capacityEvents' });
    expect(outcome(event)).toBe('allowed');
    expect(outcome(event, bko, event)).toBe('forbidden');
  });

  it('lets only the owner close a conflict branch', () => {
    expect(outcome({ ...doc(), _deleted: true })).toBe('allowed');
    const bySeg = { ...doc({ author: { office: 'SEG', key: '1'.repeat(32) } }), _deleted: true };
    expect(outcome(bySeg, { name: 'seg', roles: ['passerelle:office:SEG'] })).toBe('forbidden');
  });
});
