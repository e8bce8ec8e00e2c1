/**
 * The letter as a self-contained, print-ready HTML document (A4), printed to PDF by Chromium.
 * Every value is escaped: free text that contains markup prints as text, never as markup.
 * No script, no remote resource (the print window has no network and a CSP that forbids it):
 * fonts are the system's Noto Sans, the logo a data: URL checked by the letterhead schema.
 */
import { isRtl } from '../../i18n/define';
import { LOGO_DATA_URL } from './letterhead';
import type { LetterModel } from './model';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text and attribute values alike: the five characters that can open markup or a quote. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const lines = (items: readonly string[], cls: string) =>
  items.length
    ? `<div class="${cls}">${items.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`
    : '';

/**
 * A CSS string literal: every character outside a small safe set as a hex escape, so no value
 * can close the string, the rule or the <style> element.
 */
export const cssString = (s: string): string =>
  `"${Array.from(s, (c) => (/[A-Za-z0-9 .,;:()_@+-]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;

/**
 * The page: footer and page number in the page's bottom margin (CSS page-margin boxes), so they
 * repeat on every page and never overlap the text.
 */
const pageCss = (m: LetterModel): string => `
@page { size: A4; margin: 13mm 18mm 20mm 18mm;
  @bottom-center { content: ${cssString(m.from.footer)}; white-space: pre-wrap;
    font-family: 'Noto Sans', sans-serif; font-size: 7.5pt; color: #444; vertical-align: top;
    padding-block-start: 3mm; border-block-start: 0.6pt solid #888; }
  @bottom-right { content: counter(page) " / " counter(pages);
    font-family: 'Noto Sans', sans-serif; font-size: 7.5pt; color: #444; vertical-align: top;
    padding-block-start: 3mm; }
}
@media print { .page-footer { display: none; } }
`;

/** Scoped to .letter so the same sheet styles the in-app preview (a shadow root) unchanged. */
export const LETTER_CSS = `
html, body { margin: 0; padding: 0; background: #fff; }
.letter { font-family: 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif; font-size: 10pt;
  line-height: 1.33; color: #111; max-width: 174mm; margin-inline: auto; }
.letter p { margin-block: 0 2mm; white-space: pre-wrap; }
.letterhead { display: flex; justify-content: space-between; gap: 8mm; align-items: flex-start;
  border-block-end: 1.2pt solid #1d2433; padding-block-end: 2.5mm; margin-block-end: 4mm; }
.issuer { display: flex; gap: 4mm; align-items: flex-start; flex: 1 1 auto; min-width: 0; }
.issuer img { height: 18mm; width: auto; max-width: 36mm; object-fit: contain; }
.authority { font-size: 9pt; font-weight: 700; text-transform: uppercase; }
.office { font-weight: 700; font-size: 10.5pt; margin-block-start: 1mm; }
.issuer-address { font-size: 8.5pt; color: #333; margin-block-start: 1mm; }
.motto { text-align: center; font-size: 9pt; flex: 0 0 auto; max-width: 62mm; }
.motto div:first-child { font-weight: 700; }
.refline { display: flex; justify-content: space-between; margin-block-end: 3mm; }
.refline .ref { font-weight: 700; }
.confidential { display: inline-block; border: 1pt solid #a32020; color: #a32020;
  font-weight: 700; letter-spacing: 0.08em; padding-block: 0.5mm; padding-inline: 2mm;
  margin-block-end: 2mm; }
.recipient { margin-inline-start: 88mm; margin-block-end: 4mm; }
.recipient .label { font-style: italic; }
.subject { font-weight: 700; }
.urgency span, .consent span.label, .contact span.label, .subject span.label {
  font-weight: 700; text-decoration: underline; }
.facts { border-collapse: collapse; width: 100%; margin-block: 1mm 3mm; }
.facts th, .facts td { border: 0.6pt solid #888; padding-block: 0.8mm; padding-inline: 2mm;
  text-align: start; vertical-align: top; white-space: pre-wrap; }
.facts th { width: 38%; background: #f0f2f5; font-weight: 600; }
.notice { font-size: 9pt; color: #333; font-style: italic; }
.signoff { display: flex; justify-content: flex-end; gap: 10mm; margin-block-start: 0;
  break-inside: avoid; }
.signature { text-align: center; min-width: 60mm; }
.signature .title { font-weight: 700; }
.signature .space { height: 13mm; }
.signature .name { font-weight: 700; text-decoration: underline; }
.stamp { width: 27mm; height: 27mm; border: 1pt dashed #888; border-radius: 50%; color: #888;
  display: flex; align-items: center; justify-content: center; font-size: 8.5pt; }
.page-footer { border-block-start: 0.6pt solid #888; font-size: 8pt; color: #444;
  text-align: center; padding-block-start: 1.5mm; margin-block-start: 8mm; white-space: pre-wrap; }
`;

export const renderLetterBody = (m: LetterModel): string => {
  const { text: x, from } = m;
  const logo =
    from.logo && LOGO_DATA_URL.test(from.logo.dataUrl)
      ? `<img src="${escapeHtml(from.logo.dataUrl)}" alt="">`
      : '';
  const facts = x.facts
    .map(
      (f) =>
        `<tr data-fact="${escapeHtml(f.key)}"><th scope="row">${escapeHtml(f.label)}</th>` +
        `<td>${escapeHtml(f.value)}</td></tr>`,
    )
    .join('');
  const label = (s: string) => `<span class="label">${escapeHtml(s)}</span> `;
  return `<div class="letter">
<header class="letterhead">
<div class="issuer">${logo}<div>${lines(from.authority, 'authority')}<div class="office">${escapeHtml(from.officeName)}</div>${lines(from.address, 'issuer-address')}${from.contact ? `<div class="issuer-address">${escapeHtml(from.contact)}</div>` : ''}</div></div>
${lines(from.motto, 'motto')}
</header>
<div class="refline"><div class="ref">${escapeHtml(x.referenceLine)}</div><div>${escapeHtml(x.dateLine)}</div></div>
<div class="confidential">${escapeHtml(x.confidential)}</div>
<div class="recipient"><div class="label">${escapeHtml(x.toLabel)}</div>${m.to.lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>
<p class="subject">${label(x.subjectLabel)}${escapeHtml(x.subject)}</p>
<p class="urgency"><span>${escapeHtml(x.urgencyLabel)}</span> ${escapeHtml(x.urgency)}</p>
<p>${escapeHtml(x.salutation)}</p>
<p>${escapeHtml(x.intro)}</p>
<table class="facts"><tbody>${facts}</tbody></table>
<p class="consent">${label(x.consentLabel)}${escapeHtml(x.consent)}</p>
<p>${escapeHtml(x.request)}</p>
<p class="contact">${label(x.contactLabel)}${escapeHtml(x.contact)}</p>
<p class="notice">${escapeHtml(x.notice)}</p>
<p>${escapeHtml(x.closing)}</p>
<div class="signoff">${m.stamp ? `<div class="stamp">${escapeHtml(x.stampLabel)}</div>` : ''}<div class="signature"><div class="title">${escapeHtml(m.signatory.title)}</div><div class="space"></div><div class="name">${escapeHtml(m.signatory.name)}</div></div></div>
${from.footer ? `<footer class="page-footer">${escapeHtml(from.footer)}</footer>` : ''}
</div>`;
};

export const renderLetterHtml = (m: LetterModel): string =>
  `<!doctype html>
<html lang="${escapeHtml(m.locale)}" dir="${isRtl(m.locale) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`${m.text.title} ${m.reference}`)}</title>
<style>${pageCss(m)}${LETTER_CSS}</style>
</head>
<body>
${renderLetterBody(m)}
</body>
</html>
`;
