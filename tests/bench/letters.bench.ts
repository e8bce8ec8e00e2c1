/**
 * Letter generation: building the model (need-to-know, wording), the HTML that is printed to
 * PDF, Chromium laying that HTML out (what printToPDF does before writing the file; the PDF
 * write itself happens in Electron's main process and cannot be timed from a page), and the
 * DOCX. Baseline: JSON.stringify of the same model, the cheapest thing one can do with it.
 */
import { buildLetterModel } from '@shared/domain/letters/build';
import type { LetterInput } from '@shared/domain/letters/build';
import { renderLetterDocx } from '@shared/domain/letters/docx';
import { renderLetterHtml } from '@shared/domain/letters/html';
import type { LetterModel } from '@shared/domain/letters/model';
import {
  FIXTURE_OFFICE,
  fixtureLetterhead,
  fixtureReferral,
  fixtureView,
} from '@shared/domain/referrals/fixtures';
import { letterTranslator } from '../../renderer/data/repositories/letterTranslator';
import type { Bench } from './harness';
import { now, percentile } from './harness';

const inputs = (n: number): LetterInput[] =>
  Array.from({ length: n }, (_, i) => {
    const referral = fixtureReferral({ caseCode: `BKO-2026-${String(i + 1).padStart(4, '0')}` });
    referral.caseDetails.reasonDetails = `Cas ${i}: ${'accompagnement nécessaire, '.repeat(i % 12)}`;
    const locale = i % 2 ? 'en' : 'fr';
    return {
      referral,
      view: fixtureView(),
      office: FIXTURE_OFFICE,
      letterhead: fixtureLetterhead(),
      reference: `MRN/BKO/2026/${String(i + 1).padStart(4, '0')}`,
      date: '2026-03-02',
      options: {
        locale,
        includeName: false,
        contact: {
          name: 'Awa Coordinatrice',
          title: 'Coordinatrice',
          phone: '+223 76 00 00 00',
          email: '',
        },
        signatory: { name: 'Fatoumata Diarra', title: 'La Directrice régionale' },
        stamp: true,
      },
      t: letterTranslator(locale),
    };
  });

/**
 * Per-call time of fast functions: the browser's clock ticks in 0.1 ms steps, so each sample
 * times a batch of calls over every input and divides. Ten batches after a warm-up.
 */
const perCall = <T>(inputs: readonly T[], fn: (input: T) => unknown, repeat = 20): number[] => {
  for (const i of inputs) fn(i);
  return Array.from({ length: 10 }, () => {
    const t0 = now();
    for (let r = 0; r < repeat; r++) for (const i of inputs) fn(i);
    return (now() - t0) / (repeat * inputs.length);
  });
};

const model = (input: LetterInput): LetterModel => {
  const r = buildLetterModel(input);
  if (!r.ok) throw new Error(r.error);
  return r.model;
};

/** Loads the letter in a hidden frame and forces layout, as the print window does. */
const layOut = (html: string): Promise<number> =>
  new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;inset-inline-start:-10000px;width:794px;height:1123px';
    frame.setAttribute('sandbox', 'allow-same-origin');
    const t0 = now();
    frame.addEventListener('load', () => {
      void frame.contentDocument?.body.getBoundingClientRect();
      const ms = now() - t0;
      frame.remove();
      resolve(ms);
    });
    frame.srcdoc = html;
    document.body.append(frame);
  });

export const lettersBench: Bench = {
  name: 'letters',
  async run() {
    const ins = inputs(40);
    const models = ins.map(model);
    const htmls = models.map(renderLetterHtml);
    const json = perCall(models, (m) => JSON.stringify(m));
    const build = perCall(ins, model);
    const html = perCall(models, renderLetterHtml);
    await renderLetterDocx(models[0]!);
    const docx: number[] = [];
    let bytes = 0;
    for (const m of models) {
      const t0 = now();
      bytes += (await renderLetterDocx(m)).byteLength;
      docx.push(now() - t0);
    }
    await layOut(htmls[0]!);
    const layout: number[] = [];
    for (const h of htmls.slice(0, 20)) layout.push(await layOut(h));
    const base = 'JSON.stringify model, per call (baseline)';
    return [
      { label: base, value: percentile(json, 50), unit: 'ms' },
      {
        label: 'build model (need-to-know, wording), per call',
        value: percentile(build, 50),
        unit: 'ms',
        baseline: base,
      },
      { label: 'render HTML, per call', value: percentile(html, 50), unit: 'ms', baseline: base },
      {
        label: 'HTML laid out by Chromium (print path before PDF write) p50',
        value: percentile(layout, 50),
        unit: 'ms',
        baseline: 'render DOCX (docx Packer) p50',
      },
      {
        label: 'render DOCX (docx Packer) p50',
        value: percentile(docx, 50),
        unit: 'ms',
        baseline: base,
        target: '< 1000 ms',
      },
      {
        label: 'render DOCX (docx Packer) p95',
        value: percentile(docx, 95),
        unit: 'ms',
        baseline: base,
      },
      { label: 'DOCX size (average)', value: bytes / models.length / 1024, unit: 'KB' },
      {
        label: 'HTML size (average)',
        value: htmls.reduce((n, h) => n + h.length, 0) / htmls.length / 1024,
        unit: 'KB',
      },
    ];
  },
};
