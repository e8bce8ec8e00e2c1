/** A shelter's capacity events, newest first: what changed, when, by whom. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CapacityEvent } from '@shared/domain/capacity/schema';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import type { Translate } from '../../app/i18n';
import { useFormatAge, useFormatDateTime } from './hooks';

export const describeEvent = (e: CapacityEvent, t: Translate): string => {
  switch (e.type) {
    case 'admission':
    case 'discharge':
      return t(`capacity.event.${e.type}`, {
        population: t(`population.${e.population}`),
        count: e.count,
      });
    case 'baseline':
    case 'out_of_service':
    case 'waitlist':
      return t(`capacity.event.${e.type}`, {
        population: t(`population.${e.population}`),
        value: e.value,
      });
    case 'status':
      return t('capacity.event.status', { status: t(`capacity.status.${e.status}`) });
    case 'note':
      return e.text ? t('capacity.event.note', { text: e.text }) : t('capacity.event.noteCleared');
    case 'confirm':
      return t('capacity.event.confirm');
  }
};

/** Events of one save share their time and author: shown as one line. */
const groupBySave = (events: CapacityEvent[]) => {
  const groups: { key: string; at: string; who: string; events: CapacityEvent[] }[] = [];
  for (const e of events) {
    const last = groups.at(-1);
    if (last && last.at === e.at && last.who === e.who) last.events.push(e);
    else groups.push({ key: e.id, at: e.at, who: e.who, events: [e] });
  }
  return groups;
};

export const CapacityHistory = ({
  serviceId,
  now,
  limit = 60,
}: {
  serviceId: string;
  now: number;
  limit?: number;
}) => {
  const t = useT();
  const { repos } = useData();
  const formatAge = useFormatAge();
  const formatDateTime = useFormatDateTime();
  const events = useLiveQuery(() => repos.capacity.history(serviceId, limit), [repos, serviceId]);
  if (!events) return null;
  if (events.length === 0) return <p className="muted">{t('capacity.historyEmpty')}</p>;
  return (
    <ol className="capacity-history">
      {groupBySave(events).map((g) => {
        // A save that changed something says what; a save that changed nothing says "confirmed".
        const changes = g.events.filter((e) => e.type !== 'confirm');
        return (
          <li key={g.key}>
            <time dateTime={g.at} title={formatDateTime(g.at)}>
              {formatAge(g.at, now)}
            </time>{' '}
            · <bdi>{g.who}</bdi> ·{' '}
            {(changes.length ? changes : g.events).map((e) => describeEvent(e, t)).join(', ')}
          </li>
        );
      })}
    </ol>
  );
};
