/**
 * The office's screening form, edited in place (issue 16): the questions by group (text and
 * short name in the four interface languages, group, strength, HTCDS value), the suggestion
 * rules and the needs. Checked with the schema every load uses; problems are listed above the
 * form, each naming its field and linking to it, and nothing is saved until there are none.
 * Saving makes a new version of the form (the repository numbers it): past screenings keep
 * theirs.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { IndicatorGroup } from '@shared/domain/screening/core';
import { GROUPS, HTCDS_FIELDS, STRENGTHS } from '@shared/domain/screening/core';
import type { EditorError } from '@shared/domain/screening/editor';
import {
  LANGS,
  RULE_STRENGTHS,
  addIndicator,
  addNeed,
  addRule,
  byGroup,
  controlId,
  htcdsChoices,
  moveIndicator,
  moveNeed,
  moveToGroup,
  removeIndicator,
  removeNeed,
  removeRule,
  sameForm,
  setChildNeed,
  updateIndicator,
  updateNeed,
  updateRule,
  validateSet,
} from '@shared/domain/screening/editor';
import type { Localized, HtcdsField } from '@shared/domain/screening/core';
import type { Indicator, NeedDef, ScreeningSet } from '@shared/domain/screening/schema';
import { SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import { EXPLOITATION_TYPES, NEEDS, URGENCIES } from '@shared/domain/referrals/schema';
import { useData } from '../../app/data';
import type { Translate } from '../../app/i18n';
import { isMessageId, useT } from '../../app/i18n';
import { useLocalized } from './hooks';
import './formEditor.css';

type Errors = Map<string, string>;
const keyOf = (path: readonly (string | number)[]) => path.map(String).join('.');

/** A labelled control whose id is its path, so the summary can link to it. */
const EField = ({
  path,
  label,
  errors,
  children,
  className,
}: {
  path: (string | number)[];
  label: string;
  errors: Errors;
  children: (p: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
  className?: string;
}) => {
  const t = useT();
  const id = controlId(path);
  const error = errors.get(keyOf(path));
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
      })}
      {error && (
        <p className="error" id={`${id}-error`}>
          {isMessageId(error) ? t(error) : error}
        </p>
      )}
    </div>
  );
};

/** One text in the four interface languages; Arabic typed right to left. */
const LangFields = ({
  path,
  legend,
  value,
  errors,
  multiline,
  onChange,
}: {
  path: (string | number)[];
  legend: string;
  value: Localized;
  errors: Errors;
  multiline?: boolean;
  onChange: (patch: Partial<Localized>) => void;
}) => {
  const t = useT();
  return (
    <fieldset className="inner sf-langs">
      <legend>{legend}</legend>
      {LANGS.map((l) => (
        <EField
          key={l}
          path={[...path, l]}
          label={t('screeningEditor.inLang', { text: legend, lang: t(`lang.${l}`) })}
          errors={errors}
        >
          {(p) =>
            multiline ? (
              <textarea
                {...p}
                rows={2}
                lang={l}
                dir={l === 'ar' ? 'rtl' : 'ltr'}
                value={value[l]}
                onChange={(e) => onChange({ [l]: e.target.value })}
              />
            ) : (
              <input
                {...p}
                lang={l}
                dir={l === 'ar' ? 'rtl' : 'ltr'}
                value={value[l]}
                onChange={(e) => onChange({ [l]: e.target.value })}
              />
            )
          }
        </EField>
      ))}
    </fieldset>
  );
};

/** Up, down, remove, for one item of an ordered list; names say which item. */
const ItemTools = ({
  item,
  first,
  last,
  onMove,
  onRemove,
  canRemove = true,
}: {
  item: string;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  canRemove?: boolean;
}) => {
  const t = useT();
  return (
    <span className="sf-tools">
      <button
        type="button"
        disabled={first}
        aria-label={t('screeningEditor.moveUp', { item })}
        onClick={() => onMove(-1)}
      >
        {t('screeningEditor.up')}
      </button>
      <button
        type="button"
        disabled={last}
        aria-label={t('screeningEditor.moveDown', { item })}
        onClick={() => onMove(1)}
      >
        {t('screeningEditor.down')}
      </button>
      {canRemove && (
        <button
          type="button"
          className="danger"
          aria-label={t('screeningEditor.remove', { item })}
          onClick={onRemove}
        >
          {t('screeningEditor.removeShort')}
        </button>
      )}
    </span>
  );
};

