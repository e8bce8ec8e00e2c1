/**
 * The shelter manager's screen (#/capacity): one click from anywhere, the form of "my" shelter
 * is there, ready for + and Save. "My shelters" is a choice kept on this computer until
 * accounts exist; without one, the shelters of this office are offered.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { freshness } from '@shared/domain/capacity/rules';
import { useData, useOffice } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { LabelledControl } from '../directory/Filters';
import { regionName } from '../directory/useDirectory';
import { FigureAge } from './Age';
import { CapacityHistory } from './History';
import { useCapacitySummaries, useNow, useStaleAfterHours } from './hooks';
import { MyShelters } from './MyShelters';
import { ShelterForm } from './ShelterForm';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const CapacityScreen = ({ serviceId }: { serviceId?: string }) => {
  const t = useT();
  const office = useOffice();
  const { repos } = useData();
  const summaries = useCapacitySummaries();
  const mine = useLiveQuery(() => repos.capacity.getMyShelters(), [repos]);
  const [choosing, setChoosing] = useState(false);

  if (!summaries || !mine) return <p role="status">{t('status.loading')}</p>;
  const all = [...summaries.values()].sort((a, b) => collator.compare(a.name, b.name));
  const ofOffice = all.filter((s) => s.office === office.officeCode);
  const chosen = all.filter((s) => mine.includes(s.serviceId));
  // Offices whose directory came from elsewhere own no shelter themselves: offer them all.
  const offered = chosen.length ? chosen : ofOffice.length ? ofOffice : all;
  const selected = (serviceId && summaries.get(serviceId)) || offered[0];
  const options = selected && !offered.includes(selected) ? [selected, ...offered] : offered;

  return (
    <div className="capacity">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('capacity.title')}</h1>
        {all.length > 0 && (
          <button type="button" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
            {t('capacity.chooseMine')}
          </button>
        )}
      </div>
      {choosing && <MyShelters shelters={ofOffice.length ? ofOffice : all} mine={mine} />}
      {!selected ? (
        <p>{t('capacity.noShelters')}</p>
      ) : (
        <>
          {options.length > 1 && (
            <LabelledControl label={t('capacity.shelter')} className="filter capacity-choice">
              {(id) => (
                <select
                  id={id}
                  value={selected.serviceId}
                  onChange={(e) => navigate({ name: 'capacity', serviceId: e.target.value })}
                >
                  {options.map((s) => (
                    <option key={s.serviceId} value={s.serviceId}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </LabelledControl>
          )}
          <ShelterPanel key={selected.serviceId} summary={selected} />
        </>
      )}
    </div>
  );
};

const ShelterPanel = ({ summary }: { summary: ShelterSummary }) => {
  const t = useT();
  const { locale } = useLocale();
  const { repos } = useData();
  const now = useNow();
  const staleAfterHours = useStaleAfterHours();
  const [saved, setSaved] = useState('');
  const id = summary.serviceId;
  // `null` once loaded without figures, so the form is built once, from loaded figures.
  const figures = useLiveQuery(async () => (await repos.capacity.figures(id)) ?? null, [repos, id]);
  const populations = summary.populations.map((p) => p.population);
  const state = freshness(summary.lastUpdated, now, staleAfterHours);
  const onSaved = (ok: boolean) =>
    setSaved(
      ok
        ? t('capacity.saved', {
            time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date()),
          })
        : '',
    );

  return (
    <section className="capacity-shelter" aria-labelledby={`shelter-${id}`}>
      <div className="capacity-shelter-head">
        <h2 id={`shelter-${id}`}>
          <bdi>{summary.name}</bdi>
        </h2>
        <p className="muted">
          <bdi>{regionName(summary.regionCode)}</bdi> ·{' '}
          {t(`capacity.status.${summary.status ?? 'none'}`)} ·{' '}
          <FigureAge stamp={summary.lastUpdated} now={now} staleAfterHours={staleAfterHours} /> ·{' '}
          <a href={href({ name: 'service', id })}>{t('capacity.openService')}</a>
        </p>
        {state !== 'fresh' && (
          <p className="warning">{t('capacity.staleHint', { hours: staleAfterHours })}</p>
        )}
      </div>
      <p role="status" className="capacity-saved">
        {saved}
      </p>
      {populations.length === 0 ? (
        <p>
          {t('capacity.noPopulations')}{' '}
          <a href={href({ name: 'serviceEdit', id })}>{t('capacity.editService')}</a>
        </p>
      ) : figures === undefined ? (
        <p role="status">{t('status.loading')}</p>
      ) : (
        <ShelterForm
          // Rebuilt from the stored figures after every save (ours or another desk's).
          key={figures?.lastUpdated?.id ?? 'none'}
          serviceId={id}
          populations={populations}
          figures={figures ?? undefined}
          now={now}
          staleAfterHours={staleAfterHours}
          onSaved={onSaved}
        />
      )}
      <details className="capacity-history-box">
        <summary>{t('capacity.history')}</summary>
        <CapacityHistory serviceId={id} now={now} />
      </details>
    </section>
  );
};
