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

export const ChildFlag = () => {
  const t = useT();
  return (
    <p className="screening-child-flag" role="alert">
      {t('screening.childFlag')}
    </p>
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
  const text = useLocalized();
  const needs = new Map(set.needs.map((n) => [n.id, n]));
  return (
    <section className="panel screening-assessment" aria-labelledby="assessment-title">
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
      {a.found.length === 0 ? (
        <p>{t('screening.suggestion.noIndicators')}</p>
      ) : (
        foundByGroup(a.found).map(([group, list]) => (
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
        ))
      )}
      <h3>{t('screening.needs')}</h3>
      {a.needs.length === 0 ? (
        <p>{t('screening.needs.none')}</p>
      ) : (
        <ol>
          {a.needs.map((id) => {
            const n = needs.get(id);
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
    </section>
  );
};