/** Where a problem is, in words: "Exploitation, question 3 — Text (Arabic)". */
const describe = (
  t: Translate,
  set: ScreeningSet,
  path: EditorError['path'],
  text: (l: Localized) => string,
): string => {
  const [head, index, field, lang] = path;
  const langName = typeof lang === 'string' && isLang(lang) ? t(`lang.${lang}`) : '';
  const withLang = (label: string) =>
    langName ? t('screeningEditor.inLang', { text: label, lang: langName }) : label;
  if (head === 'name') return withLang(t('screeningEditor.name'));
  if (head === 'indicators' && typeof index === 'number') {
    const i = set.indicators[index];
    if (!i) return t('screeningEditor.questions');
    const where = t('screeningEditor.where.question', {
      group: t(`screening.group.${i.group}`),
      n: set.indicators.filter((x) => x.group === i.group).indexOf(i) + 1,
    });
    const what =
      field === 'question'
        ? withLang(t('screeningEditor.question.text'))
        : field === 'label'
          ? withLang(t('screeningEditor.question.label'))
          : field === 'htcds'
            ? t('screeningEditor.question.htcds')
            : field === 'id'
              ? text(i.label) || t('screeningEditor.question.untitled')
              : t('screeningEditor.question.strength');
    return `${where} — ${what}`;
  }
  if (head === 'indicators') return t('screeningEditor.questions');
  if (head === 'rules' && typeof index === 'number')
    return t('screeningEditor.where.rule', { n: index + 1 });
  if (head === 'rules') return t('screeningEditor.rules');
  if (head === 'needs' && typeof index === 'number') {
    const where = t('screeningEditor.where.need', { n: index + 1 });
    return field === 'label' ? `${where} — ${withLang(t('screeningEditor.need.label'))}` : where;
  }
  return t('screeningEditor.needs');
};
const isLang = (x: string): x is keyof Localized => (LANGS as readonly string[]).includes(x);

/** The control a problem links to: its own field, or the item's / the section's heading. */
const targetOf = (path: EditorError['path']): string => {
  const [head, index, field, lang] = path;
  if (head === 'name' && lang === undefined && typeof index === 'string')
    return controlId(['name', index]);
  if (head === 'indicators' && typeof index === 'number') {
    if ((field === 'question' || field === 'label') && typeof lang === 'string')
      return controlId(path);
    if (field === 'htcds' || field === 'strength') return controlId(['indicators', index, field]);
    return controlId(['indicators', index, 'strength']);
  }
  if (head === 'rules' && typeof index === 'number')
    return controlId(['rules', index, 'minGroups']);
  if (head === 'needs' && typeof index === 'number')
    return field === 'label' && typeof lang === 'string'
      ? controlId(path)
      : controlId(['needs', index, 'referralNeed']);
  return `sf-section-${String(head)}`;
};

