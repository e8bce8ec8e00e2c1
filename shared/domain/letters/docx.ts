/**
 * The same letter model as an editable Word document (docx library), laid out like the HTML:
 * letterhead, reference and date, recipient, subject, facts table, consent, sign-off with the
 * stamp box, and the footer with page numbers on every page. Text goes in as text runs, so
 * markup in free text stays text here too.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IRunOptions, ITableRowOptions } from 'docx';
import { isRtl } from '../../i18n/define';
import { fromBase64 } from './letterhead';
import type { LetterModel } from './model';

const FONT = 'Noto Sans';
/** A4 in twentieths of a point, and the text width between 18 mm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1020 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
type Border = {
  style: (typeof BorderStyle)[keyof typeof BorderStyle];
  size: number;
  color: string;
};
const box = (b: Border) => ({ top: b, bottom: b, left: b, right: b });
const NO_BORDERS = box(NONE);
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

/**
 * Runs of a possibly multi-line text: one break per newline, so line structure is kept. In a
 * right-to-left letter every run is marked rightToLeft (w:rtl), as Word needs beside the
 * paragraph's w:bidi to order and shape Arabic.
 */
const runsFor =
  (rtl: boolean) =>
  (text: string, style: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] =>
    text
      .split(/\r?\n/)
      .map((line, i) => new TextRun({ rightToLeft: rtl, ...style, text: line, break: i ? 1 : 0 }));

