import { strFromU8, unzipSync } from 'fflate';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import type { Locale } from '../../i18n/define';
import {
  FIXTURE_OFFICE,
  fixtureLetterhead,
  fixtureReferral,
  fixtureView,
} from '../referrals/fixtures';
import { NO_CONSENT } from '../referrals/schema';
import type { LetterInput, LetterTranslate } from './build';
import { buildLetterModel, formatLetterDate } from './build';
import { renderLetterDocx } from './docx';
import { cssString, escapeHtml, renderLetterHtml } from './html';
import { letterModelSchema } from './model';

const translator = (locale: Locale): LetterTranslate => {
  const intl = createIntl({ locale, messages: catalogues[locale] });
  return (id, values) => intl.formatMessage({ id }, values);
};

const input = (over: Partial<LetterInput> = {}, locale: Locale = 'fr'): LetterInput => ({
  referral: fixtureReferral(),
  view: fixtureView(),
  office: FIXTURE_OFFICE,
  letterhead: fixtureLetterhead(),
  reference: 'MRN/BKO/2026/0042',
  date: '2026-03-02',
  options: {
    locale,
    includeName: true,
    contact: {
      name: 'Awa Coordinatrice',
      title: 'Coordinatrice',
      phone: '+223 76 00 00 00',
      email: '',
    },
    signatory: { name: 'Fatoumata Diarra', title: 'La Directrice régionale' },
    stamp: true,
  },
  t: translator(locale),
  ...over,
});

const build = (over: Partial<LetterInput> = {}, locale: Locale = 'fr') => {
  const r = buildLetterModel(input(over, locale));
  if (!r.ok) throw new Error(r.error);
  return r.model;
};

/** The text of a DOCX, as Word shows it: every w:t of the body, footers included. */
export const docxText = (bytes: Uint8Array): string => {
  const files = unzipSync(bytes);
  const xml = Object.keys(files)
    .filter((n) => /^word\/(document|footer\d*)\.xml$/.test(n))
    .sort()
    .map((n) => strFromU8(files[n]!))
    .join('\n');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .join(' ');
};

describe('letter model', () => {
  it('refuses to build a letter without consent naming the recipient', () => {
    const r = buildLetterModel(input({ referral: fixtureReferral({ consent: NO_CONSENT }) }));
    expect(r).toEqual({ ok: false, error: 'referrals.gate.noConsent' });
  });

  it('withholds the name unless consent covers sharing it, even when the officer asks', () => {
    const m = build();
    expect(m.personName).toBeNull();
    expect(JSON.stringify(m)).not.toContain('Blessing');
    const c = fixtureReferral().consent;
    const sharing = fixtureReferral({
      consent: { ...c, scope: ['referral', 'recordName', 'shareName'] },
    });
    expect(build({ referral: sharing }).personName).toBe('Blessing Okafor');
    const notNeeded = input({ referral: sharing });
    notNeeded.options = { ...notNeeded.options, includeName: false };
    const r = buildLetterModel(notNeeded);
    expect(r.ok && r.model.personName).toBeNull();
  });

  it('applies need-to-know: a shelter gets sex and age, not the exploitation; notes never go', () => {
    const m = build();
    const keys = m.text.facts.map((f) => f.key);
    expect(keys).toEqual([
      'service',
      'caseCode',
      'person',
      'services',
      'languages',
      'gender',
      'ageBand',
      'reason',
      'details',
    ]);
    expect(JSON.stringify(m)).not.toContain('Note interne');
    const legal = fixtureView();
    legal.service = { ...legal.service, category: 'legal_aid' };
    const legalOnly = fixtureReferral();
    legalOnly.caseDetails.needs = ['legal'];
    const lk = build({ view: legal, referral: legalOnly }).text.facts.map((f) => f.key);
    expect(lk).toEqual(
      expect.arrayContaining(['citizenship', 'traffickingStatus', 'exploitationTypes']),
    );
    expect(lk).not.toContain('gender');
  });

  it('does not print a restricted shelter address', () => {
    const m = build();
    expect(m.to.lines.join(' ')).not.toContain('Rue 12');
    expect(m.to.lines.join(' ')).toContain('Ségou');
  });

  it('dates the letter officially and sets the due date from the urgency', () => {
    expect(formatLetterDate('2026-03-01', 'fr')).toBe('1er mars 2026');
    expect(formatLetterDate('2026-03-02', 'en')).toBe('2 March 2026');
    const m = build();
    expect(m.dueDate).toBe('2026-03-05');
    expect(m.text.dateLine).toBe('Bamako, le 2 mars 2026');
    expect(m.text.urgency).toBe('réponse attendue sous 72 heures, au plus tard le 5 mars 2026');
  });

  it('an override letter says so, with the reason, and never carries the name', () => {
    const c = fixtureReferral().consent;
    const r = fixtureReferral({
      consent: { ...NO_CONSENT },
      consentOverride: {
        reason: 'Enfant seule, tuteur injoignable',
        by: 'Awa',
        at: '2026-03-02T08:00:00.000Z',
        serviceId: fixtureView().service.id,
      },
    });
    expect(c.given).toBe(true);
    const m = build({ referral: r });
    expect(m.basis).toBe('override');
    expect(m.text.consent).toContain('sans le consentement');
    expect(m.text.consent).toContain('tuteur injoignable');
    expect(m.personName).toBeNull();
  });
});

