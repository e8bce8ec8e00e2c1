import { describe, expect, it } from 'vitest';
import { referralEventParties, referralParties } from './parties';

const records: Record<string, Record<string, unknown>> = {
  'services:s1': { id: 's1', office: 'SEG' },
  'referrals:r1': { id: 'r1', office: 'BKO', serviceId: 's1' },
};
const lookup = async (table: string, id: string) => records[`${table}:${id}`];

describe('referral parties', () => {
  it('are the referring office and the receiving service’s office', async () => {
    expect(await referralParties(records['referrals:r1']!, lookup)).toEqual(['BKO', 'SEG']);
    expect(await referralParties({ office: 'BKO', serviceId: 'unknown' }, lookup)).toEqual(['BKO']);
    expect(
      await referralParties(
        { office: 'BKO', serviceId: 'unknown', receivingOffice: 'MOP' },
        lookup,
      ),
    ).toEqual(['BKO', 'MOP']);
  });

  it('of an event are its author and its referral’s parties', async () => {
    expect(await referralEventParties({ office: 'SEG', referralId: 'r1' }, lookup)).toEqual([
      'SEG',
      'BKO',
      'SEG',
    ]);
  });
});