export const FormEditor = ({
  set,
  officeArea,
  onSaved,
}: {
  set: ScreeningSet;
  officeArea: string | null;
  onSaved: (message: string) => void;
}) => {
  const t = useT();
  const text = useLocalized();
  const { repos } = useData();
  const [draft, setDraft] = useState<ScreeningSet>(set);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<EditorError[]>([]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focusSummary, setFocusSummary] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const problems = tried ? [...validateSet(draft), ...serverErrors] : [];
  const errors: Errors = new Map(problems.map((e) => [keyOf(e.path), e.message]));
  const dirty = !sameForm(draft, set);

  useEffect(() => {
    if (focusSummary === 0) return;
    summary.current?.focus();
    summary.current?.scrollIntoView?.({ block: 'start', behavior: 'instant' });
  }, [focusSummary]);

  /** Items open for editing: those the user opened, and every one with a problem. */
  const isOpen = (kind: 'indicators' | 'needs', index: number, id: string) =>
    expanded.has(id) || problems.some((e) => e.path[0] === kind && e.path[1] === index);
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const change = (next: ScreeningSet) => {
    setServerErrors([]);
    setDraft(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const found = validateSet(draft);
    if (found.length > 0) {
      setServerErrors([]);
      setFocusSummary((n) => n + 1);
      return;
    }
    const result = await repos.screening.saveConfig({ set: draft, officeArea });
    if (!result.ok) {
      // The repository checks again (and the right to change the form): say so, field by field.
      setServerErrors(
        Object.entries(result.errors).map(([path, message]) => ({
          path: path
            .replace(/^set\./, '')
            .split('.')
            .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          message,
        })),
      );
      setFocusSummary((n) => n + 1);
      return;
    }
    setTried(false);
    onSaved(
      result.value.set.version === set.version
        ? t('screeningEditor.unchanged', { version: set.version })
        : t('screeningEditor.saved', { version: result.value.set.version }),
    );
  };

  const questionItem = (i: Indicator, n: number) =>
    t('screeningEditor.item.question', { n, group: t(`screening.group.${i.group}`) });

  return (
    <form
      className="panel sf-editor"
      aria-labelledby="sf-title"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="sf-title">{t('screeningEditor.title')}</h2>
      <p>{t('screeningEditor.intro')}</p>
      {problems.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{t('form.errorSummary', { count: problems.length })}</p>
          <ul>
            {problems.map((p) => {
              const target = targetOf(p.path);
              return (
                <li key={keyOf(p.path)}>
                  <a
                    href={`#${target}`}
                    onClick={(e) => {
                      // The hash is the router's: focus the field instead of navigating.
                      e.preventDefault();
                      const control = document.getElementById(target);
                      control?.focus();
                      control?.scrollIntoView?.({ block: 'center' });
                    }}
                  >
                    {t('ux.errorLink', {
                      field: describe(t, draft, p.path, text),
                      message: isMessageId(p.message) ? t(p.message) : p.message,
                    })}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <LangFields
        path={['name']}
        legend={t('screeningEditor.name')}
        value={draft.name}
        errors={errors}
        onChange={(patch) => change({ ...draft, name: { ...draft.name, ...patch } })}
      />

      <section className="sf-section" aria-labelledby="sf-section-indicators">
        <h3 id="sf-section-indicators" tabIndex={-1}>
          {t('screeningEditor.questions')}
        </h3>
        <SectionError message={errors.get('indicators')} />
        {byGroup(draft).map(([group, list]) => (
          <fieldset key={group} className="sf-group">
            <legend>{t(`screening.group.${group}`)}</legend>
            {list.length === 0 && <p className="muted">{t('screeningEditor.group.empty')}</p>}
            <ol className="sf-items">
              {list.map((i, n) => {
                const index = draft.indicators.indexOf(i);
                const item = questionItem(i, n + 1);
                const open = isOpen('indicators', index, i.id);
                return (
                  <li key={i.id} className="sf-item">
                    <div className="sf-item-head">
                      <span className="sf-item-title">
                        {text(i.question) || t('screeningEditor.question.untitled')}
                        <span className={`badge strength-${i.strength}`}>
                          {t(`screening.strength.${i.strength}`)}
                        </span>
                        {i.htcds && (
                          <bdi dir="ltr" className="sf-code">
                            {i.htcds.value}
                          </bdi>
                        )}
                      </span>
                      <span className="sf-tools">
                        <button
                          type="button"
                          aria-expanded={open}
                          aria-label={t(
                            open ? 'screeningEditor.closeItem' : 'screeningEditor.editItem',
                            { item },
                          )}
                          onClick={() => toggle(i.id)}
                        >
                          {t(open ? 'screeningEditor.close' : 'screeningEditor.edit')}
                        </button>
                      </span>
                      <ItemTools
                        item={item}
                        first={n === 0}
                        last={n === list.length - 1}
                        onMove={(by) => change(moveIndicator(draft, i.id, by))}
                        onRemove={() => change(removeIndicator(draft, i.id))}
                      />
                    </div>
                    {open && (
                      <QuestionFields
                        indicator={i}
                        index={index}
                        errors={errors}
                        onPatch={(patch) => change(updateIndicator(draft, i.id, patch))}
                        onGroup={(g) => change(moveToGroup(draft, i.id, g))}
                      />
                    )}
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              onClick={() => {
                const added = addIndicator(draft, group);
                change(added.set);
                setExpanded((prev) => new Set(prev).add(added.id));
              }}
            >
              {t('screeningEditor.question.add', { group: t(`screening.group.${group}`) })}
            </button>
          </fieldset>
        ))}
      </section>

      <section className="sf-section" aria-labelledby="sf-section-rules">
        <h3 id="sf-section-rules" tabIndex={-1}>
          {t('screeningEditor.rules')}
        </h3>
        <p className="muted">{t('screeningEditor.rules.intro')}</p>
        <SectionError message={errors.get('rules')} />
        <ol className="sf-items">
          {draft.rules.map((r, index) => (
            <li key={index} className="sf-item sf-rule">
              <p className="sf-rule-reads">
                {t(`screening.rule.${r.minStrength}`, { count: r.minGroups })}
              </p>
              <div className="row">
                <EField
                  path={['rules', index, 'minStrength']}
                  label={t('screeningEditor.rule.strength', { n: index + 1 })}
                  errors={errors}
                >
                  {(p) => (
                    <select
                      {...p}
                      value={r.minStrength}
                      onChange={(e) =>
                        change(
                          updateRule(draft, index, {
                            minStrength: e.target.value as (typeof STRENGTHS)[number],
                          }),
                        )
                      }
                    >
                      {RULE_STRENGTHS.map((s) => (
                        <option key={s} value={s}>
                          {t(`screeningEditor.atLeast.${s}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </EField>
                <EField
                  path={['rules', index, 'minGroups']}
                  label={t('screeningEditor.rule.groups', { n: index + 1 })}
                  errors={errors}
                >
                  {(p) => (
                    <input
                      {...p}
                      type="number"
                      min={1}
                      max={GROUPS.length}
                      step={1}
                      value={Number.isFinite(r.minGroups) ? r.minGroups : ''}
                      onChange={(e) =>
                        change(
                          updateRule(draft, index, {
                            minGroups: e.target.value === '' ? Number.NaN : Number(e.target.value),
                          }),
                        )
                      }
                    />
                  )}
                </EField>
                <button
                  type="button"
                  className="danger"
                  aria-label={t('screeningEditor.remove', {
                    item: t('screeningEditor.where.rule', { n: index + 1 }),
                  })}
                  onClick={() => change(removeRule(draft, index))}
                >
                  {t('screeningEditor.removeShort')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => change(addRule(draft))}>
          {t('screeningEditor.rule.add')}
        </button>
      </section>

      <section className="sf-section" aria-labelledby="sf-section-needs">
        <h3 id="sf-section-needs" tabIndex={-1}>
          {t('screeningEditor.needs')}
        </h3>
        <SectionError message={errors.get('needs')} />
        <ol className="sf-items">
          {draft.needs.map((need, index) => {
            const item = t('screeningEditor.where.need', { n: index + 1 });
            const open = isOpen('needs', index, need.id);
            return (
              <li key={need.id} className="sf-item">
                <div className="sf-item-head">
                  <span className="sf-item-title">
                    {text(need.label) || t('screeningEditor.need.untitled')}
                    {need.childProtection && (
                      <span className="badge">{t('screeningEditor.need.childBadge')}</span>
                    )}
                  </span>
                  <span className="sf-tools">
                    <button
                      type="button"
                      aria-expanded={open}
                      aria-label={t(
                        open ? 'screeningEditor.closeItem' : 'screeningEditor.editItem',
                        { item },
                      )}
                      onClick={() => toggle(need.id)}
                    >
                      {t(open ? 'screeningEditor.close' : 'screeningEditor.edit')}
                    </button>
                  </span>
                  <ItemTools
                    item={item}
                    first={index === 0}
                    last={index === draft.needs.length - 1}
                    canRemove={!need.childProtection}
                    onMove={(by) => change(moveNeed(draft, need.id, by))}
                    onRemove={() => change(removeNeed(draft, need.id))}
                  />
                </div>
                {open && (
                  <NeedFields
                    need={need}
                    index={index}
                    errors={errors}
                    onPatch={(patch) => change(updateNeed(draft, need.id, patch))}
                    onChild={() => change(setChildNeed(draft, need.id))}
                  />
                )}
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          onClick={() => {
            const added = addNeed(draft);
            change(added.set);
            setExpanded((prev) => new Set(prev).add(added.id));
          }}
        >
          {t('screeningEditor.need.add')}
        </button>
      </section>

      <div className="actions sf-save">
        <button type="submit" className="primary" disabled={!dirty}>
          {t('screeningEditor.save')}
        </button>
        <button
          type="button"
          disabled={!dirty}
          onClick={() => {
            setDraft(set);
            setTried(false);
            setServerErrors([]);
          }}
        >
          {t('screeningEditor.discard')}
        </button>
        {dirty && <span className="warning">{t('screeningEditor.unsaved')}</span>}
      </div>
    </form>
  );
};

const QuestionFields = ({
  indicator: i,
  index,
  errors,
  onPatch,
  onGroup,
}: {
  indicator: Indicator;
  index: number;
  errors: Errors;
  onPatch: (patch: Parameters<typeof updateIndicator>[2]) => void;
  onGroup: (g: IndicatorGroup) => void;
}) => {
  const t = useT();
  const base: (string | number)[] = ['indicators', index];
  const htcds = i.htcds ? `${i.htcds.field}:${i.htcds.value}` : '';
  return (
    <div className="sf-fields">
      <LangFields
        path={[...base, 'question']}
        legend={t('screeningEditor.question.text')}
        value={i.question}
        errors={errors}
        multiline
        onChange={(question) => onPatch({ question })}
      />
      <LangFields
        path={[...base, 'label']}
        legend={t('screeningEditor.question.label')}
        value={i.label}
        errors={errors}
        onChange={(label) => onPatch({ label })}
      />
      <div className="row">
        <EField
          path={[...base, 'group']}
          label={t('screeningEditor.question.group')}
          errors={errors}
        >
          {(p) => (
            <select
              {...p}
              value={i.group}
              onChange={(e) => onGroup(e.target.value as IndicatorGroup)}
            >
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`screening.group.${g}`)}
                </option>
              ))}
            </select>
          )}
        </EField>
        <EField
          path={[...base, 'strength']}
          label={t('screeningEditor.question.strength')}
          errors={errors}
        >
          {(p) => (
            <select
              {...p}
              value={i.strength}
              onChange={(e) => onPatch({ strength: e.target.value as (typeof STRENGTHS)[number] })}
            >
              {STRENGTHS.map((s) => (
                <option key={s} value={s}>
                  {t(`screening.strength.${s}`)}
                </option>
              ))}
            </select>
          )}
        </EField>
        <EField
          path={[...base, 'htcds']}
          label={t('screeningEditor.question.htcds')}
          errors={errors}
        >
          {(p) => (
            <select
              {...p}
              value={htcds}
              onChange={(e) => {
                const [field, value] = e.target.value.split(':');
                onPatch({
                  htcds:
                    field && value && (HTCDS_FIELDS as readonly string[]).includes(field)
                      ? { field: field as HtcdsField, value }
                      : null,
                });
              }}
            >
              <option value="">{t('screeningEditor.question.htcdsNone')}</option>
              {htcdsChoices().map(({ field, values }) => (
                <optgroup key={field} label={`${t(`screeningEditor.htcds.${field}`)} (${field})`}>
                  {values.map((v) => (
                    <option key={v} value={`${field}:${v}`}>
                      {htcdsValueLabel(t, field, v)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </EField>
      </div>
    </div>
  );
};

/** The standard's value name, with the interface's words where the app has them. */
const htcdsValueLabel = (t: Translate, field: HtcdsField, value: string): string => {
  const id = `referrals.exploitation.${value}`;
  return field === 'vic_TypeOfExploitation' &&
    (EXPLOITATION_TYPES as readonly string[]).includes(value) &&
    isMessageId(id)
    ? `${t(id)} — ${value}`
    : value;
};

/** A problem of a whole list (no question, no rule, not one child-protection need). */
const SectionError = ({ message }: { message: string | undefined }) => {
  const t = useT();
  if (!message) return null;
  return <p className="error">{isMessageId(message) ? t(message) : message}</p>;
};

const NeedFields = ({
  need,
  index,
  errors,
  onPatch,
  onChild,
}: {
  need: NeedDef;
  index: number;
  errors: Errors;
  onPatch: (patch: Parameters<typeof updateNeed>[2]) => void;
  onChild: () => void;
}) => {
  const t = useT();
  const base: (string | number)[] = ['needs', index];
  return (
    <div className="sf-fields">
      <LangFields
        path={[...base, 'label']}
        legend={t('screeningEditor.need.label')}
        value={need.label}
        errors={errors}
        onChange={(label) => onPatch({ label })}
      />
      <fieldset className="inner">
        <legend>{t('screeningEditor.need.categories')}</legend>
        {SERVICE_CATEGORIES.map((c) => (
          <label key={c} className="checkbox">
            <input
              type="checkbox"
              checked={need.categories.includes(c)}
              onChange={() =>
                onPatch({
                  categories: need.categories.includes(c)
                    ? need.categories.filter((x) => x !== c)
                    : [...need.categories, c],
                })
              }
            />
            {t(`category.${c}`)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <EField
          path={[...base, 'referralNeed']}
          label={t('screeningEditor.need.referralNeed')}
          errors={errors}
        >
          {(p) => (
            <select
              {...p}
              value={need.referralNeed}
              onChange={(e) => onPatch({ referralNeed: e.target.value as (typeof NEEDS)[number] })}
            >
              {NEEDS.map((n) => (
                <option key={n} value={n}>
                  {t(`referrals.need.${n}`)}
                </option>
              ))}
            </select>
          )}
        </EField>
        <EField
          path={[...base, 'urgency']}
          label={t('screeningEditor.need.urgency')}
          errors={errors}
        >
          {(p) => (
            <select
              {...p}
              value={need.urgency}
              onChange={(e) => onPatch({ urgency: e.target.value as (typeof URGENCIES)[number] })}
            >
              {URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {t(`referrals.urgency.${u}`)}
                </option>
              ))}
            </select>
          )}
        </EField>
      </div>
      <label className="checkbox block">
        <input
          type="checkbox"
          checked={need.bed}
          onChange={(e) => onPatch({ bed: e.target.checked })}
        />
        {t('screeningEditor.need.bed')}
      </label>
      <label className="checkbox block">
        <input
          type="checkbox"
          checked={need.interpreter}
          onChange={(e) => onPatch({ interpreter: e.target.checked })}
        />
        {t('screeningEditor.need.interpreter')}
      </label>
      <label className="checkbox block">
        <input
          id={controlId([...base, 'child'])}
          type="checkbox"
          checked={need.childProtection}
          disabled={need.childProtection}
          onChange={onChild}
        />
        {t('screeningEditor.need.child')}
      </label>
    </div>
  );
};
