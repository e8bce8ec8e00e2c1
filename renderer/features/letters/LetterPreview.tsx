/**
 * An issued letter as it will print: the very HTML document given to printToPdf, rendered from
 * the stored snapshot. It is parsed inert (DOMParser runs nothing) and shown in a shadow root
 * with its own style sheet, adopted through the CSSOM: the app's CSP allows no inline style
 * and no frame, and the letter's styles must not leak into the app or the app's into it.
 */
import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { renderLetterHtml } from '@shared/domain/letters/html';
import type { LetterModel } from '@shared/domain/letters/model';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { RequireDataKey } from '../accounts/RequireDataKey';
import { useAuditView } from '../audit/useAuditView';
import { useFormatDateTime } from '../referrals/format';
import { LetterFileButtons } from './LetterFileButtons';
import { BackArrow } from '../../ui/BackArrow';

/** The sheet of the page around the letter, on screen only. */
const PAPER_CSS = `:host { display: block; background: #fff; color: #111; width: 210mm; max-width: 100%;
  box-sizing: border-box; padding: 13mm 18mm 12mm; box-shadow: 0 1px 4px rgb(0 0 0 / 0.25); }
.page-footer { display: block; }`;

const LetterPaper = ({ model, label }: { model: LetterModel; label: string }) => {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const doc = new DOMParser().parseFromString(renderLetterHtml(model), 'text/html');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n') + PAPER_CSS,
    );
    root.adoptedStyleSheets = [sheet];
    root.replaceChildren(...[...doc.body.children].map((n) => document.importNode(n, true)));
  }, [model]);
  return (
    <div
      ref={host}
      role="document"
      aria-label={label}
      className="letter-paper"
      lang={model.locale}
    />
  );
};

type PreviewProps = { referralId: string; letterId: string };

/** The snapshot is case data: the key first (a reloaded tab asks for the password). */
export const LetterPreview = (props: PreviewProps) => (
  <RequireDataKey>
    <Preview {...props} />
  </RequireDataKey>
);

const Preview = ({ referralId, letterId }: PreviewProps) => {
  const t = useT();
  const { repos } = useData();
  const formatDateTime = useFormatDateTime();
  const letter = useLiveQuery(
    async () => (await repos.letters.getLetter(letterId)) ?? null,
    [repos, letterId],
  );
  // Seeing a letter is seeing the case: audited like opening the referral.
  useAuditView(letter ? { table: 'letters', recordId: letterId, action: 'letter.view' } : null);
  if (letter === undefined) return <p role="status">{t('status.loading')}</p>;
  const back = href({ name: 'referral', id: referralId });
  if (letter === null || letter.referralId !== referralId)
    return (
      <div>
        <h1 tabIndex={-1}>{t('status.notFound')}</h1>
        <a href={back}>{t('action.back')}</a>
      </div>
    );
  return (
    <div className="letter-preview">
      <a href={back}>
        <BackArrow /> {t('referrals.detail.title', { caseCode: letter.model.caseCode })}
      </a>
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('letters.previewTitle', { reference: letter.reference })}</h1>
        <LetterFileButtons letter={letter} />
      </div>
      <p className="muted">{t('letters.regenerated', { date: formatDateTime(letter.issuedAt) })}</p>
      <LetterPaper
        model={letter.model}
        label={t('letters.previewOf', { reference: letter.reference })}
      />
    </div>
  );
};
