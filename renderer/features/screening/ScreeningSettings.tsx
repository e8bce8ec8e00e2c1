/**
 * The office's screening form, for administrators: edit it here (FormEditor), or download it
 * as JSON, edit it (or take the ministry's) and upload it; the repository checks it whole with
 * the schema and refuses it whole, naming the first faulty path. Every change of the form is a
 * new version. Also the region "at the office" ranks services from.
 */
import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { profileFor } from '@shared/domain/directory/areas';
import { useData, useOffice } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { platform } from '../../platform';
import { Field } from '../../ui/Field';
import { FormEditor } from './FormEditor';
import { useLocalized, useScreeningConfig } from './hooks';
import './screening.css';

/** Far above any national form (the default is 16 kB): refuse before parsing. */
const MAX_BYTES = 2 * 1024 * 1024;

export const ScreeningSettings = () => {
  const t = useT();
  const text = useLocalized();
  const { repos } = useData();
  const office = useOffice();
  const config = useScreeningConfig();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const uploadId = useId();
  if (!config) return <p role="status">{t('status.loading')}</p>;
  const { set } = config;
  const areas = profileFor(office.country)?.areas ?? [];
  const done = (result: Awaited<ReturnType<typeof repos.screening.saveConfig>>) => {
    if (result.ok) {
      setError('');
      setMessage(t('screening.settings.saved', { version: result.value.set.version }));
    } else {
      const [path, id] = Object.entries(result.errors)[0] ?? ['_', 'validation.invalid'];
      setMessage('');
      setError(t('screening.settings.refused', { path, message: isMessageId(id) ? t(id) : id }));
    }
  };
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let parsed: unknown;
    try {
      if (file.size > MAX_BYTES) throw new Error('too large');
      parsed = JSON.parse(await file.text());
    } catch {
      setMessage('');
      return setError(t('screening.settings.notJson'));
    }
    done(await repos.screening.saveConfig({ set: parsed, officeArea: config.officeArea }));
  };
  const download = () =>
    platform().saveFile({
      suggestedName: `screening-form-v${set.version}.json`,
      mimeType: 'application/json',
      data: `${JSON.stringify(set, null, 2)}\n`,
    });

  return (
    <div className="screening-settings">
      <h1 tabIndex={-1}>{t('screening.settings.title')}</h1>
      <p>{t('screening.settings.intro')}</p>
      {message && <p role="status">{message}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <section className="panel tight">
        <h2>
          <bdi>{text(set.name)}</bdi>
        </h2>
        <p>
          {t('screening.settings.current', {
            version: set.version,
            indicators: set.indicators.length,
            rules: set.rules.length,
            needs: set.needs.length,
          })}
        </p>
        <div className="actions">
          <button type="button" onClick={() => void download()}>
            {t('screening.settings.download')}
          </button>
          <label htmlFor={uploadId} className="button">
            {t('screening.settings.upload')}
          </label>
          <input
            id={uploadId}
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            onChange={(e) => void upload(e)}
          />
          <button type="button" onClick={() => setConfirmReset(true)} disabled={confirmReset}>
            {t('screening.settings.reset')}
          </button>
        </div>
        {confirmReset && (
          // Asked in the page, next to the button: the office's form is replaced (kept as a
          // past version, which screenings made with it still read).
          <div className="confirm" role="group" aria-labelledby="screening-reset-confirm">
            <p id="screening-reset-confirm">{t('screeningEditor.reset.confirm')}</p>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmReset(false);
                void repos.screening.resetConfig().then(done);
              }}
            >
              {t('screeningEditor.reset.yes')}
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>
              {t('action.cancel')}
            </button>
          </div>
        )}
        <Field label={t('screening.settings.officeArea')}>
          {(p) => (
            <select
              {...p}
              value={config.officeArea ?? ''}
              onChange={(e) =>
                void repos.screening
                  .saveConfig({ set, officeArea: e.target.value || null })
                  .then(done)
              }
            >
              <option value="">{t('screening.settings.officeAreaNone')}</option>
              {areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>
      <FormEditor
        key={set.version}
        set={set}
        officeArea={config.officeArea}
        onSaved={(text) => {
          setError('');
          setMessage(text);
        }}
      />
    </div>
  );
};