export const renderLetterDocx = async (m: LetterModel): Promise<Uint8Array<ArrayBuffer>> => {
  const bidi = isRtl(m.locale);
  const runs = runsFor(bidi);
  const p = (children: (TextRun | ImageRun)[], options: Omit<IParagraphOptions, 'children'> = {}) =>
    new Paragraph({
      bidirectional: bidi,
      ...options,
      spacing: { after: 100, line: 228, lineRule: LineRuleType.AUTO, ...options.spacing },
      children,
    });
  const cell = (children: Paragraph[], width: number, extra = {}) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      borders: NO_BORDERS,
      ...extra,
    });
  /** A one-row borderless table: the layout grid of the letterhead, reference line, sign-off. */
  const grid = (cells: TableCell[], widths: number[], row: Partial<ITableRowOptions> = {}) =>
    new Table({
      rows: [new TableRow({ ...row, children: cells })],
      columnWidths: widths,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      visuallyRightToLeft: bidi,
      borders: { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE },
    });
  const { text: x, from } = m;

  // 18 mm high at 96 px to the inch, width kept in proportion (and at most 36 mm, as in HTML).
  const logoSize = from.logo && {
    height: Math.round(Math.min(68, (136 * from.logo.height) / from.logo.width)),
    width: Math.round(Math.min(136, (68 * from.logo.width) / from.logo.height)),
  };
  const logo =
    from.logo && logoSize
      ? p(
          [
            new ImageRun({
              type: from.logo.dataUrl.startsWith('data:image/png') ? 'png' : 'jpg',
              data: fromBase64(from.logo.dataUrl.split(',')[1] ?? ''),
              transformation: logoSize,
            }),
          ],
          // At least the image's height: a proportional or exact line would clip it.
          { spacing: { after: 0, line: 240, lineRule: LineRuleType.AT_LEAST } },
        )
      : null;
  const issuer = [
    ...from.authority.map((l) =>
      p(runs(l.toUpperCase(), { bold: true, size: 16 }), { spacing: { after: 0 } }),
    ),
    p(runs(from.officeName, { bold: true, size: 21 }), { spacing: { before: 40, after: 40 } }),
    ...from.address.map((l) =>
      p(runs(l, { size: 17, color: '333333' }), { spacing: { after: 0 } }),
    ),
    ...(from.contact ? [p(runs(from.contact, { size: 17, color: '333333' }))] : []),
  ];
  const motto = from.motto.map((l, i) =>
    p(runs(l, { bold: i === 0, size: 18 }), {
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
    }),
  );
  // Logo, issuer and motto side by side, as in the HTML letterhead.
  const logoWidth = logoSize ? logoSize.width * 15 + 200 : 0;
  const right = Math.round(TEXT_WIDTH * 0.3);
  const left = TEXT_WIDTH - right - logoWidth;
  const letterhead = grid(
    [
      ...(logo ? [cell([logo], logoWidth)] : []),
      cell(issuer, left),
      cell(motto.length ? motto : [p([])], right),
    ],
    [...(logo ? [logoWidth] : []), left, right],
  );
  const rule = p([], {
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '1D2433', space: 1 } },
    spacing: { after: 240 },
  });
  const half = TEXT_WIDTH / 2;
  const refline = grid(
    [
      cell([p(runs(x.referenceLine, { bold: true }))], half),
      cell([p(runs(x.dateLine), { alignment: AlignmentType.END })], half),
    ],
    [half, half],
  );
  const red = { ...THIN, color: 'A32020' };
  const confidentialWidth = 2000;
  const confidential = grid(
    [
      cell(
        [
          p(runs(x.confidential, { bold: true, color: 'A32020' }), {
            alignment: AlignmentType.CENTER,
            spacing: { before: 20, after: 20 },
          }),
        ],
        confidentialWidth,
        {
          verticalAlign: VerticalAlign.CENTER,
          borders: box(red),
        },
      ),
      cell([p([])], TEXT_WIDTH - confidentialWidth),
    ],
    [confidentialWidth, TEXT_WIDTH - confidentialWidth],
  );
  const recipient = [
    p(runs(x.toLabel, { italics: true }), { indent: { start: 4990 }, spacing: { after: 0 } }),
    ...m.to.lines.map((l, i) =>
      p(runs(l), {
        indent: { start: 4990 },
        spacing: { after: i === m.to.lines.length - 1 ? 200 : 0 },
      }),
    ),
  ];
  const labelled = (label: string, value: string, bold = false) =>
    p([...runs(label, { bold: true, underline: {} }), ...runs(' '), ...runs(value, { bold })]);
  const factWidth = Math.round(TEXT_WIDTH * 0.38);
  const facts = new Table({
    columnWidths: [factWidth, TEXT_WIDTH - factWidth],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    visuallyRightToLeft: bidi,
    borders: { ...box(THIN), insideHorizontal: THIN, insideVertical: THIN },
    rows: x.facts.map(
      (f) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: factWidth, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, fill: 'F0F2F5', color: 'auto' },
              margins: CELL_MARGINS,
              children: [p(runs(f.label, { bold: true }), { spacing: { after: 0 } })],
            }),
            new TableCell({
              width: { size: TEXT_WIDTH - factWidth, type: WidthType.DXA },
              margins: CELL_MARGINS,
              children: [p(runs(f.value), { spacing: { after: 0 } })],
            }),
          ],
        }),
    ),
  });
  const stampWidth = 1900;
  const signatureWidth = 4200;
  const signoff = grid(
    [
      cell([p([])], TEXT_WIDTH - stampWidth - signatureWidth),
      m.stamp
        ? cell(
            [
              p(runs(x.stampLabel, { color: '888888', size: 17 }), {
                alignment: AlignmentType.CENTER,
              }),
            ],
            stampWidth,
            {
              verticalAlign: VerticalAlign.CENTER,
              borders: box({ ...THIN, style: BorderStyle.DASHED }),
            },
          )
        : cell([p([])], stampWidth),
      cell(
        [
          p(runs(m.signatory.title, { bold: true }), {
            alignment: AlignmentType.CENTER,
            spacing: { after: 900 },
          }),
          p(runs(m.signatory.name, { bold: true, underline: {} }), {
            alignment: AlignmentType.CENTER,
          }),
        ],
        signatureWidth,
      ),
    ],
    [TEXT_WIDTH - stampWidth - signatureWidth, stampWidth, signatureWidth],
    { height: { value: 1900, rule: HeightRule.ATLEAST }, cantSplit: true },
  );
  const footer = new Footer({
    children: [
      p([...runs(from.footer, { size: 15, color: '444444' })], {
        alignment: AlignmentType.CENTER,
        border: { top: { ...THIN, space: 4 } },
        spacing: { after: 0 },
      }),
      p(
        [
          new TextRun({
            children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
            size: 15,
            color: '444444',
          }),
        ],
        {
          // "1 / 2" reads left to right in every script: an LTR paragraph, placed at the end.
          bidirectional: false,
          alignment: bidi ? AlignmentType.LEFT : AlignmentType.RIGHT,
          spacing: { after: 0 },
        },
      ),
    ],
  });

  const doc = new Document({
    creator: from.officeName,
    title: `${x.title} ${m.reference}`,
    description: x.subject,
    // Complex-script runs (Arabic) take the cs font and size: Noto Sans Arabic, same size.
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT, hAnsi: FONT, cs: 'Noto Sans Arabic' },
            size: 20,
            sizeComplexScript: 20,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: 850, bottom: 1000, left: PAGE.margin, right: PAGE.margin, footer: 500 },
          },
        },
        footers: { default: footer },
        children: [
          letterhead,
          rule,
          refline,
          confidential,
          p([], { spacing: { after: 80 } }),
          ...recipient,
          labelled(x.subjectLabel, x.subject, true),
          labelled(x.urgencyLabel, x.urgency),
          p(runs(x.salutation)),
          p(runs(x.intro), { alignment: AlignmentType.BOTH }),
          facts,
          p([], { spacing: { after: 120 } }),
          labelled(x.consentLabel, x.consent),
          p(runs(x.request), { alignment: AlignmentType.BOTH }),
          labelled(x.contactLabel, x.contact),
          p(runs(x.notice, { italics: true, size: 18, color: '333333' }), {
            alignment: AlignmentType.BOTH,
          }),
          p(runs(x.closing)),
          signoff,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
};
