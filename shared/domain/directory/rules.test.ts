import { describe, expect, it } from 'vitest';
import { coordinateWarnings, draftFromView, draftToRecords, validateDraft } from './rules';
import type { Organization, ServiceDraftInput } from './schema';
import { organizationSchema, phoneNumberSchema, serviceDraftSchema } from './schema';

const input: ServiceDraftInput = {
  organizationName: 'ONG Espoir',
  name: 'Refuge Espoir',
  category: 'shelter',
  adminAreaCode: 'ML-4',
  latitude: 13.43,
  longitude: -6.26,
  phones: ['+223 21 32 00 11'],
};

describe('phone numbers', () => {
  it.each(['+223 76 12 34 56', '76-12-34-56', '(223) 76.12.34.56', '80 00 11 22', '112'])(
    'accepts %s',
    (p) => expect(phoneNumberSchema.safeParse(p).success).toBe(true),
  );
  it.each(['76-AB-12', '12', '+', '++223 76', '1234567890123456', 'tel: 76'])('refuses %s', (p) =>
    expect(phoneNumberSchema.safeParse(p).success).toBe(false),
  );
});

describe('validateDraft', () => {
  it('accepts a complete draft and fills defaults', () => {
    const r = validateDraft(input);
    expect(r.ok && r.value).toMatchObject({ visibility: 'public', free: true, populations: [] });
  });
  it('names each bad field with a message id', () => {
    const r = validateDraft({
      ...input,
      latitude: 95,
      longitude: -200,
      email: 'nope',
      category: 'spa' as never,
    });
    expect(r.ok || r.errors).toEqual({
      latitude: 'validation.latitude',
      longitude: 'validation.longitude',
      email: 'validation.email',
      category: 'validation.invalid',
    });
  });
  it('refuses NaN coordinates (text typed in a number field)', () => {
    const r = validateDraft({ ...input, latitude: Number('abc') });
    expect(r.ok).toBe(false);
  });
});

describe('coordinateWarnings', () => {
  it('is quiet for a point inside the chosen region', () => {
    expect(coordinateWarnings('ML-4', 13.43, -6.26)).toEqual([]);
  });
  it('warns when the point is in another region of the country', () => {
    expect(coordinateWarnings('ML-4', 12.64, -8.0)).toEqual(['outsideRegion']);
  });
  it('detects swapped latitude and longitude', () => {
    expect(coordinateWarnings('ML-4', -6.26, 13.43)).toEqual(['swapped']);
  });
  it('warns for a point outside the country', () => {
    expect(coordinateWarnings('ML-4', 48.85, 2.35)).toEqual(['outsideCountry']);
  });
});

describe('draftToRecords / draftFromView', () => {
  it('round-trips a draft through records', () => {
    const draft = serviceDraftSchema.parse({
      ...input,
      locationName: 'Annexe',
      populations: ['girls'],
    });
    let i = 0;
    const ctx = {
      office: 'SGO',
      now: '2026-11-23T10:00:00.000Z',
      newId: () => `00000000-0000-4000-8000-00000000000${i++}`,
    };
    const org: Organization = organizationSchema.parse({
      id: '10000000-0000-4000-8000-000000000000',
      office: 'SGO',
      createdAt: ctx.now,
      updatedAt: ctx.now,
      name: 'ONG Espoir',
    });
    const { service, location } = draftToRecords(draft, org, undefined, ctx);
    expect(service.locationIds).toEqual([location.id]);
    expect(location.address.country).toBe('ML');
    expect(draftFromView({ service, organization: org, locations: [location] })).toEqual(draft);
  });
});

describe('phone numbers: the rule accepts what its message says, and refuses the rest', () => {
  it.each(['+223 76-12-34-56', '+223 (76) 12.34.56', '80 00 11 12', '116'])('accepts %s', (n) => {
    expect(phoneNumberSchema.safeParse(n).success).toBe(true);
  });
  it.each(['76-AB-12', '12', '+223 76 12 34 56 78 90 12 34', '76 + 12', 'tel: 76 12'])(
    'refuses %s',
    (n) => {
      expect(phoneNumberSchema.safeParse(n).success).toBe(false);
    },
  );
});
