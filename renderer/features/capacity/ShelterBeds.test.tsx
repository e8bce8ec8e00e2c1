// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { foldEvents } from '@shared/domain/capacity/fold';
import { eventsForUpdate } from '@shared/domain/capacity/rules';
import { summarizeShelter } from '@shared/domain/capacity/summary';
import { generateDemoDirectory } from '@shared/domain/directory/demo';
import { I18nProvider } from '../../app/i18n';
import { ShelterBeds } from './ShelterBeds';
import { LOCALES } from '@shared/i18n/define';
import { loadMessages } from '../../app/messages';

// The provider shows a language once its strings are loaded, as main.tsx does first.
beforeAll(() => Promise.all(LOCALES.map(loadMessages)));

const AT = '2026-03-02T08:00:00.000Z';
const service = generateDemoDirectory({ office: 'BKO', now: AT }).services.find(
  (s) => s.category === 'shelter' && s.populations.includes('women'),
)!;
const women = { baseline: 10, occupied: 7, outOfService: 1, waitlist: 0 };
const events = eventsForUpdate(
  undefined,
  { serviceId: service.id, populations: { women }, status: 'open', note: '' },
  { office: 'BKO', who: 'Mariam Traoré', now: AT, newId: () => crypto.randomUUID() },
);
const summary = summarizeShelter(
  { service: { ...service, populations: ['women'] }, organization: undefined, locations: [] },
  foldEvents(events).get(service.id),
);

afterEach(cleanup);

describe('ShelterBeds', () => {
  const show = (hoursLater: number) =>
    render(
      <I18nProvider>
        <ShelterBeds
          summary={summary}
          now={Date.parse(AT) + hoursLater * 3_600_000}
          staleAfterHours={48}
        />
      </I18nProvider>,
    );

  it('gives free beds per population and who updated them how long ago', () => {
    show(3);
    expect(screen.getByText('Femmes : 2 lits libres')).toBeTruthy();
    expect(document.body.textContent).toMatch(/mis à jour il y a 3\s+h par Mariam Traoré/);
    expect(screen.queryByText('Chiffres anciens')).toBeNull();
  });

  it('flags figures older than the threshold', () => {
    show(50);
    expect(screen.getAllByText(/chiffres anciens/i).length).toBeGreaterThan(0);
    expect(document.body.textContent).toMatch(/il y a 2\s+j/);
  });
});
