/**
 * Import: choose a file → (CSV/XLSX) map columns with a preview → check in a worker with a
 * progress bar and Cancel → report of every problem and likely duplicates → the user imports
 * the valid rows, written by a worker in one transaction in batches, with a progress bar and
 * Cancel (which leaves nothing). Nothing is written before that last click.
 */
import type { MutableRefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { Decision } from '@shared/domain/exchange/duplicates';
import { defaultDecision } from '@shared/domain/exchange/duplicates';
import type { Mapping } from '@shared/domain/exchange/flat';
import type { FlatPreview, InputFile } from '@shared/domain/exchange/importFile';
import { detectFormat } from '@shared/domain/exchange/importFile';
import { LIMITS } from '@shared/domain/exchange/limits';
import type { Delimiter } from '@shared/domain/exchange/csv';
import type { EncodingChoice } from '@shared/domain/exchange/text';
import type { ReportSummary } from '@shared/domain/exchange/reportView';
import type { ImportFormat } from '@shared/domain/exchange/types';
import type { DistinctValues, ValueMap } from '@shared/domain/exchange/valueMatch';
import { CLOSED_FIELDS } from '@shared/domain/exchange/valueMatch';
import type { ServiceCategory } from '@shared/domain/directory/schema';
import { useData, useOffice } from '../../app/data';
import type { Translate } from '../../app/i18n';
import { useLocale, useT } from '../../app/i18n';
import type { ExchangeRepository } from '../../data/repositories/exchange';
import { platform } from '../../platform';
import { ImportOptions } from './ImportOptions';
import { ImportReport } from './ImportReport';
import { MappingStep } from './MappingStep';
import { ValueStep } from './ValueStep';
import { WriteProgress } from './WriteProgress';
import { SurveyStep } from './SurveyStep';
import { isSurveyHeader } from '@shared/domain/exchange/survey';
import type { Failure, NamedDuplicate } from './protocol';
import { failureOf, failureText } from './text';
import type { CheckSession, Job } from './worker';
import { runImportWorker, startCheck } from './worker';

type Stage =
  | { kind: 'idle' }
  | { kind: 'working'; done: number; total: number }
  | {
      kind: 'mapping';
      files: InputFile[];
      format: 'csv' | 'xlsx';
      preview: FlatPreview;
      mapping: Mapping;
      remembered: boolean;
    }
  | {
      kind: 'values';
      files: InputFile[];
      format: 'csv' | 'xlsx';
      preview: FlatPreview;
      mapping: Mapping;
      distinct: DistinctValues;
      values: ValueMap;
    }
  | {
      kind: 'report';
      /** The checked plan stays in the check worker; the session asks it for the rest. */
      session: CheckSession;
      summary: ReportSummary;
      duplicates: NamedDuplicate[];
      decisions: Map<string, Decision>;
    }
  | { kind: 'writing'; done: number; total: number }
  | { kind: 'survey'; file: InputFile; format: 'csv' | 'xlsx' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; failure: Failure };

const MB = 1024 * 1024;

/**
 * The confirmed write, by the check worker that holds the plan (checkHost.ts), with progress
 * and Cancel (which leaves nothing). The window never holds the plan (issue 17).
 */
const writeImport = async (
  exchange: ExchangeRepository,
  report: Extract<Stage, { kind: 'report' }>,
  show: (stage: Stage) => void,
  job: MutableRefObject<Job<unknown> | null>,
  t: Translate,
) => {
  try {
    const { session, summary, duplicates, decisions } = report;
    show({ kind: 'writing', done: 0, total: summary.services });
    const j = session.write(exchange.writeContext(), duplicates, decisions, (done, total) =>
      show({ kind: 'writing', done, total }),
    );
    job.current = j;
    const counts = await j.promise;
    const refused = counts.refused ? ` ${t('hsdsIds.refused', counts)}` : '';
    show({ kind: 'done', message: t('exchange.import.done', counts) + refused });
  } catch (e) {
    show({ kind: 'failed', failure: failureOf(e) });
  } finally {
    job.current = null;
  }
};

export const ImportSection = () => {
  const t = useT();
  const { intlLocale } = useLocale();
  const { repos } = useData();
  const office = useOffice();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [delimiter, setDelimiter] = useState<Delimiter | ''>('');
  const [category, setCategory] = useState<ServiceCategory>('social_services');
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [presence, setPresence] = useState(false);
  const job = useRef<Job<unknown> | null>(null);
  const writing = useRef<Job<unknown> | null>(null);
  // The check worker holding a plan: ended when the report goes (discard, new file, new screen).
  const session = useRef<CheckSession | null>(null);
  const endSession = () => {
    session.current?.close();
    session.current = null;
  };
  useEffect(() => endSession, []);
  const folderInput = useRef<HTMLInputElement>(null);
  const options = {
    encoding,
    ...(delimiter ? { delimiter } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
  };

  const run = async <T,>(start: () => Job<T>): Promise<T> => {
    setStage({ kind: 'working', done: 0, total: 0 });
    const j = start();
    job.current = j;
    try {
      return await j.promise;
    } finally {
      job.current = null;
    }
  };
  const progress = (done: number, total: number) => setStage({ kind: 'working', done, total });
  const fail = (e: unknown) => setStage({ kind: 'failed', failure: failureOf(e) });

  const check = async (
    files: InputFile[],
    format: ImportFormat,
    mapping: Mapping,
    values: ValueMap = {},
  ) => {
    try {
      const context = {
        office: office.officeCode,
        country: office.country,
        now: new Date().toISOString(),
        defaultCategory: category,
      };
      endSession();
      const checked = await run(() =>
        startCheck(
          {
            type: 'plan',
            files,
            format,
            options,
            mapping,
            values,
            presence: presence && (format === 'csv' || format === 'xlsx'),
            context,
          },
          progress,
        ),
      );
      session.current = checked;
      const { dbName, dataKey } = repos.exchange.writeContext();
      const duplicates = await checked.duplicates(dbName, dataKey);
      setStage({
        kind: 'report',
        session: checked,
        summary: checked.summary,
        duplicates,
        decisions: new Map(duplicates.map((d) => [d.serviceId, defaultDecision(d)])),
      });
    } catch (e) {
      fail(e);
    }
  };

  const open = async (files: InputFile[], sheetName?: string) => {
    try {
      const format = detectFormat(files);
      if (format !== 'csv' && format !== 'xlsx') return await check(files, format, {});
      const file = files[0]!;
      const opts = { ...options, ...(sheetName !== undefined ? { sheet: sheetName } : {}) };
      if (sheetName === undefined) delete opts.sheet;
      const { preview } = await run(() =>
        runImportWorker({ type: 'preview', file, format, options: opts }, 'preview', progress),
      );
      setSheet(preview.sheet);
      // A KoBo / ODK export of the HTCDS form: its rows are cases, not services.
      if (isSurveyHeader(preview.header)) return setStage({ kind: 'survey', file, format });
      // An HXL row says OCHA 3W/5W: grouping is offered checked; the user can untick it.
      setPresence(!!preview.hxl);
      const remembered = await repos.exchange.getMapping(preview.signature);
      setStage({
        kind: 'mapping',
        files,
        format,
        preview,
        mapping: remembered ?? preview.suggested,
        remembered: !!remembered,
      });
    } catch (e) {
      fail(e);
    }
  };

  const chooseFile = async () => {
    const picked = await platform().openFile({
      extensions: ['csv', 'tsv', 'txt', 'xlsx', 'json', 'zip'],
    });
    if (picked) await open([{ name: picked.name, bytes: picked.data }]);
  };
  const chooseFolder = async (list: FileList | null) => {
    const files = await Promise.all(
      [...(list ?? [])].map(async (f) => ({
        name: f.name,
        bytes: new Uint8Array(await f.arrayBuffer()),
      })),
    );
    if (files.length) await open(files);
  };

  return (
    <section aria-labelledby="exchange-import" className="exchange-section">
      <h2 id="exchange-import">{t('exchange.import.title')}</h2>
      <p>{t('exchange.import.intro')}</p>
      <p className="hint">
        {t('exchange.import.limits', {
          fileMb: LIMITS.fileBytes / MB,
          zipMb: LIMITS.unzippedBytes / MB,
          rows: new Intl.NumberFormat(intlLocale).format(LIMITS.rows),
          depth: LIMITS.jsonDepth,
        })}
      </p>
      {(stage.kind === 'idle' || stage.kind === 'done' || stage.kind === 'failed') && (
        <>
          <ImportOptions
            encoding={encoding}
            setEncoding={setEncoding}
            delimiter={delimiter}
            setDelimiter={setDelimiter}
            category={category}
            setCategory={setCategory}
          />
          <div className="actions">
            <button type="button" className="primary" onClick={chooseFile}>
              {t('exchange.import.chooseFile')}
            </button>
            <button type="button" onClick={() => folderInput.current?.click()}>
              {t('exchange.import.chooseFolder')}
            </button>
            <input
              ref={(el) => {
                folderInput.current = el;
                el?.setAttribute('webkitdirectory', '');
              }}
              type="file"
              multiple
              hidden
              aria-label={t('exchange.import.chooseFolder')}
              onChange={(e) => void chooseFolder(e.currentTarget.files)}
            />
          </div>
        </>
      )}
      {stage.kind === 'done' && <p role="status">{stage.message}</p>}
      {stage.kind === 'failed' &&
        (stage.failure.code === 'cancelled' ? (
          <p role="status">{t('exchange.cancelled')}</p>
        ) : (
          <p role="alert" className="error">
            {failureText(t, stage.failure)}
          </p>
        ))}
      {stage.kind === 'working' && (
        <div className="exchange-progress">
          <p>
            {stage.total
              ? t('exchange.progress.checking', { done: stage.done, total: stage.total })
              : t('exchange.progress.reading')}
          </p>
          <progress
            aria-label={t('exchange.progress.label')}
            {...(stage.total ? { value: stage.done, max: stage.total } : {})}
          />
          <button type="button" onClick={() => job.current?.cancel()}>
            {t('exchange.cancel')}
          </button>
        </div>
      )}
      {stage.kind === 'mapping' && (
        <MappingStep
          name={stage.files[0]!.name}
          preview={stage.preview}
          mapping={stage.mapping}
          remembered={stage.remembered}
          onChange={(mapping) => setStage({ ...stage, mapping })}
          onCancel={() => setStage({ kind: 'idle' })}
          onSheet={(name) => void open(stage.files, name)}
          presence={presence}
          onPresence={setPresence}
          onValidate={async () => {
            const { files, format, preview, mapping } = stage;
            await repos.exchange.saveMapping(preview.signature, mapping);
            if (!CLOSED_FIELDS.some((f) => mapping[f] !== undefined))
              return check(files, format, mapping);
            try {
              const { values: distinct } = await run(() =>
                runImportWorker(
                  {
                    type: 'values',
                    file: files[0]!,
                    format,
                    options,
                    mapping,
                    country: office.country,
                  },
                  'values',
                  progress,
                ),
              );
              const values = await repos.exchange.getValueMap(preview.signature);
              setStage({ kind: 'values', files, format, preview, mapping, distinct, values });
            } catch (e) {
              fail(e);
            }
          }}
        />
      )}
      {stage.kind === 'values' && (
        <ValueStep
          distinct={stage.distinct}
          values={stage.values}
          country={office.country}
          header={stage.preview.header}
          columns={stage.mapping}
          onChange={(values) => setStage({ ...stage, values })}
          onBack={() =>
            setStage({
              kind: 'mapping',
              files: stage.files,
              format: stage.format,
              preview: stage.preview,
              mapping: stage.mapping,
              remembered: true,
            })
          }
          onCheck={async () => {
            await repos.exchange.saveValueMap(stage.preview.signature, stage.values);
            await check(stage.files, stage.format, stage.mapping, stage.values);
          }}
        />
      )}
      {stage.kind === 'report' && (
        <ImportReport
          summary={stage.summary}
          loadIssues={stage.session.issues}
          country={office.country}
          duplicates={stage.duplicates}
          decisions={stage.decisions}
          onDecide={(decisions) => setStage({ ...stage, decisions })}
          onFix={(fix) =>
            void stage.session.fix(fix).then((summary) => setStage({ ...stage, summary }), fail)
          }
          onDiscard={() => {
            endSession();
            setStage({ kind: 'idle' });
          }}
          onImport={() => {
            // The session is the write's now: the check worker ends once the plan is handed over.
            session.current = null;
            void writeImport(repos.exchange, stage, setStage, writing, t);
          }}
        />
      )}
      {stage.kind === 'writing' && (
        <WriteProgress
          done={stage.done}
          total={stage.total}
          onCancel={() => writing.current?.cancel()}
        />
      )}
      {stage.kind === 'survey' && (
        <SurveyStep
          file={stage.file}
          format={stage.format}
          options={options}
          onCancel={() => setStage({ kind: 'idle' })}
          onDone={(message) => setStage({ kind: 'done', message })}
        />
      )}
    </section>
  );
};
