import { describe, expect, it } from 'vitest';
import { barsOf, reportHtml, statisticsCsv, tableRows, type Labels } from './export';
import { statTable } from './table';

const labels: Labels = {
  value: (_d, v) => (v === 'Masculine' ? '=HYPERLINK("http://x")' : v),
  dimension: (d) => d,
  total: 'Total',
  format: String,
};
const query = {
  measure: 'referrals',
  period: { kind: 'year', year: 2026 },
  area: { kind: 'region', code: 'ML-4' },
  rows: 'gender',
  cols: null,
} as const;
const counts = {
  rowKeys: ['Feminine', 'Masculine'],
  colKeys: [''],
  cells: [[12], [3]],
  records: 15,
};

describe('statistics files', () => {
  const table = statTable(counts, query, 11);

  it('rows carry only suppressed figures, and numbers stay numbers', () => {
    expect(tableRows(table, labels)).toEqual([
      ['gender', 'Total'],
      ['Feminine', 'x'],
      ['=HYPERLINK("http://x")', '< 11'],
      ['Total', 15],
    ]);
  });

  it('CSV neutralises formulas and says the rule above the table', () => {
    const csv = statisticsCsv(['Règle : < 11'], tableRows(table, labels));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",< 11`);
    expect(csv).not.toMatch(/,3\r\n|,12\r\n/);
  });

  it('the report escapes every label and draws no bar for a hidden figure', () => {
    const html = reportHtml({
      lang: 'fr',
      dir: 'ltr',
      title: '<script>alert(1)</script>',
      facts: ['Bureau : Bamako'],
      ruleTitle: 'Règle',
      rule: 'moins de 11',
      sections: [
        { title: 'T', caption: 'C', rows: tableRows(table, labels), bars: barsOf(table, labels) },
      ],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt; 11');
    expect(html.match(/<rect [^>]*width="0.0"/g)).toHaveLength(2);
  });
});
