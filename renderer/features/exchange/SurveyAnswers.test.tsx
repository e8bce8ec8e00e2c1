// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SurveyChoices, SurveyUnmatched } from '@shared/domain/exchange/survey';
import { EXPLOITATION_TYPES } from '@shared/domain/referrals/schema';
import { I18nProvider } from '../../app/i18n';
import { SurveyAnswers } from './SurveyAnswers';
import { ValueStep } from './ValueStep';
import { LOCALES } from '@shared/i18n/define';
import { loadMessages } from '../../app/messages';

// The provider shows a language once its strings are loaded, as main.tsx does first.
beforeAll(() => Promise.all(LOCALES.map(loadMessages)));

const unmatched: SurveyUnmatched[] = [
  { field: 'exploitationTypes', value: 'Garimpo', rows: 3 },
  { field: 'gender', value: 'Mulher', rows: 1 },
];

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('SurveyAnswers', () => {
  it('one table per list, each answer with its rows and a named drop-down of the list’s labels', () => {
    const onChoose = vi.fn();
    render(
      <I18nProvider>
        <SurveyAnswers
          unmatched={unmatched}
          choices={{ gender: { mulher: ['Feminine'] } }}
          onChoose={onChoose}
        />
      </I18nProvider>,
    );
    const table = screen.getByRole('table', { name: 'Réponses hors liste : Forme d’exploitation' });
    expect(within(table).getByRole('row', { name: /Garimpo/ }).textContent).toContain('3');
    const pick = screen.getByRole('combobox', {
      name: 'Forme d’exploitation : ce que devient « Garimpo »',
    });
    // "À choisir…" then every allowed value, labelled in the interface language.
    const options = within(pick).getAllByRole('option');
    expect(options).toHaveLength(EXPLOITATION_TYPES.length + 1);
    expect(options.map((o) => o.textContent)).toContain('Mendicité forcée');
    expect((pick as HTMLSelectElement).value).toBe('');
    const gender = screen.getByRole('combobox', {
      name: 'Sexe / genre : ce que devient « Mulher »',
    });
    expect((gender as HTMLSelectElement).value).toBe('Feminine');
    // One answer still to choose: the gender's is chosen.
    expect(
      screen.getByText('1 réponse à choisir ; sinon leurs lignes sont refusées.'),
    ).toBeTruthy();

    fireEvent.change(pick, { target: { value: 'Servitude' } });
    expect(onChoose).toHaveBeenCalledWith('exploitationTypes', 'Garimpo', ['Servitude']);
    fireEvent.change(gender, { target: { value: '' } });
    expect(onChoose).toHaveBeenLastCalledWith('gender', 'Mulher', []);
  });

  it('a select_multiple answer: every value chosen shown by its label, each removable, more added', () => {
    const onChoose = vi.fn();
    const answers = (choices: SurveyChoices) => (
      <I18nProvider>
        <SurveyAnswers
          unmatched={[{ field: 'exploitationTypes', value: 'Travail domestique', rows: 2 }]}
          choices={choices}
          onChoose={onChoose}
        />
      </I18nProvider>
    );
    const { rerender } = render(
      answers({ exploitationTypes: { 'travail domestique': ['Servitude', 'SexualExploitation'] } }),
    );
    const chosen = screen.getByRole('list', {
      name: 'Valeurs choisies pour « Travail domestique »',
    });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('bdi')!.textContent),
    ).toEqual(['Servitude', 'Exploitation sexuelle']);
    const add = screen.getByRole('combobox', {
      name: 'Forme d’exploitation : ce que devient « Travail domestique »',
    }) as HTMLSelectElement;
    // The values not chosen yet, after "add".
    const options = within(add).getAllByRole('option');
    expect(options[0]!.textContent).toBe('Ajouter une valeur…');
    expect(options).toHaveLength(EXPLOITATION_TYPES.length - 2 + 1);
    expect(options.map((o) => o.textContent)).not.toContain('Servitude');
    fireEvent.change(add, { target: { value: 'ForcedLabour' } });
    expect(onChoose).toHaveBeenLastCalledWith('exploitationTypes', 'Travail domestique', [
      'Servitude',
      'SexualExploitation',
      'ForcedLabour',
    ]);
    fireEvent.click(
      screen.getByRole('button', { name: 'Retirer « Servitude » de « Travail domestique »' }),
    );
    expect(onChoose).toHaveBeenLastCalledWith('exploitationTypes', 'Travail domestique', [
      'SexualExploitation',
    ]);
    // The last one removed: back to "to choose", its rows refused.
    rerender(answers({ exploitationTypes: { 'travail domestique': ['Servitude'] } }));
    fireEvent.click(
      screen.getByRole('button', { name: 'Retirer « Servitude » de « Travail domestique »' }),
    );
    expect(onChoose).toHaveBeenLastCalledWith('exploitationTypes', 'Travail domestique', []);
    // Nothing chosen: no list, the drop-down says "to choose", and a first value is one code.
    rerender(answers({}));
    expect(screen.queryByRole('list')).toBeNull();
    expect(within(add).getAllByRole('option')[0]!.textContent).toBe('À choisir…');
    fireEvent.change(add, { target: { value: 'Servitude' } });
    expect(onChoose).toHaveBeenLastCalledWith('exploitationTypes', 'Travail domestique', [
      'Servitude',
    ]);
  });

  it('in Arabic: the list, the drop-down’s name and the labels', () => {
    localStorage.setItem('passerelle.locale', 'ar');
    render(
      <I18nProvider>
        <SurveyAnswers unmatched={unmatched} choices={{}} onChoose={() => {}} />
      </I18nProvider>,
    );
    const pick = screen.getByRole('combobox', {
      name: 'شكل الاستغلال: ما تصبح عليه الإجابة «Garimpo»',
    });
    expect(
      within(pick)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('الاستعباد');
  });

  it('nothing unmatched: nothing shown', () => {
    const { container } = render(
      <I18nProvider>
        <SurveyAnswers unmatched={[]} choices={{}} onChoose={() => {}} />
      </I18nProvider>,
    );
    expect(container.textContent).toBe('');
  });
});

describe('ValueStep, on the shared table', () => {
  it('keeps its drop-downs, its labels and its choices', () => {
    const onChange = vi.fn();
    render(
      <I18nProvider>
        <ValueStep
          distinct={{
            category: [
              { value: 'Abri', rows: 4, match: ['shelter'] },
              { value: 'Truc', rows: 2, match: null },
            ],
          }}
          values={{}}
          country="ML"
          header={['Nom', 'Type']}
          columns={{ category: 1 }}
          onChange={onChange}
          onCheck={() => {}}
          onBack={() => {}}
        />
      </I18nProvider>,
    );
    const abri = screen.getByRole('combobox', { name: /Abri$/ }) as HTMLSelectElement;
    expect(abri.value).toBe('shelter');
    const truc = screen.getByRole('combobox', { name: /Truc$/ }) as HTMLSelectElement;
    expect(truc.value).toBe('');
    expect(screen.getByText(/^1 valeurs à choisir/)).toBeTruthy();
    fireEvent.change(truc, { target: { value: 'medical' } });
    expect(onChange).toHaveBeenCalledWith({ category: { truc: ['medical'] } });
  });
});
