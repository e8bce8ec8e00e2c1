/**
 * Producing a letter's files from its stored snapshot, through the platform: PDF by Chromium's
 * print path (Electron's printToPDF, the browser's print dialog), DOCX saved as a file. Each
 * file made is recorded in the referral's history. File names carry the reference, never a name.
 */
import { renderLetterDocx } from '@shared/domain/letters/docx';
import { renderLetterHtml } from '@shared/domain/letters/html';
import type { LetterRecord } from '@shared/domain/letters/model';
import { referenceFileStem } from '@shared/domain/letters/reference';
import type { Repositories } from '../../app/repositories';
import { platform } from '../../platform';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type FileOutcome =
  { saved: true; fileName: string } | { saved: false; sentToPrint: true } | { saved: false };

export const saveLetterFile = async (
  repos: Repositories,
  letter: LetterRecord,
  format: 'pdf' | 'docx',
): Promise<FileOutcome> => {
  const fileName = `${referenceFileStem(letter.reference)}.${format}`;
  const result =
    format === 'pdf'
      ? await platform().printToPdf({
          html: renderLetterHtml(letter.model),
          suggestedName: fileName,
        })
      : await platform().saveFile({
          suggestedName: fileName,
          mimeType: DOCX_MIME,
          data: await renderLetterDocx(letter.model),
        });
  const saved = result.saved;
  const sentToPrint = 'sentToPrint' in result && result.sentToPrint === true;
  if (sentToPrint) {
    // Recorded as what is known: the letter went to the print dialog, maybe to paper or a file.
    await repos.letters.recordFile(letter.id, 'print', fileName);
    return { saved: false, sentToPrint: true };
  }
  if (!saved) return { saved: false };
  await repos.letters.recordFile(letter.id, format, fileName);
  return { saved: true, fileName };
};
