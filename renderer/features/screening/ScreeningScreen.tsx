/**
 * The frontline pathway in one screen (issue 16): questions → assessment → where to go now →
 * referral, consent and letter. Nothing is stored until the worker saves the screening; from
 * then on it is sealed at rest, and every referral made from it is linked to it. Works offline:
 * everything it reads is in the local database and the bundled map.
 */
import { useEffect, useMemo, useState } from 'react';
import { assess } from '@shared/domain/screening/assess';
import type { ScreeningInputDraft, ScreeningRecord } from '@shared/domain/screening/schema';
import { screeningInputSchema } from '@shared/domain/screening/schema';
import { useData } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { RequireDataKey } from '../accounts/RequireDataKey';
import { AssessmentView, ChildFlag } from './AssessmentView';
import { useFormLanguage, useScreeningConfig } from './hooks';
import { Questions } from './Questions';
import { ReferStep } from './ReferStep';
import { WhereToGoView } from './WhereToGoView';
import './screening.css';

type Stage = 'questions' | 'assessment' | 'where' | 'refer';

/** With `resume`, one of the worker's saved screenings, taken up where it was left. */
export const ScreeningScreen = ({ resume }: { resume?: string }) => (
  <RequireDataKey>
    <Screening resume={resume} />
  </RequireDataKey>
);

const Screening = ({ resume }: { resume?: string }) => {
  const t = useT();
  const { repos } = useData();
  const config = useScreeningConfig();
  const lang = useFormLanguage();
  const [stage, setStage] = useState<Stage>('questions');
  const [draft, setDraft] = useState<ScreeningInputDraft>({ setVersion: 1 });
  const [record, setRecord] = useState<ScreeningRecord | null>(null);
  const [referralId, setReferralId] = useState<string | null>(null);
  const [error, setError] = useState('');
  const set = config?.set;
  const [resuming, setResuming] = useState<'loading' | 'done' | 'notFound'>(
    resume ? 'loading' : 'done',
  );
  useEffect(() => {
    if (!resume) return;
    let live = true;
    // Opened through the repository, which checks it is this worker's and audits the view.
    void repos.screening.view(resume).then((opened) => {
      if (!live) return;
      if (!opened) return setResuming('notFound');
      setRecord(opened.record);
      setDraft(opened.record.content.input);
      setStage(opened.record.referralIds.length === 0 ? 'assessment' : 'where');
      setResuming('done');
    });
    return () => {
      live = false;
    };
  }, [repos, resume]);
  const preview = useMemo(() => {
    if (!set) return undefined;
    const parsed = screeningInputSchema.safeParse({ ...draft, setVersion: set.version });
    return parsed.success ? assess(set, parsed.data) : undefined;
  }, [set, draft]);
  if (!config || !set || resuming === 'loading') return <p role="status">{t('status.loading')}</p>;
  if (resuming === 'notFound') return <p role="alert">{t('status.notFound')}</p>;

  const restart = () => {
    // A resumed screening's page becomes a new screening's: the key of the screen changes.
    if (resume) return navigate({ name: 'screening' });
    setDraft({ setVersion: set.version });
    setRecord(null);
    setReferralId(null);
    setError('');
    setStage('questions');
  };
  const save = async () => {
    const result = await repos.screening.save(
      { ...draft, setVersion: set.version },
      record && record.referralIds.length === 0 ? record.id : undefined,
    );
    if (!result.ok) return setError(Object.values(result.errors)[0] ?? '');
    setError('');
    setRecord(result.value);
    setStage('where');
  };
  const refer = async (serviceId: string, needIds: string[]) => {
    if (!record) return;
    const result = await repos.screening.refer(record.id, serviceId, needIds, lang);
    if (!result.ok) return setError(Object.values(result.errors)[0] ?? '');
    setError('');
    setRecord((await repos.screening.get(record.id)) ?? record);
    setReferralId(result.value.referralId);
    setStage('refer');
  };
  const assessment = record?.content.assessment ?? preview;

  return (
    <div className="screening">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('screening.title')}</h1>
        <div className="actions">
          {stage !== 'questions' && (
            <button type="button" onClick={restart}>
              {t('screening.new')}
            </button>
          )}
          <a className="button" href={href({ name: 'screeningHistory' })}>
            {t('screeningHistory.title')}
          </a>
        </div>
      </div>
      <p className="screening-intro">{t('screening.intro')}</p>
      {error && (
        <p className="error" role="alert">
          {isMessageId(error) ? t(error) : error}
        </p>
      )}
      {/* Child protection first, on every step once the person may be a minor. */}
      {stage !== 'assessment' && assessment?.childProtection && <ChildFlag />}
      {stage === 'questions' && (
        <Questions
          set={set}
          draft={draft}
          onChange={setDraft}
          onDone={() => setStage('assessment')}
        />
      )}
      {stage === 'assessment' && assessment && (
        <>
          <AssessmentView assessment={assessment} set={set} />
          <div className="actions">
            <button type="button" onClick={() => setStage('questions')}>
              {t('screening.edit')}
            </button>
            <button type="button" className="primary" onClick={() => void save()}>
              {t('screening.save')}
            </button>
          </div>
        </>
      )}
      {stage === 'where' && record && (
        <WhereToGoView
          record={record}
          set={set}
          officeArea={config.officeArea}
          onRefer={(serviceId, needIds) => void refer(serviceId, needIds)}
        />
      )}
      {stage === 'refer' && record && referralId && (
        <>
          <ReferStep screeningId={record.id} referralId={referralId} />
          <div className="actions">
            <button type="button" onClick={() => setStage('where')}>
              {t('screening.refer.another')}
            </button>
          </div>
        </>
      )}
    </div>
  );
};
