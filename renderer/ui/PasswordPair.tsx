/**
 * A new password (or backup passphrase) and its confirmation: two labelled fields, each with
 * its hint and error wired by `Field`, both `autocomplete="new-password"`. The inputs are named
 * `password` and `confirm`, so uncontrolled forms read them with FormData; give `value` and
 * `onChange` to keep them in state instead. Checking the pair (length, "do not match") stays
 * with the caller, which names the limit in its message.
 */
import { Field } from './Field';

export type PasswordPairValue = { password: string; confirm: string };

export const PasswordPair = ({
  label,
  confirmLabel,
  hint,
  errors = {},
  value,
  onChange,
  disabled,
}: {
  label: string;
  confirmLabel: string;
  hint?: string;
  /** Message ids (or texts) keyed `password` and `confirm`, as the account checks return them. */
  errors?: Partial<Record<keyof PasswordPairValue, string>>;
  value?: PasswordPairValue;
  onChange?: (next: PasswordPairValue) => void;
  disabled?: boolean;
}) => {
  const sides: [keyof PasswordPairValue, string, string | undefined][] = [
    ['password', label, hint],
    ['confirm', confirmLabel, undefined],
  ];
  return (
    <>
      {sides.map(([name, text, help]) => (
        <Field key={name} label={text} hint={help} error={errors[name]}>
          {(p) => (
            <input
              {...p}
              {...(value && onChange
                ? {
                    value: value[name],
                    onChange: (e: { target: { value: string } }) =>
                      onChange({ ...value, [name]: e.target.value }),
                  }
                : {})}
              name={name}
              type="password"
              autoComplete="new-password"
              disabled={disabled}
            />
          )}
        </Field>
      ))}
    </>
  );
};
