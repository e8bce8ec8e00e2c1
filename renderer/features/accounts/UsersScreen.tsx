/** Administrators: the accounts of this PC, and creating, changing, resetting, disabling them. */
import './accounts.css';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { UserSummary } from '@shared/domain/accounts/schema';
import { lockRemainingMs } from '@shared/domain/accounts/lockout';
import { useData } from '../../app/data';
import { isMessageId, useLocale, useT } from '../../app/i18n';
import { RequireDataKey } from './RequireDataKey';
import { useSession } from './session';
import { ResetForm, UserForm } from './UserForm';

type Panel = { kind: 'create' } | { kind: 'edit' | 'reset'; user: UserSummary } | null;

const useFormatDateTime = () => {
  const { intlLocale: locale } = useLocale();
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => formatter.format(new Date(iso));
};

export const UsersScreen = () => {
  const t = useT();
  const { repos } = useData();
  const { dataKey, user: me } = useSession();
  const users = useLiveQuery(() => repos.accounts.list(), [repos]);
  const [panel, setPanel] = useState<Panel>(null);
  const [message, setMessage] = useState('');
  const formatDateTime = useFormatDateTime();

  const stateOf = (u: UserSummary): string =>
    u.disabled
      ? t('users.state.disabled')
      : lockRemainingMs(u, new Date()) > 0
        ? t('users.state.locked')
        : u.mustChangePassword
          ? t('users.state.mustChange')
          : t('users.state.active');

  const messageOf = (id: string) => (isMessageId(id) ? t(id) : id);

  const done = (text: string) => {
    setPanel(null);
    setMessage(text);
  };

  const toggle = async (u: UserSummary) => {
    const result = await repos.accounts.setDisabled(u.id, !u.disabled);
    setMessage(
      result.ok
        ? t(u.disabled ? 'users.enabled' : 'users.disabled', { username: u.username })
        : messageOf(result.errors._ ?? ''),
    );
  };

  return (
    <div className="users">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('users.title')}</h1>
        <button type="button" className="primary" onClick={() => setPanel({ kind: 'create' })}>
          {t('users.new')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {panel?.kind === 'create' && (
        <RequireDataKey>
          <UserForm
            label={t('users.new')}
            submitLabel={t('users.create')}
            onCancel={() => setPanel(null)}
            onSubmit={async ({ input, password, confirm }) => {
              if (!dataKey) return null;
              const r = await repos.accounts.create(input, password, confirm, dataKey);
              if (!r.ok) return r.errors;
              done(t('users.created', { username: r.value.username }));
              return null;
            }}
          />
        </RequireDataKey>
      )}
      {panel?.kind === 'edit' && (
        <UserForm
          key={panel.user.id}
          user={panel.user}
          label={t('users.edit', { username: panel.user.username })}
          submitLabel={t('action.save')}
          onCancel={() => setPanel(null)}
          onSubmit={async ({ input }) => {
            const r = await repos.accounts.update(panel.user.id, input);
            if (!r.ok) return r.errors;
            done(t('users.saved', { username: r.value.username }));
            return null;
          }}
        />
      )}
      {panel?.kind === 'reset' && (
        <RequireDataKey>
          <ResetForm
            key={panel.user.id}
            user={panel.user}
            onCancel={() => setPanel(null)}
            onSubmit={async (password, confirm) => {
              if (!dataKey) return null;
              const r = await repos.accounts.resetPassword(
                panel.user.id,
                password,
                confirm,
                dataKey,
              );
              if (!r.ok) return r.errors;
              done(t('users.resetDone', { username: r.value.username }));
              return null;
            }}
          />
        </RequireDataKey>
      )}
      {users && (
        <table className="service-table users-table" aria-label={t('users.title')}>
          <thead>
            <tr>
              {(['username', 'name', 'role', 'state', 'lastLogin', 'actions'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`users.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
                <td dir="ltr">{u.username}</td>
                <td>
                  <bdi>{u.displayName}</bdi>
                </td>
                <td>
                  {t(`role.${u.role}`)}
                  {u.role === 'shelter_manager' && (
                    <div className="muted">
                      {t('account.shelters', { count: u.shelterServiceIds.length })}
                    </div>
                  )}
                </td>
                <td>{stateOf(u)}</td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      aria-label={t('users.edit', { username: u.username })}
                      onClick={() => setPanel({ kind: 'edit', user: u })}
                    >
                      {t('action.edit')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('users.resetOf', { username: u.username })}
                      onClick={() => setPanel({ kind: 'reset', user: u })}
                    >
                      {t('users.reset')}
                    </button>
                    {u.id !== me?.id && (
                      <button
                        type="button"
                        className={u.disabled ? undefined : 'danger'}
                        aria-label={t(u.disabled ? 'users.enableOf' : 'users.disableOf', {
                          username: u.username,
                        })}
                        onClick={() => void toggle(u)}
                      >
                        {t(u.disabled ? 'users.enable' : 'users.disable')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
