/**
 * Create or change an account: name, role (with what it allows), the shelters of a shelter
 * manager, and for a new account its first password (to be changed at the first login).
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ROLES, type Role } from '@shared/domain/accounts/roles';
import type { UserInput, UserSummary } from '@shared/domain/accounts/schema';
import { useData } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { normalizeText as normalize } from '@shared/domain/directory/normalize';
import { ErrorSummary, Field } from '../../ui/Field';
import { PasswordPair } from '../../ui/PasswordPair';
import { LabelledControl } from '../directory/Filters';
import { regionName } from '../directory/useDirectory';

export type UserFormValues = {
  input: UserInput;
  password: string;
  confirm: string;
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const ShelterChoice = ({ selected, error }: { selected: readonly string[]; error?: string }) => {
  const t = useT();
  const { repos } = useData();
  const [filter, setFilter] = useState('');
  const views = useLiveQuery(() => repos.directory.listViews(), [repos]);
  const shelters = useMemo(
    () =>
      (views ?? [])
        .filter((v) => v.service.category === 'shelter')
        .map((v) => ({
          view: v,
          region: regionName(v.locations[0]?.address.adminAreaCode),
        }))
        .sort(
          (a, b) =>
            collator.compare(a.region, b.region) ||
            collator.compare(a.view.service.name, b.view.service.name),
        ),
    [views],
  );
  const wanted = normalize(filter);
  const shown = (name: string, region: string) =>
    !wanted || normalize(`${name} ${region}`).includes(wanted);
  return (
    <fieldset className={`shelter-choice ${error ? 'field-invalid' : ''}`}>
      <legend>{t('accounts.shelters')}</legend>
      {views && shelters.length === 0 && <p className="hint">{t('accounts.sheltersNone')}</p>}
      {shelters.length > 8 && (
        <LabelledControl label={t('ux.users.filterShelters')} className="shelter-filter">
          {(id) => (
            <input
              id={id}
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
        </LabelledControl>
      )}
      <div className="shelter-list">
        {/* Filtered-out shelters stay in the form, hidden, so their ticks are kept. */}
        {shelters.map(({ view: v, region }) => (
          <label key={v.service.id} className="checkbox" hidden={!shown(v.service.name, region)}>
            <input
              type="checkbox"
              name="shelterServiceIds"
              value={v.service.id}
              defaultChecked={selected.includes(v.service.id)}
            />
            <bdi>{v.service.name}</bdi>
            {region && <span className="muted"> · {region}</span>}
          </label>
        ))}
      </div>
      {error && <p className="error">{isMessageId(error) ? t(error) : error}</p>}
    </fieldset>
  );
};

export const UserForm = ({
  user,
  label,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** The account being changed; none for a new one. */
  user?: UserSummary;
  label: string;
  submitLabel: string;
  onSubmit: (values: UserFormValues) => Promise<Record<string, string> | null>;
  onCancel: () => void;
}) => {
  const t = useT();
  const [role, setRole] = useState<Role>(user?.role ?? 'coordinator');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '');
    const problems = await onSubmit({
      input: {
        username: user?.username ?? text('username'),
        displayName: text('displayName'),
        role,
        shelterServiceIds: data.getAll('shelterServiceIds').map(String),
      },
      password: text('password'),
      confirm: text('confirm'),
    });
    setErrors(problems ?? {});
  };

  return (
    <form onSubmit={submit} noValidate aria-label={label} className="panel user-form">
      <h2>{label}</h2>
      <ErrorSummary errors={errors} />
      {!user && (
        <Field
          label={t('accounts.username')}
          hint={t('accounts.usernameHint')}
          error={errors.username}
        >
          {(p) => <input {...p} name="username" autoComplete="off" autoCapitalize="none" />}
        </Field>
      )}
      <Field label={t('accounts.displayName')} error={errors.displayName}>
        {(p) => (
          <input {...p} name="displayName" defaultValue={user?.displayName} autoComplete="off" />
        )}
      </Field>
      <Field label={t('accounts.role')} hint={t(`role.${role}.about`)} error={errors.role}>
        {(p) => (
          <select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === 'shelter_manager' && (
        <ShelterChoice selected={user?.shelterServiceIds ?? []} error={errors.shelterServiceIds} />
      )}
      {!user && (
        <>
          <PasswordPair
            label={t('accounts.password')}
            confirmLabel={t('accounts.confirm')}
            hint={t('users.firstPassword')}
            errors={errors}
          />
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
};

/** An administrator's reset: a temporary password, twice. */
export const ResetForm = ({
  user,
  onSubmit,
  onCancel,
}: {
  user: UserSummary;
  onSubmit: (password: string, confirm: string) => Promise<Record<string, string> | null>;
  onCancel: () => void;
}) => {
  const t = useT();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const label = t('users.resetFor', { username: user.username });
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setErrors(
      (await onSubmit(String(data.get('password') ?? ''), String(data.get('confirm') ?? ''))) ?? {},
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={label} className="panel user-form">
      <h2>{label}</h2>
      <ErrorSummary errors={errors} />
      <PasswordPair
        label={t('accounts.password')}
        confirmLabel={t('accounts.confirm')}
        hint={t('users.firstPassword')}
        errors={errors}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('users.reset')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
};
