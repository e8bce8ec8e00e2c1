/**
 * The check report: counts, every problem (the first 200 on screen, all in the CSV), likely
 * duplicates with a choice each, and the one button that writes.
 */
import type { Decision, Duplicate } from '@shared/domain/exchange/duplicates';
import { reportCsv } from '@shared/domain/exchange/report';
import type { ImportPlan } from '@shared/domain/exchange/types';
import { useT } from '../../app/i18n';
import { MIME, save, today } from './files';
import { issueText } from './text';

const SHOWN = 200;
const DECISIONS: Decision[] = ['merge', 'keep', 'skip'];

export const ImportReport = (p: {
  plan: ImportPlan;
  duplicates: Duplicate[];
  decisions: Map<string, Decision>;
  existingNames: Map<string, string>;
  onDecide: (d: Map<string, Decision>) => void;
  onImport: () => void;
  onDiscard: () => void;
}) => {
  const t = useT();
  const { plan } = p;
  const warnings = plan.issues.filter((i) => i.severity === 'warning').length;
  const names = new Map(plan.services.map((s) => [s.id, s.name]));
  const toImport =
    plan.services.length -
    p.duplicates.filter((d) => p.decisions.get(d.serviceId) === 'skip').length;
  const severity = (s: 'error' | 'warning') =>
    t(s === 'error' ? 'exchange.report.error' : 'exchange.report.warning');

  const download = () =>
    save(
      `${t('exchange.report.fileName')}-${today()}.csv`,
      MIME.csv,
      reportCsv(
        plan.issues,
        [
          t('exchange.report.col.row'),
          t('exchange.report.col.column'),
          t('exchange.report.col.severity'),
          t('exchange.report.col.reason'),
          t('exchange.report.col.value'),
        ],
        (i) => ({ severity: severity(i.severity), reason: issueText(t, i) }),
      ),
    );

  return (
    <div className="exchange-report">
      <h3>{t('exchange.report.title')}</h3>
      <p role="status">
        {t('exchange.report.summary', {
          read: plan.rowsRead,
          valid: plan.services.length,
          rejected: plan.rejectedRows.length,
          warnings,
        })}{' '}
        {t('exchange.report.nothingWritten')}
      </p>
      {plan.issues.length === 0 ? (
        <p>{t('exchange.report.noProblems')}</p>
      ) : (
        <>
          <div className="exchange-table-wrap">
            <table className="exchange-table" aria-label={t('exchange.report.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('exchange.report.col.row')}</th>
                  <th scope="col">{t('exchange.report.col.column')}</th>
                  <th scope="col">{t('exchange.report.col.severity')}</th>
                  <th scope="col">{t('exchange.report.col.reason')}</th>
                  <th scope="col">{t('exchange.report.col.value')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.issues.slice(0, SHOWN).map((i, n) => (
                  <tr key={n} className={`exchange-${i.severity}`}>
                    <td>{i.row}</td>
                    <td>
                      <bdi>{i.column}</bdi>
                    </td>
                    <td>{severity(i.severity)}</td>
                    <td>{issueText(t, i)}</td>
                    <td>
                      <bdi>{i.value ?? ''}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.issues.length > SHOWN && (
            <p>{t('exchange.report.more', { count: plan.issues.length - SHOWN })}</p>
          )}
          <button type="button" onClick={download}>
            {t('exchange.report.download')}
          </button>
        </>
      )}
      {p.duplicates.length > 0 && (
        <div className="exchange-duplicates">
          <h4>{t('exchange.dup.title', { count: p.duplicates.length })}</h4>
          <p>{t('exchange.dup.intro')}</p>
          <div className="actions">
            <span>{t('exchange.dup.all')} :</span>
            {DECISIONS.map((d) => (
              <button
                key={d}
                type="button"
                onClick={() => p.onDecide(new Map(p.duplicates.map((x) => [x.serviceId, d])))}
              >
                {t(`exchange.dup.${d}`)}
              </button>
            ))}
          </div>
          <ul>
            {p.duplicates.map((d) => (
              <li key={d.serviceId}>
                <fieldset>
                  <legend>{t('exchange.dup.decision', { row: d.row })}</legend>
                  <p>
                    <bdi>
                      {t('exchange.dup.imported', {
                        row: d.row,
                        name: names.get(d.serviceId) ?? '',
                      })}
                    </bdi>{' '}
                    ·{' '}
                    <bdi>
                      {t('exchange.dup.existing', {
                        name: p.existingNames.get(d.existingId) ?? '',
                      })}
                    </bdi>{' '}
                    · {d.reasons.map((r) => t(`exchange.dup.reason.${r}`)).join(', ')}
                  </p>
                  {DECISIONS.map((choice) => (
                    <label key={choice} className="exchange-choice">
                      <input
                        type="radio"
                        name={`dup-${d.serviceId}`}
                        checked={p.decisions.get(d.serviceId) === choice}
                        onChange={() => p.onDecide(new Map(p.decisions).set(d.serviceId, choice))}
                      />{' '}
                      {t(`exchange.dup.${choice}`)}
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        {toImport > 0 ? (
          <button type="button" className="primary" onClick={p.onImport}>
            {t('exchange.import.confirm', { count: toImport })}
          </button>
        ) : (
          <p>{t('exchange.import.none')}</p>
        )}
        <button type="button" onClick={p.onDiscard}>
          {t('exchange.import.discard')}
        </button>
      </div>
    </div>
  );
};
