/**
 * The shelter manager's screen (#/capacity): one click from anywhere, the form of "my" shelter
 * is there, ready for + and Save.
 *
 * Whose shelters: a shelter manager's are the ones assigned to their account (an administrator
 * assigns them; they cannot pick others). A coordinator edits any shelter and may tick "my
 * shelters" (kept per user on this computer); without a choice, the office's shelters are
 * offered. Roles that may only look (administrator, ministry staff) pick any shelter and see its
 * figures read-only, as does a manager who opens another shelter's address.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { freshness } from '@shared/domain/capacity/rules';
import { isScoped } from '@shared/domain/accounts/permissions';
import { useData, useOffice } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { useSession } from '../accounts/session';
import { LabelledControl } from '../directory/Filters';
import { regionName } from '../directory/useDirectory';
import { FigureAge } from './Age';
import { FiguresTable } from './CapacityPanel';
import { CapacityHistory } from './History';
import { useCapacitySummaries, useNow, useStaleAfterHours } from './hooks';
import { MyShelters } from './MyShelters';
import { ShelterForm } from './ShelterForm';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const CapacityScreen = ({ serviceId }: { serviceId?: string }) => {
  const t = useT();
  const office = useOffice();
  const { repos } = useData();
  const { user, can } = useSession();
  const summaries = useCapacitySummaries();
  const mine = useLiveQuery(() => repos.capacity.getMyShelters(), [repos]);
  const [choosing, setChoosing] = useState(false);
  // A manager's shelters are fixed by their account; only who edits any shelter picks "mine".
  const assigned = isScoped(user, 'capacity.edit');
  const mayChoose = can('capacity.edit') && !assigned;

  if (!summaries || !mine) return <p role="status">{t('status.loading')}</p>;
  const all = [...summaries.values()].sort((a, b) => collator.compare(a.name, b.name));
  const ofOffice = all.filter((s) => s.office === office.officeCode);
  const chosen = all.filter((s) => mine.includes(s.serviceId));
  // Offices whose directory came from elsewhere own no shelter themselves: offer them all.
  const offered = assigned || chosen.length ? chosen : ofOffice.length ? ofOffice : all;
  const selected = (serviceId && summaries.get(serviceId)) || offered[0];
  const options = selected && !offered.includes(selected) ? [selected, ...offered] : offered;

  return (
    <div className="capacity">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('capacity.title')}</h1>
        {mayChoose && all.length > 0 && (
          <button type="button" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
            {t('capacity.chooseMine')}
          </button>
        )}
      </div>
      {assigned && chosen.length > 0 && <p className="hint">{t('capacity.assignedHint')}</p>}
      {mayChoose && choosing && (
        <MyShelters shelters={ofOffice.length ? ofOffice : all} mine={mine} />
      )}
      {!selected ? (
        <p>{t(assigned ? 'capacity.noAssigned' : 'capacity.noShelters')}</p>
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
  const { intlLocale: locale } = useLocale();
  const { repos } = useData();
  const { user, can } = useSession();
  const now = useNow();
  const staleAfterHours = useStaleAfterHours();
  const [saved, setSaved] = useState('');
  const id = summary.serviceId;
  const editable = can('capacity.edit', { serviceIds: [id] });
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
      {!editable ? (
        <>
          <p className="capacity-readonly">
            {t(
              isScoped(user, 'capacity.edit')
                ? 'capacity.readOnly.notAssigned'
                : 'capacity.readOnly.role',
            )}
          </p>
          {populations.length > 0 && (
            <FiguresTable summary={summary} now={now} staleAfterHours={staleAfterHours} />
          )}
        </>
      ) : populations.length === 0 ? (
        <p>
          {t('capacity.noPopulations')}{' '}
          {can('directory.edit') && (
            <a href={href({ name: 'serviceEdit', id })}>{t('capacity.editService')}</a>
          )}
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
