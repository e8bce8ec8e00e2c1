/** Échanges: bring a spreadsheet or an HSDS file in, take the directory out, back up. */
import './exchange.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useData } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { BackupSection } from './BackupSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';

export const ExchangeScreen = () => {
  const t = useT();
  const { intlLocale } = useLocale();
  const { repos } = useData();
  const runs = useLiveQuery(() => repos.exchange.listRuns(8), [repos]);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  return (
    <div className="exchange">
      <h1 tabIndex={-1}>{t('exchange.title')}</h1>
      <ImportSection />
      <ExportSection />
      <BackupSection />
      <section aria-labelledby="exchange-history" className="exchange-section">
        <h2 id="exchange-history">{t('exchange.history.title')}</h2>
        {runs && runs.length === 0 && <p>{t('exchange.history.empty')}</p>}
        <ul className="exchange-history">
          {runs?.map((r) => (
            <li key={r.id}>
              <time dateTime={r.at}>{when(r.at)}</time> · {t(`exchange.history.${r.kind}`)} ·{' '}
              <bdi>{String(r.detail.file ?? r.detail.format ?? '')}</bdi> · <bdi>{r.actor}</bdi>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
};