describe('letter HTML', () => {
  it('prints free text containing markup as text', () => {
    const referral = fixtureReferral();
    referral.caseDetails.reasonDetails = '<script>alert(1)</script><b>gras</b> & "guillemets"';
    const html = renderLetterHtml(build({ referral }));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>gras');
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;gras&lt;/b&gt; &amp; &quot;guillemets&quot;',
    );
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });
  it('is self-contained: no script, no remote resource', () => {
    const html = renderLetterHtml(build());
    expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\//i);
    expect(html).toContain('MRN/BKO/2026/0042');
    expect(html).toContain('BKO-2026-0007');
    expect(html).toContain("font-family: 'Noto Sans'");
  });
  it('escapes the footer inside CSS so it cannot close the style element', () => {
    expect(cssString('</style><script>"x"\n')).toBe(
      '"\\3c \\2f style\\3e \\3c script\\3e \\22 x\\22 \\a "',
    );
  });
  it('is in English when asked', () => {
    const html = renderLetterHtml(build({}, 'en'));
    expect(html).toContain('Referral of a person — case BKO-2026-0007');
    expect(html).toContain('lang="en"');
  });
});

describe('letter DOCX', () => {
  it('carries the same content as the HTML, markup as text, no name', async () => {
    const referral = fixtureReferral();
    referral.caseDetails.reasonDetails = '<i>ligne 1</i>\nligne 2';
    const text = docxText(await renderLetterDocx(build({ referral })));
    for (const s of [
      'N° MRN/BKO/2026/0042',
      'BKO-2026-0007',
      'Centre d’accueil Jigiya',
      'réponse attendue sous 72 heures',
      '<i>ligne 1</i>',
      'ligne 2',
      'Cachet',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Blessing');
  });
});

describe('letterhead logo', () => {
  it('is embedded in both renderings, from its data URL, never fetched', async () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGPgjumBIAY4CwA2AgWzJzYjzgAAAABJRU5ErkJggg==';
    const letterhead = {
      ...fixtureLetterhead(),
      logo: { dataUrl: `data:image/png;base64,${png}`, width: 3, height: 2 },
    };
    const m = build({ letterhead });
    expect(renderLetterHtml(m)).toContain(`<img src="data:image/png;base64,${png}" alt="">`);
    const files = unzipSync(await renderLetterDocx(m));
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0]!]!).toString('base64')).toBe(png);
  });
});

describe('regeneration from the stored snapshot', () => {
  it('yields identical HTML and DOCX text, even after the directory and settings change', async () => {
    const model = build();
    const stored = JSON.parse(JSON.stringify(model));
    const again = letterModelSchema.parse(stored);
    expect(renderLetterHtml(again)).toBe(renderLetterHtml(model));
    expect(docxText(await renderLetterDocx(again))).toBe(docxText(await renderLetterDocx(model)));
    const files = (b: Uint8Array) => strFromU8(unzipSync(b)['word/document.xml']!);
    expect(files(await renderLetterDocx(again))).toBe(files(await renderLetterDocx(model)));
    // Building anew from changed data gives another letter; the snapshot does not move.
    const view = fixtureView();
    view.service = { ...view.service, name: 'Nouveau nom' };
    expect(renderLetterHtml(build({ view }))).not.toBe(renderLetterHtml(again));
  });
});
