/**
 * Settings → Sauvegarde automatique (issue 6): turn the daily backup on, choose how many to keep
 * and the passphrase (stored sealed with the data key), see the last one and the files kept.
 * Shown to users who may back up; in the browser, only a note that the desktop app does it.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  AUTO_BACKUP_DEFAULT_KEEP,
  AUTO_BACKUP_MAX_KEEP,
  AUTO_BACKUP_MIN_PASSPHRASE as MIN,
} from '@shared/domain/exchange/autoBackup';
import type { PlatformResult } from '@shared/platform/contract';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { platform } from '../../platform';
import { Field } from '../../ui/Field';
import { useFormatDateTime, useFormatKb } from '../../ui/format';
import { PasswordPair } from '../../ui/PasswordPair';
import { StatusNote } from '../../ui/StatusNote';
import type { Note } from '../../ui/StatusNote';
import { useSession } from '../accounts/session';
import { runAutoBackup, useIsDesktop } from './AutoBackupScheduler';

type Files = PlatformResult<'autoBackupList'>['files'];

export const AutoBackupSection = () => {
  const t = useT();
  const when = useFormatDateTime();
  const kb = useFormatKb();
  const { repos } = useData();
  const { can, dataKey } = useSession();
  const desktop = useIsDesktop();
  const settings = useLiveQuery(() => repos.autoBackup.get(), [repos]);
  const [files, setFiles] = useState<Files>();
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');

  // Listed again after every backup, whoever made it (the clock or the button).
  const lastAt = settings?.lastAt;
  useEffect(() => {
    if (!desktop) return;
    let live = true;
    platform()
      .autoBackupList(undefined)
      .then((r) => live && setFiles(r.files))
      .catch(() => live && setFiles([]));
    return () => {
      live = false;
    };
  }, [desktop, lastAt]);

  if (!can('backup')) return null;
  const heading = <h2 id="settings-auto-backup">{t('autoBackup.title')}</h2>;
  if (desktop === false)
    return (
      <section className="panel" aria-labelledby="settings-auto-backup">
        {heading}
        <p className="hint">{t('autoBackup.webOnly')}</p>
      </section>
    );
  if (!settings || desktop === undefined) return null;

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (pass !== confirm) return setNote({ text: t('autoBackup.error.mismatch'), error: true });
    const result = await repos.autoBackup.save(
      {
        enabled: form.get('enabled') === 'on',
        keep: Number(form.get('keep')),
        ...(pass !== '' ? { passphrase: pass } : {}),
      },
      dataKey,
    );
    if (!result.ok)
      return setNote({ text: t(`autoBackup.error.${result.error}`, { min: MIN }), error: true });
    setPass('');
    setConfirm('');
    setNote({ text: t('autoBackup.saved'), error: false });
  };

  const backupNow = async () => {
    if (!dataKey) return;
    setBusy(true);
    setNote(undefined);
    const run = await runAutoBackup(repos.autoBackup, dataKey, true);
    setBusy(false);
    if (run.status === 'saved')
      setNote({ text: t('autoBackup.done', { name: run.name }), error: false });
  };

  return (
    <section aria-labelledby="settings-auto-backup" className="panel auto-backup">
      {heading}
      <p>{t('autoBackup.intro')}</p>
      <p>
        {settings.lastAt
          ? t('autoBackup.last', { date: when(settings.lastAt) })
          : t('autoBackup.never')}
      </p>
      {settings.lastError && (
        <p role="alert" className="error">
          {t('autoBackup.failed', {
            date: when(settings.lastErrorAt ?? new Date().toISOString()),
            reason: t(`autoBackup.reason.${settings.lastError}`),
          })}
        </p>
      )}
      {!dataKey && <p className="hint">{t('autoBackup.locked')}</p>}
      <form
        onSubmit={save}
        aria-label={t('autoBackup.title')}
        key={`${settings.enabled}-${settings.keep}`}
      >
        <label className="checkbox">
          <input type="checkbox" name="enabled" defaultChecked={settings.enabled} />{' '}
          {t('autoBackup.enabled')}
        </label>
        <Field label={t('autoBackup.keep')} hint={t('autoBackup.keepHint')}>
          {(control) => (
            <input
              {...control}
              name="keep"
              type="number"
              min={1}
              max={AUTO_BACKUP_MAX_KEEP}
              step={1}
              required
              defaultValue={settings.keep ?? AUTO_BACKUP_DEFAULT_KEEP}
            />
          )}
        </Field>
        <PasswordPair
          label={t('autoBackup.passphrase')}
          confirmLabel={t('autoBackup.passphraseConfirm')}
          hint={
            t('autoBackup.passphraseHint', { min: MIN }) +
            (settings.passphrase ? ` ${t('autoBackup.passphraseSet')}` : '')
          }
          value={{ password: pass, confirm }}
          onChange={(v) => {
            setPass(v.password);
            setConfirm(v.confirm);
          }}
          disabled={!dataKey}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('autoBackup.save')}
          </button>
          <button
            type="button"
            disabled={busy || !dataKey || !settings.enabled || !settings.passphrase}
            onClick={backupNow}
          >
            {busy ? t('autoBackup.working') : t('autoBackup.now')}
          </button>
        </div>
      </form>
      <StatusNote note={note} />
      <h3>{t('autoBackup.files')}</h3>
      {files && files.length === 0 && <p>{t('autoBackup.filesEmpty')}</p>}
      <ul className="auto-backup-files">
        {files?.map((f) => (
          <li key={f.name}>
            <bdi>{f.name}</bdi> · {t('autoBackup.fileSize', { size: kb(f.size) })} ·{' '}
            <time dateTime={f.modifiedAt}>{when(f.modifiedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
};
