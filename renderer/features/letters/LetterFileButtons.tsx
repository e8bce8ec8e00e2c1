/** PDF and DOCX buttons for one issued letter, with the outcome announced. */
import { useState } from 'react';
import type { LetterRecord } from '@shared/domain/letters/model';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { useSession } from '../accounts/session';
import { saveLetterFile } from './files';

export const LetterFileButtons = ({ letter }: { letter: LetterRecord }) => {
  const t = useT();
  const { repos } = useData();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { can } = useSession();
  // A file of a letter is an export of case data: only for those who may write letters.
  const allowed = can('letter.generate');
  const make = async (format: 'pdf' | 'docx') => {
    setBusy(true);
    try {
      const out = await saveLetterFile(repos, letter, format);
      setMessage(
        out.saved
          ? t('letters.fileSaved', { fileName: out.fileName })
          : 'sentToPrint' in out
            ? t('ux.letters.sentToPrint')
            : t('letters.fileCancelled'),
      );
    } catch (e) {
      setMessage(
        t('letters.error.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };
  if (!allowed) return null;
  return (
    <span className="letter-files">
      <button
        type="button"
        disabled={busy}
        aria-label={t('letters.pdfLabel', { reference: letter.reference })}
        onClick={() => void make('pdf')}
      >
        {t('letters.pdf')}
      </button>
      <button
        type="button"
        disabled={busy}
        aria-label={t('letters.docxLabel', { reference: letter.reference })}
        onClick={() => void make('docx')}
      >
        {t('letters.docx')}
      </button>
      {message && (
        <span role="status" className="muted">
          {message}
        </span>
      )}
    </span>
  );
};
