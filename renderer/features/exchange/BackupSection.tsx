/**
 * Backup of the whole database to one encrypted file, and restore from one. Restore replaces
 * everything, so it needs the file, its passphrase and an explicit acknowledgement.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useData, useOffice } from '../../app/data';
import { useSession } from '../accounts/session';
import { useT } from '../../app/i18n';
import { platform } from '../../platform';
import { Field } from '../../ui/Field';
import { useFormatDateTime, useFormatKb } from '../../ui/format';
import { PasswordPair } from '../../ui/PasswordPair';
import { StatusNote } from '../../ui/StatusNote';
import type { Note } from '../../ui/StatusNote';
import { MIME, save, today } from './files';
import { failureOf, failureText } from './text';

const MIN = 10;

export const BackupSection = () => {
  const t = useT();
  const when = useFormatDateTime();
  const kb = useFormatKb();
  const { repos } = useData();
  const office = useOffice();
  const last = useLiveQuery(() => repos.exchange.lastRun('backup'), [repos]);
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState<'' | 'backup' | 'restore'>('');
  const [file, setFile] = useState<{ name: string; data: Uint8Array }>();
  const [restorePass, setRestorePass] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [restoreNote, setRestoreNote] = useState<Note>();
  // Backup and restore ask the administrator's password again (issue 13): checked in the
  // repository, which refuses anyone else whatever this screen shows.
  const [password, setPassword] = useState('');
  const session = useSession();

  const backup = async () => {
    if (pass.length < MIN)
      return setNote({ text: t('exchange.backup.tooShort', { min: MIN }), error: true });
    if (pass !== confirm) return setNote({ text: t('exchange.backup.mismatch'), error: true });
    setBusy('backup');
    setNote(undefined);
    try {
      const bytes = await repos.backup.backup(pass, password);
      const name = `${t('exchange.backup.fileName')}-${office.officeCode}-${today()}.backup`;
      const { saved } = await save(name, MIME.backup, bytes);
      if (saved) {
        await repos.exchange.record('backup', { file: name, bytes: bytes.length });
        setNote({
          text: t('exchange.backup.created', { size: kb(bytes.length) }),
          error: false,
        });
        setPass('');
        setConfirm('');
        setPassword('');
      }
    } catch (e) {
      setNote({ text: failureText(t, failureOf(e)), error: true });
    } finally {
      setBusy('');
    }
  };

  const restore = async () => {
    if (!file) return;
    setBusy('restore');
    setRestoreNote(undefined);
    try {
      const summary = await repos.backup.restore(
        file.data,
        restorePass,
        password,
        session.store.actor(office.officeCode),
      );
      await repos.exchange.record('restore', { file: file.name, rows: summary.rows });
      const notes = [
        t('exchange.restore.done', { rows: summary.rows }),
        ...(summary.syncKeys === 'lost' ? [t('trust.restore.noSyncKeys')] : []),
        ...(summary.disabledAdmins.length
          ? [t('trust.restore.disabledAdmins', { names: summary.disabledAdmins.join(', ') })]
          : []),
      ];
      setRestoreNote({ text: notes.join(' '), error: false });
      setPassword('');
      setFile(undefined);
      setRestorePass('');
      setUnderstood(false);
    } catch (e) {
      setRestoreNote({ text: failureText(t, failureOf(e)), error: true });
    } finally {
      setBusy('');
    }
  };

  if (!session.can('backup')) return null;
  return (
    <section aria-labelledby="exchange-backup" className="exchange-section">
      <h2 id="exchange-backup">{t('exchange.backup.title')}</h2>
      <p>{t('exchange.backup.intro')}</p>
      <p>
        {last ? t('exchange.backup.last', { date: when(last.at) }) : t('exchange.backup.never')}
      </p>
      <p className="hint">{t('exchange.backup.auto')}</p>
      <Field label={t('trust.backup.password')} hint={t('trust.backup.passwordHint')}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <form
        className="exchange-options"
        onSubmit={(e) => {
          e.preventDefault();
          void backup();
        }}
      >
        <PasswordPair
          label={t('exchange.backup.passphrase')}
          confirmLabel={t('exchange.backup.passphraseConfirm')}
          hint={t('exchange.backup.passphraseHint', { min: MIN })}
          value={{ password: pass, confirm }}
          onChange={(v) => {
            setPass(v.password);
            setConfirm(v.confirm);
          }}
        />
        <div className="field">
          <button type="submit" className="primary" disabled={busy !== ''}>
            {busy === 'backup' ? t('exchange.backup.working') : t('exchange.backup.create')}
          </button>
        </div>
      </form>
      <StatusNote note={note} />

      <h3>{t('exchange.restore.title')}</h3>
      <p className="exchange-warning">{t('exchange.restore.warning')}</p>
      <div className="actions">
        <button
          type="button"
          onClick={async () => {
            const picked = await platform().openFile({ extensions: ['backup'] });
            if (picked) setFile(picked);
          }}
        >
          {t('exchange.restore.choose')}
        </button>
        {file && <bdi>{file.name}</bdi>}
      </div>
      <div className="exchange-options">
        <Field label={t('exchange.restore.passphrase')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="off"
              value={restorePass}
              onChange={(e) => setRestorePass(e.target.value)}
            />
          )}
        </Field>
      </div>
      <label className="exchange-choice">
        <input
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.target.checked)}
        />{' '}
        {t('exchange.restore.confirm')}
      </label>
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={!file || !restorePass || !password || !understood || busy !== ''}
          onClick={restore}
        >
          {busy === 'restore' ? t('exchange.restore.working') : t('exchange.restore.button')}
        </button>
      </div>
      <StatusNote note={restoreNote} />
    </section>
  );
};
