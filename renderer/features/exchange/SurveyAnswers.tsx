/**
 * The survey step's answers that nothing names (a local word, a label in another language), per
 * list, with their rows and a drop-down of the list's values in the interface language; for a
 * select_multiple list, every value chosen is shown by its label, and more can be added. A
 * choice goes back to the check (in the worker) and is remembered for the layout.
 */
import type { SurveyChoices, SurveyClosed, SurveyUnmatched } from '@shared/domain/exchange/survey';
import { isSurveyMulti, SURVEY_CLOSED, surveyAllowed } from '@shared/domain/exchange/survey';
import type { MessageId } from '@shared/i18n/catalogues';
import { isMessageId, useT } from '../../app/i18n';
import type { Translate } from '../../app/i18n';
import { ChoiceTable, chosenFor } from './ChoiceTable';

const LIST_LABEL: Record<SurveyClosed, MessageId> = {
  traffickingStatus: 'referrals.form.traffickingStatus',
  exploitationTypes: 'referrals.form.exploitation',
  gender: 'referrals.form.gender',
};
/** The label catalogues of the referral form, which the survey's lists share. */
const CODE_PREFIX: Record<SurveyClosed, string> = {
  traffickingStatus: 'referrals.status.',
  exploitationTypes: 'referrals.exploitation.',
  gender: 'referrals.gender.',
};

export const surveyCodeLabel = (t: Translate, field: SurveyClosed, code: string): string => {
  const id = CODE_PREFIX[field] + code;
  return isMessageId(id) ? t(id) : code;
};

export const SurveyAnswers = (p: {
  unmatched: SurveyUnmatched[];
  choices: SurveyChoices;
  onChoose: (field: SurveyClosed, value: string, codes: string[]) => void;
}) => {
  const t = useT();
  const fields = SURVEY_CLOSED.filter((f) => p.unmatched.some((u) => u.field === f));
  if (fields.length === 0) return null;
  const pending = p.unmatched.filter((u) => !chosenFor(p.choices, u.field, u.value)).length;
  return (
    <section className="import-values import-survey-answers" aria-labelledby="survey-answers">
      <h4 id="survey-answers">{t('importSurveyChoices.title')}</h4>
      <p className="hint">{t('importSurveyChoices.intro')}</p>
      {fields.map((field) => {
        const list = t(LIST_LABEL[field]);
        const allowed = surveyAllowed(field);
        const multi = isSurveyMulti(field);
        return (
          <ChoiceTable
            key={field}
            caption={t('importSurveyChoices.caption', { list })}
            selectLabel={(answer) => t('importSurveyChoices.select', { list, answer })}
            onChoose={(value, option) => p.onChoose(field, value, option ? option.split(',') : [])}
            {...(multi
              ? {
                  multi: {
                    chosenLabel: (answer) => t('importSurveyChoices.chosen', { answer }),
                    removeLabel: (answer, value) =>
                      t('importSurveyChoices.remove', { answer, value }),
                    addText: t('importSurveyChoices.add'),
                  },
                }
              : {})}
            rows={p.unmatched
              .filter((u) => u.field === field)
              .map((u) => {
                const current = (chosenFor(p.choices, field, u.value) ?? []).join(',');
                const options = [...allowed];
                // One drop-down line per set of codes, unless each code is shown on its own.
                if (!multi && current && !options.includes(current)) options.unshift(current);
                return {
                  value: u.value,
                  rows: u.rows,
                  current,
                  options: options.map((o) => ({
                    value: o,
                    label: o
                      .split(',')
                      .map((c) => surveyCodeLabel(t, field, c))
                      .join(' + '),
                  })),
                };
              })}
          />
        );
      })}
      {pending > 0 && (
        <p className="warning">{t('importSurveyChoices.pending', { count: pending })}</p>
      )}
    </section>
  );
};
