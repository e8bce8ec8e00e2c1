// @vitest-environment happy-dom
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { passwordErrors } from '@shared/domain/accounts/password';
import { I18nProvider } from '../app/i18n';
import { PasswordPair, type PasswordPairValue } from './PasswordPair';
import { LOCALES } from '@shared/i18n/define';
import { loadMessages } from '../app/messages';

// The provider shows a language once its strings are loaded, as main.tsx does first.
beforeAll(() => Promise.all(LOCALES.map(loadMessages)));

afterEach(cleanup);

const Controlled = ({ seen }: { seen: PasswordPairValue[] }) => {
  const [value, setValue] = useState({ password: '', confirm: '' });
  return (
    <PasswordPair
      label="Phrase"
      confirmLabel="Encore"
      hint="Au moins 12"
      value={value}
      onChange={(v) => {
        seen.push(v);
        setValue(v);
      }}
    />
  );
};

describe('PasswordPair', () => {
  it('labels both fields, links the hint, and asks for a new password', () => {
    render(
      <I18nProvider>
        <PasswordPair label="Mot" confirmLabel="Confirmer" hint="Un indice" />
      </I18nProvider>,
    );
    const first = screen.getByLabelText('Mot');
    const second = screen.getByLabelText('Confirmer');
    expect(first).not.toBe(second);
    for (const input of [first, second]) {
      expect(input.getAttribute('type')).toBe('password');
      expect(input.getAttribute('autocomplete')).toBe('new-password');
    }
    expect([first.getAttribute('name'), second.getAttribute('name')]).toEqual([
      'password',
      'confirm',
    ]);
    const hintId = first.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(hintId)?.textContent).toBe('Un indice');
    expect(second.getAttribute('aria-describedby')).toBeNull();
  });

  it('shows the checks’ errors on their field: the limit named, and the mismatch', () => {
    const short = passwordErrors('court', 'court', {});
    const { rerender } = render(
      <I18nProvider>
        <PasswordPair label="Mot" confirmLabel="Confirmer" errors={short} />
      </I18nProvider>,
    );
    const first = screen.getByLabelText('Mot');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    const errorId = (first.getAttribute('aria-describedby') ?? '').split(' ').pop() ?? '';
    expect(document.getElementById(errorId)?.textContent).toMatch(/10/);

    const mismatch = passwordErrors('un long mot de passe', 'un autre mot', {});
    expect(Object.keys(mismatch)).toEqual(['confirm']);
    rerender(
      <I18nProvider>
        <PasswordPair label="Mot" confirmLabel="Confirmer" errors={mismatch} />
      </I18nProvider>,
    );
    expect(screen.getByLabelText('Mot').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Confirmer').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps each side in its own slot when controlled', () => {
    const seen: PasswordPairValue[] = [];
    render(
      <I18nProvider>
        <Controlled seen={seen} />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('Phrase'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByLabelText('Encore'), { target: { value: 'abd' } });
    expect(seen).toEqual([
      { password: 'abc', confirm: '' },
      { password: 'abc', confirm: 'abd' },
    ]);
    expect((screen.getByLabelText('Phrase') as HTMLInputElement).value).toBe('abc');
  });
});
