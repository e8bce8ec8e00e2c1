/** How old a figure is and who gave it, flagged when older than the threshold. */
import { FormattedMessage } from 'react-intl';
import type { Stamp } from '@shared/domain/capacity/fold';
import { freshness } from '@shared/domain/capacity/rules';
import type { MessageId } from '@shared/i18n/catalogues';
import { useT } from '../../app/i18n';
import { useFormatAge, useFormatDateTime } from './hooks';

const UPDATED: MessageId = 'capacity.updatedAgo';

export const FigureAge = ({
  stamp,
  now,
  staleAfterHours,
}: {
  stamp: Stamp | null;
  now: number;
  staleAfterHours: number;
}) => {
  const t = useT();
  const formatAge = useFormatAge();
  const formatDateTime = useFormatDateTime();
  const state = freshness(stamp, now, staleAfterHours);
  return (
    <span className={`age age-${state}`}>
      {stamp ? (
        <time dateTime={stamp.at} title={formatDateTime(stamp.at)}>
          <FormattedMessage
            id={UPDATED}
            values={{ ago: formatAge(stamp.at, now), by: <bdi>{stamp.by}</bdi> }}
          />
        </time>
      ) : (
        t('capacity.never')
      )}
      {state !== 'fresh' && (
        <span className="badge stale" title={t('capacity.staleHint', { hours: staleAfterHours })}>
          {t('capacity.stale')}
        </span>
      )}
    </span>
  );
};
