/**
 * A survey export of the HTCDS form (KoBo, ODK) → referral drafts: the check runs in a worker,
 * the report lists refused rows (row, column, value, what is accepted) and warnings, the
 * columns never kept are named, and the receiving service, needs and urgency are chosen once
 * for every draft. Nothing is written before the last click; the repository checks the right
 * to create referrals again and writes all drafts or none.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { FlatOptions, InputFile } from '@shared/domain/exchange/importFile';
import type { SurveyChoices, SurveyClosed, SurveyPlan } from '@shared/domain/exchange/survey';
import { SURVEY_CLOSED } from '@shared/domain/exchange/survey';
import type { Need, Urgency } from '@shared/domain/referrals/schema';
import { NEEDS, URGENCIES } from '@shared/domain/referrals/schema';
import type { Issue } from '@shared/domain/exchange/types';
import { useData, useOffice } from '../../app/data';
import { useSession } from '../accounts/session';
import { isMessageId, useT } from '../../app/i18n';
import type { Translate } from '../../app/i18n';
import { failureOf, failureText } from './text';
import { errorsFirst, IssueTable, useIssueColumns } from './IssueTable';
import { runSurveyWorker } from './surveyWorker';
import { choose, chosenFor } from './ChoiceTable';
import { SurveyAnswers, surveyCodeLabel } from './SurveyAnswers';
import type { Job } from './worker';
import './import-survey.css';

const closedOf = (i: Issue): SurveyClosed | undefined =>
  SURVEY_CLOSED.find((f) => i.field === `survey.${f}`);

const reasonOf = (t: Translate, i: Issue): string => {
  if (i.code === 'exchange.issue.notAllowed') {
    const field = closedOf(i);
    const allowed = (i.allowed ?? [])
      .map((c) => (field ? surveyCodeLabel(t, field, c) : c))
      .join(', ');
    return t('importSurvey.accepted', { allowed });
  }
  // Isolated, as <bdi> would: column names (left to right) inside an Arabic sentence.
  const fix = i.fix ? `\u2068${i.fix}\u2069` : '';
  return isMessageId(i.code) ? t(i.code, { fix }) : i.code;
};

export const SurveyStep = (p: {
  file: InputFile;
  format: 'csv' | 'xlsx';
  options: FlatOptions;
  onCancel: () => void;
  onDone: (message: string) => void;
}) => {
  const t = useT();
  const col = useIssueColumns();
  const { repos } = useData();
  const office = useOffice();
  // Importing referrals is creating them: the repository checks it again.
  const mayCreate = useSession().can('referral.create');
  const [plan, setPlan] = useState<SurveyPlan | null>(null);
  const [error, setError] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [needs, setNeeds] = useState<Need[]>([]);
  const [needsOther, setNeedsOther] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('72h');
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState('');
  const [choices, setChoices] = useState<SurveyChoices>({});
  const [remembered, setRemembered] = useState(0);
  const [replanning, setReplanning] = useState(false);
  const [choiceError, setChoiceError] = useState('');
  const job = useRef<Job<SurveyPlan> | null>(null);
  const services = useLiveQuery(() => repos.directory.listViews(), [repos]);

  /** The check, in the worker, with these choices; a newer run supersedes an older one. */
  const check = (c: SurveyChoices) => {
    job.current?.cancel();
    const j = runSurveyWorker({
      file: p.file,
      format: p.format,
      options: p.options,
      office: office.officeCode,
      now: new Date().toISOString(),
      choices: c,
    });
    job.current = j;
    return j.promise.then((plan) => (job.current === j ? plan : null));
  };

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const first = await check({});
        if (!first || !live) return;
        // The choices made for this layout before, as far as this file needs them.
        const stored = await repos.exchange.getSurveyChoices(first.signature);
        const reused = first.unmatched.filter((u) => chosenFor(stored, u.field, u.value)).length;
        const plan = reused > 0 ? await check(stored) : first;
        if (!plan || !live) return;
        // All of them kept: a choice made now must not drop those for answers this file lacks.
        setChoices(stored);
        setRemembered(reused);
        setPlan(plan);
      } catch (e) {
        if (live) setError(failureText(t, failureOf(e)));
      }
    })();
    return () => {
      live = false;
      job.current?.cancel();
    };
    // The file is read once per step; later checks only change the choices.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onChoose = async (field: SurveyClosed, value: string, codes: string[]) => {
    if (!plan) return;
    const next = choose(choices, field, value, codes);
    setChoices(next);
    setChoiceError('');
    setReplanning(true);
    try {
      await repos.exchange.saveSurveyChoices(plan.signature, next);
      const again = await check(next);
      if (again) {
        setPlan(again);
        setReplanning(false);
      }
    } catch (e) {
      const f = failureOf(e);
      if (f.code === 'cancelled') return;
      setChoiceError(failureText(t, f));
      setReplanning(false);
    }
  };

  const issues = useMemo(() => errorsFirst(plan?.issues ?? []), [plan]);

  if (error)
    return (
      <div className="import-survey">
        <p role="alert" className="error">
          {error}
        </p>
        <button type="button" onClick={p.onCancel}>
          {t('exchange.import.discard')}
        </button>
      </div>
    );
  if (!plan)
    return (
      <div className="exchange-progress">
        <p>{t('exchange.progress.reading')}</p>
        <progress aria-label={t('exchange.progress.label')} />
        <button type="button" onClick={() => job.current?.cancel()}>
          {t('exchange.cancel')}
        </button>
      </div>
    );

  const warnings = plan.issues.filter((i) => i.severity === 'warning').length;
  const confirm = async () => {
    setBusy(true);
    setWriteError('');
    try {
      const r = await repos.referralImport.importSurvey(
        plan,
        { serviceId, urgency, needs, needsOther },
        p.file.name,
      );
      if (r.ok) p.onDone(t('importSurvey.done', r));
      else {
        const reason = isMessageId(r.error) ? t(r.error) : r.error;
        setWriteError(r.row ? t('importSurvey.refused', { row: r.row, reason }) : reason);
      }
    } catch (e) {
      setWriteError(failureText(t, failureOf(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-survey">
      <h3>{t('importSurvey.title')}</h3>
      <p>{t('importSurvey.intro')}</p>
      <p role="status">
        {t('importSurvey.summary', {
          read: plan.rowsRead,
          valid: plan.cases.length,
          rejected: plan.rejectedRows.length,
          warnings,
        })}
      </p>
      {plan.personal.length > 0 && (
        <p className="import-survey-personal">
          <bdi>{t('importSurvey.personal', { columns: plan.personal.join(', ') })}</bdi>
        </p>
      )}
      {plan.ignored.length > 0 && (
        <p className="hint">
          <bdi>{t('importSurvey.ignored', { columns: plan.ignored.join(', ') })}</bdi>
        </p>
      )}
      {mayCreate && (
        <SurveyAnswers
          unmatched={plan.unmatched}
          choices={choices}
          onChoose={(f, v, c) => void onChoose(f, v, c)}
        />
      )}
      {remembered > 0 && (
        <p className="hint">{t('importSurveyChoices.remembered', { count: remembered })}</p>
      )}
      {replanning && <p role="status">{t('importSurveyChoices.replanning')}</p>}
      {choiceError && (
        <p role="alert" className="error">
          {choiceError}
        </p>
      )}
      {issues.length > 0 && (
        <IssueTable
          issues={issues.slice(0, 200)}
          columns={[
            col.row,
            col.column,
            col.severity,
            col.value,
            { head: t('exchange.report.col.reason'), cell: (i) => reasonOf(t, i) },
          ]}
        />
      )}
      {!mayCreate && (
        <p role="alert" className="error">
          {t('accounts.error.notAllowed')}
        </p>
      )}
      {mayCreate && plan.cases.length > 0 && (
        <fieldset className="import-survey-choices">
          <legend>{t('importSurvey.forAll')}</legend>
          <label>
            <span>{t('importSurvey.service')}</span>
            <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="">{t('importSurvey.chooseService')}</option>
              {(services ?? []).map((v) => (
                <option key={v.service.id} value={v.service.id}>
                  {v.service.name}
                  {v.organization ? ` — ${v.organization.name}` : ''}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('importSurvey.needs')}</legend>
            {NEEDS.map((n) => (
              <label key={n} className="checkbox">
                <input
                  type="checkbox"
                  checked={needs.includes(n)}
                  onChange={() =>
                    setNeeds((x) => (x.includes(n) ? x.filter((y) => y !== n) : [...x, n]))
                  }
                />
                <span className="capitalize">{t(`referrals.need.${n}`)}</span>
              </label>
            ))}
            {needs.includes('other') && (
              <label>
                <span>{t('importSurvey.needsOther')}</span>
                <input value={needsOther} onChange={(e) => setNeedsOther(e.target.value)} />
              </label>
            )}
          </fieldset>
          <label>
            <span>{t('importSurvey.urgency')}</span>
            <select value={urgency} onChange={(e) => setUrgency(e.target.value as Urgency)}>
              {URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {t(`referrals.urgency.${u}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
      {writeError && (
        <p role="alert" className="error">
          {writeError}
        </p>
      )}
      <div className="actions">
        {!mayCreate ? null : plan.cases.length > 0 ? (
          <button
            type="button"
            className="primary"
            disabled={busy || replanning || !serviceId || needs.length === 0}
            onClick={() => void confirm()}
          >
            {t('importSurvey.confirm', { count: plan.cases.length })}
          </button>
        ) : (
          <p>{t('exchange.import.none')}</p>
        )}
        <button type="button" onClick={p.onCancel}>
          {t('exchange.import.discard')}
        </button>
      </div>
    </div>
  );
};
