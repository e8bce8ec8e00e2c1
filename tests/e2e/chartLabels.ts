/**
 * What a reader would see wrong in the statistics charts' labels, measured in the page: a tick
 * label over the plot area (recharts' clip rectangle) or over a bar, cut at the chart's edge,
 * over another label of its axis, or on the wrong side (the category axis is on the reading
 * side: right in Arabic, left otherwise). Returns the problems, and how much was checked, so a
 * test can tell "no problem" from "nothing measured".
 */
import type { Page } from '@playwright/test';

export type ChartLabelReport = {
  charts: number;
  labels: number;
  bars: number;
  problems: string[];
};

export const chartLabelReport = (page: Page, dir: 'ltr' | 'rtl'): Promise<ChartLabelReport> =>
  page.locator('.stat-chart svg.recharts-surface').evaluateAll((all, dir) => {
    // The charts themselves, not the legend's icons (small svgs of the same class).
    const svgs = all.filter((svg) => svg.querySelector('.recharts-cartesian-axis'));
    // Half a pixel of slack: anti-aliased edges of neighbours may touch.
    const SLACK = 0.5;
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - SLACK &&
      b.left < a.right - SLACK &&
      a.top < b.bottom - SLACK &&
      b.top < a.bottom - SLACK;
    const report = { charts: svgs.length, labels: 0, bars: 0, problems: [] as string[] };
    svgs.forEach((svg, n) => {
      const where = `chart ${n + 1} (${svg.closest('.stat-chart')?.getAttribute('aria-label')})`;
      const box = svg.getBoundingClientRect();
      const clip = svg.querySelector('defs clipPath rect');
      if (!clip) {
        report.problems.push(`${where}: no plot area found`);
        return;
      }
      const num = (name: string) => Number(clip.getAttribute(name));
      const plot = new DOMRect(
        box.left + num('x'),
        box.top + num('y'),
        num('width'),
        num('height'),
      );
      const bars = [...svg.querySelectorAll('.recharts-bar-rectangle .recharts-rectangle')]
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      report.bars += bars.length;
      // recharts draws each axis's labels in a layer of their own (its z-index layers).
      for (const axis of svg.querySelectorAll('.recharts-cartesian-axis-tick-labels')) {
        const vertical = axis.classList.contains('recharts-yAxis-tick-labels');
        const labels = [...axis.querySelectorAll('.recharts-cartesian-axis-tick-value')].map(
          (t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }),
        );
        report.labels += labels.length;
        labels.forEach(({ text, r }, i) => {
          const say = (what: string) => report.problems.push(`${where}: "${text}" ${what}`);
          if (overlap(r, plot)) say('overlaps the plot area');
          if (bars.some((b) => overlap(r, b))) say('overlaps a bar');
          if (r.left < box.left - SLACK || r.right > box.right + SLACK) say('is cut at the edge');
          if (labels.slice(i + 1).some((o) => overlap(r, o.r))) say('overlaps another label');
          if (vertical && dir === 'rtl' && r.left < plot.right - SLACK) say('is not right of it');
          if (vertical && dir === 'ltr' && r.right > plot.left + SLACK) say('is not left of it');
        });
      }
    });
    return report;
  }, dir);

/**
 * Whether "< k" reads left to right where it is drawn: its "<" left of its first digit. Holds
 * for the table's figures (HTML) and the charts' labels (SVG text).
 */
export const smallFiguresLeftToRight = (page: Page) =>
  page.evaluate(() => {
    const out: { text: string; ltr: boolean }[] = [];
    const lt = (s: string) => s.indexOf('<');
    for (const el of document.querySelectorAll('.stat-small'))
      for (const node of el.childNodes) {
        const s = node.textContent ?? '';
        if (!(node instanceof Text) || lt(s) < 0) continue;
        const at = (k: number) => {
          const range = document.createRange();
          range.setStart(node, k);
          range.setEnd(node, k + 1);
          return range.getBoundingClientRect().left;
        };
        out.push({ text: s, ltr: at(lt(s)) < at(s.length - 1) });
      }
    for (const el of document.querySelectorAll<SVGTextContentElement>(
      '.stat-chart text, .stat-chart tspan',
    )) {
      const s = el.textContent ?? '';
      if (lt(s) < 0 || el.querySelector('tspan')) continue;
      // The last digit of the figure after "<": the label may go on after it, e.g. ")".
      const digits = /<\D*(\p{Nd}+)/u.exec(s);
      if (!digits) continue;
      const last = s.indexOf(digits[1]!, lt(s)) + digits[1]!.length - 1;
      out.push({
        text: s,
        ltr: el.getExtentOfChar(lt(s)).x < el.getExtentOfChar(last).x,
      });
    }
    return out;
  });
