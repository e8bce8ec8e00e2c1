/**
 * What partners saw of this office's audit trail, against the trail as it stands (issue 13,
 * hole 6): a rewrite that recomputed every hash, or a cut of the newest entries, shows here even
 * when the chain itself verifies.
 */
import type { WitnessProblem } from '@shared/domain/audit/heads';
import { useT } from '../../app/i18n';

export const Witnesses = ({ problems }: { problems: readonly WitnessProblem[] }) => {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      <p>{t('audit.witness.title')}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {t(`audit.witness.${p.kind}`, { seq: p.seq })}{' '}
            <bdi>{'witness' in p ? p.witness : p.office}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
};
