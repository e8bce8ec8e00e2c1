import { describe, expect, it } from 'vitest';
import { generateDemoDirectory } from '../directory/demo';
import type { ServiceView } from '../directory/schema';
import type { Subject } from './permissions';
import { isRedacted, mayShowLocation, redactView } from './visibility';
import { userInputSchema } from './schema';

const demo = generateDemoDirectory({ office: 'BKO', now: '2026-11-23T10:00:00.000Z' });
const restricted = demo.locations.find((l) => l.visibility === 'restricted')!;
const service = demo.services.find((s) => s.locationIds.includes(restricted.id))!;
const view: ServiceView = { service, organization: undefined, locations: [restricted] };

const as = (role: Subject['role'], shelterServiceIds: string[] = []): Subject => ({
  role,
  shelterServiceIds,
});

describe('restricted locations', () => {
  it('are shown whole to roles allowed to see them', () => {
    for (const s of [as('administrator'), as('coordinator'), as('ministry_staff')])
      expect(redactView(s, view)).toBe(view);
    expect(redactView(as('shelter_manager', [service.id]), view)).toBe(view);
  });

  it('lose street, town, point and own name for the others, and keep the region', () => {
    for (const s of [as('viewer'), as('shelter_manager', [crypto.randomUUID()]), null]) {
      const [loc] = redactView(s, view).locations;
      expect(loc).toMatchObject({
        name: service.name,
        address: { address1: '', city: '', adminAreaCode: restricted.address.adminAreaCode },
        latitude: null,
        longitude: null,
      });
      expect(isRedacted(loc!)).toBe(true);
    }
  });

  it('leaves public and partner locations alone', () => {
    expect(mayShowLocation(as('viewer'), { visibility: 'public' }, [])).toBe(true);
    expect(mayShowLocation(as('viewer'), { visibility: 'partners' }, [])).toBe(true);
    expect(mayShowLocation(as('viewer'), { visibility: 'restricted' }, [service.id])).toBe(false);
  });
});

describe('user input', () => {
  it('normalises the username and needs a shelter for a shelter manager', () => {
    const ok = userInputSchema.safeParse({
      username: ' Awa.Traore ',
      displayName: 'Awa Traoré',
      role: 'coordinator',
      shelterServiceIds: [service.id],
    });
    expect(ok.success && ok.data).toMatchObject({ username: 'awa.traore', shelterServiceIds: [] });
    const bad = userInputSchema.safeParse({
      username: 'a b',
      displayName: 'A',
      role: 'shelter_manager',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual([
      'validation.required',
      'validation.shelters',
      'validation.username',
    ]);
    const noShelter = userInputSchema.safeParse({
      username: 'moussa',
      displayName: 'Moussa',
      role: 'shelter_manager',
    });
    expect(noShelter.error?.issues[0]?.message).toBe('validation.shelters');
  });
});
