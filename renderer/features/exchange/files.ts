/** Building export files and saving them through the platform (download or save dialog). */
import writeXlsxFile from 'write-excel-file/browser';
import type { FlatCell } from '@shared/domain/exchange/flatExport';
import { neutralise } from '@shared/domain/exchange/text';
import { platform } from '../../platform';

/**
 * XLSX: strings are text cells (format "@", so Excel never reads them as formulas or numbers)
 * and still neutralised; numbers stay numbers.
 */
export const xlsxBytes = async (rows: FlatCell[][]): Promise<Uint8Array<ArrayBuffer>> => {
  const data = rows.map((r, i) =>
    r.map((c) =>
      typeof c === 'number'
        ? { value: c, type: Number }
        : { value: i === 0 ? (c ?? '') : neutralise(c ?? ''), type: String, format: '@' },
    ),
  );
  const blob = await writeXlsxFile(data, { sheet: 'services' }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
};

export const today = () => new Date().toISOString().slice(0, 10);

export const save = (
  suggestedName: string,
  mimeType: string,
  data: string | Uint8Array<ArrayBuffer>,
) => platform().saveFile({ suggestedName, mimeType, data });

export const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  zip: 'application/zip',
  geojson: 'application/geo+json',
  backup: 'application/octet-stream',
} as const;
