/**
 * The assessment: child protection first when the person may be a minor, then the suggestion
 * (worded as one, with the office's rule beside it), the indicators found by group, the needs
 * and the urgency.
 */
import { foundByGroup } from '@shared/domain/screening/assess';
import type { Assessment } from '@shared/domain/screening/core';
import type { ScreeningSet } from '@shared/domain/screening/schema';
import { useT } from '../../app/i18n';
import { useLocalized } from './hooks';
import './screening.css';

export const ChildFlag = () => {
  const t = useT();
  return (
    <p className="screening-child-flag" role="alert">
      {t('screening.childFlag')}
    </p>
  );
};

/** The indicators found, by group, each with its strength. */
export const FoundList = ({ found }: { found: Assessment['found'] }) => {
  const t = useT();
  const text = useLocalized();
  if (found.length === 0) return <p>{t('screening.suggestion.noIndicators')}</p>;
  return foundByGroup(found).map(([group, list]) => (
    <div key={group} className="screening-found-group">
      <h4>{t(`screening.group.${group}`)}</h4>
      <ul>
        {list.map((f) => (
          <li key={f.id}>
            {text(f.label)}{' '}
            <span className={`badge strength-${f.strength}`}>
              {t(`screening.strength.${f.strength}`)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  ));
};

/**
 * The screening a referral carries, on the referral's page: what the receiving service needs
 * to know first (a possible child, the suggestion, the indicators). Case data, like the rest.
 */
export const ScreeningPanel = ({ assessment: a }: { assessment: Assessment | undefined }) => {
  const t = useT();
  if (!a) return null;
  return (
    <section className="panel tight screening-panel" aria-labelledby="screening-panel-title">
      <h2 id="screening-panel-title">{t('screening.panel.title')}</h2>
      {a.childProtection && <ChildFlag />}
      <p className={`screening-suggestion suggestion-${a.suggestion}`}>
        <strong>{t(`screening.suggestion.${a.suggestion}`)}</strong>
      </p>
      <p className="muted">{t('screening.suggestion.note')}</p>
      <FoundList found={a.found} />
    </section>
  );
};

/** The needs (named by the form, else by their id) and the urgency. */
export const NeedsAndUrgency = ({
  assessment: a,
  needs,
}: {
  assessment: Assessment;
  needs: ScreeningSet['needs'] | undefined;
}) => {
  const t = useT();
  const text = useLocalized();
  const byId = new Map(needs?.map((n) => [n.id, n]));
  return (
    <>
      <h3>{t('screening.needs')}</h3>
      {a.needs.length === 0 ? (
        <p>{t('screening.needs.none')}</p>
      ) : (
        <ol>
          {a.needs.map((id) => {
            const n = byId.get(id);
            return <li key={id}>{n ? text(n.label) : id}</li>;
          })}
        </ol>
      )}
      <dl className="facts">
        <div>
          <dt>{t('screening.urgency')}</dt>
          <dd>{t(`referrals.urgency.${a.urgency}`)}</dd>
        </div>
      </dl>
    </>
  );
};

export const AssessmentView = ({
  assessment: a,
  set,
}: {
  assessment: Assessment;
  set: ScreeningSet;
}) => {
  const t = useT();
  return (
    <section className="panel tight screening-assessment" aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('screening.assessment.title')}</h2>
      {a.childProtection && <ChildFlag />}
      <p className={`screening-suggestion suggestion-${a.suggestion}`}>
        <strong>{t(`screening.suggestion.${a.suggestion}`)}</strong>
      </p>
      <p className="muted">{t('screening.suggestion.note')}</p>
      <h3>{t('screening.rules')}</h3>
      <ul className="plain">
        {set.rules.map((r, i) => (
          <li key={i}>{t(`screening.rule.${r.minStrength}`, { count: r.minGroups })}</li>
        ))}
      </ul>
      <h3>{t('screening.found')}</h3>
      <FoundList found={a.found} />
      <NeedsAndUrgency assessment={a} needs={set.needs} />
    </section>
  );
};
