/**
 * The statistics charts' axes in the interface's direction. In Arabic a chart is mirrored: the
 * labels (a bar chart's categories, a line chart's scale) on the right, bars growing leftwards,
 * time running leftwards, and numbers in the digits the user chose.
 *
 * Why the labels need an anchor of their own: recharts anchors a right-hand axis's labels at
 * their "start", meaning their left end, but SVG text takes its direction from the page, and
 * in a right-to-left page a label's start is its right end, so the labels grew leftwards over
 * the bars. "end" is the inner end in both directions: a left-hand axis's labels end at the
 * axis (left to right), a right-hand one's begin at it (right to left).
 */
import { useMemo } from 'react';
import { isRtl } from '@shared/i18n/define';
import { useLocale } from '../../app/i18n';

/** Room for a chart's labels; longer ones wrap onto a second line (recharts breaks at spaces). */
const MIN_LABEL = 90;
const MAX_LABEL = 230;
/** The tick mark and its gap to the label (recharts' defaults: 6 + 2). */
const TICK_PX = 8;
/**
 * Room beyond a label's measured width: recharts measures word by word in its own span, and a
 * label a pixel too wide for its line would break in two.
 */
const AIR_PX = 8;

let canvas: HTMLCanvasElement | null = null;
/** The widest of some labels in the page's font, which recharts' tick labels inherit. */
const widest = (labels: readonly string[]): number => {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  const style = getComputedStyle(document.body);
  if (!ctx) return Math.max(0, ...labels.map((l) => l.length * parseFloat(style.fontSize) * 0.6));
  ctx.font = `${style.fontSize} ${style.fontFamily}`;
  return Math.max(0, ...labels.map((l) => ctx.measureText(l).width));
};

export const useChartAxes = () => {
  const { locale, intlLocale } = useLocale();
  const rtl = isRtl(locale);
  return useMemo(() => {
    const number = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 0 });
    return {
      rtl,
      /** Space on the side the values grow to, for the last figure of the scale. */
      margin: rtl
        ? { top: 8, right: 4, bottom: 8, left: 20 }
        : { top: 8, right: 20, bottom: 8, left: 4 },
      /** A number scale's figures in the interface's digits. */
      figure: (n: number) => number.format(n),
      /** A line chart's scale: on the reading side, its figures anchored at the axis. */
      side: { orientation: rtl ? 'right' : 'left', tick: { textAnchor: 'end' } } as const,
      /**
       * A bar chart's category axis, likewise, as wide as its longest label within bounds; a
       * longer label wraps within what is left beside the tick mark.
       */
      categories: (labels: readonly string[]) => {
        const width = Math.round(
          Math.min(MAX_LABEL, Math.max(MIN_LABEL, widest(labels) + TICK_PX + AIR_PX)),
        );
        return {
          orientation: rtl ? 'right' : 'left',
          width,
          tick: { textAnchor: 'end', width: width - TICK_PX },
        } as const;
      },
      /**
       * A figure inside a label ("< 11", "x"): kept left to right, so that in Arabic "< 11"
       * does not read "11 >" (the Unicode isolates LRI … PDI, as `dir="ltr"` in the tables).
       */
      isolate: (text: string) => (rtl ? `\u2066${text}\u2069` : text),
    };
  }, [rtl, intlLocale]);
};

export type ChartAxes = ReturnType<typeof useChartAxes>;
