// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MapPoint } from '@shared/domain/map/placement';
import { I18nProvider } from '../../app/i18n';
import { MarkerPopup } from './MarkerPopup';
import { LOCALES } from '@shared/i18n/define';
import { loadMessages } from '../../app/messages';

// The provider shows a language once its strings are loaded, as main.tsx does first.
beforeAll(() => Promise.all(LOCALES.map(loadMessages)));

const point = (over: Partial<MapPoint>): MapPoint => ({
  serviceId: '5b1c8f0e-8d3a-4c52-9a8e-2f6d1e0b7c41',
  locationId: '9d2f3a1b-6c4e-4f8a-b1d2-3e4f5a6b7c8d',
  name: 'Centre',
  category: 'medical',
  phone: '+223 00 12 34 56',
  regionCode: 'ML-4',
  lat: 13.43,
  lon: -6.26,
  restricted: false,
  confidential: false,
  ...over,
});

afterEach(cleanup);

describe('MarkerPopup', () => {
  it('shows a name written as HTML as text, with no element made from it', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <I18nProvider>
        <MarkerPopup points={[point({ name: xss })]} onNear={() => {}} />
      </I18nProvider>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.map-popup-name')?.textContent).toBe(xss);
    expect(screen.getByRole('link', { name: `Voir la fiche ${xss}` }).getAttribute('href')).toBe(
      '#/services/5b1c8f0e-8d3a-4c52-9a8e-2f6d1e0b7c41',
    );
  });

  it('gives name, category, phone and the restricted note; "near here" calls back', () => {
    const onNear = vi.fn();
    render(
      <I18nProvider>
        <MarkerPopup points={[point({ restricted: true, name: 'Foyer Espoir' })]} onNear={onNear} />
      </I18nProvider>,
    );
    expect(document.querySelector('.map-popup-name')?.textContent).toBe('Foyer Espoir');
    expect(screen.getByText(/Soins médicaux/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '+223 00 12 34 56' }).getAttribute('href')).toBe(
      'tel:+22300123456',
    );
    expect(screen.getByText(/placé au centre de la région Ségou/)).toBeTruthy();
    screen.getByRole('button', { name: 'Services les plus proches d’ici' }).click();
    expect(onNear).toHaveBeenCalledOnce();
  });

  it('shows a shelter’s beds where given, and warns that a true protected address is not to be passed on', () => {
    render(
      <I18nProvider>
        <MarkerPopup
          points={[
            point({ confidential: true, name: 'Foyer Espoir', category: 'shelter' }),
            point({ serviceId: 'other', locationId: 'l2', name: 'Clinique' }),
          ]}
          onNear={() => {}}
          beds={(id) => (id === 'other' ? null : <p>3 lits libres</p>)}
        />
      </I18nProvider>,
    );
    expect(screen.getAllByText('3 lits libres')).toHaveLength(1);
    expect(screen.getByText(/montrée à sa vraie place pour votre rôle/)).toBeTruthy();
    expect(screen.queryByText(/placé au centre de la région/)).toBeNull();
  });
});
