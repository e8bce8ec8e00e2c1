/**
 * One symbol per service category: a shape AND a colour, so categories stay apart for readers
 * who do not see colours well (colours after Okabe–Ito and Tol, dark enough on the light
 * basemap). The canvas layer and the legend draw from the same definitions.
 */
import type { MarkTone } from '@shared/domain/capacity/marker';
import type { ServiceCategory } from '@shared/domain/directory/schema';

type Shape = readonly (readonly [number, number])[] | 'circle';

const regular = (n: number, rotation = -Math.PI / 2, radius = 1): [number, number][] =>
  Array.from({ length: n }, (_, i) => {
    const a = rotation + (i * 2 * Math.PI) / n;
    return [Math.cos(a) * radius, Math.sin(a) * radius];
  });

const star = (points: number, inner: number): [number, number][] =>
  Array.from({ length: points * 2 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    const r = i % 2 === 0 ? 1.15 : inner;
    return [Math.cos(a) * r, Math.sin(a) * r];
  });

const W = 0.36;
const CROSS: [number, number][] = [
  [-W, -1],
  [W, -1],
  [W, -W],
  [1, -W],
  [1, W],
  [W, W],
  [W, 1],
  [-W, 1],
  [-W, W],
  [-1, W],
  [-1, -W],
  [-W, -W],
];
/** A house: a square with a roof, for shelters. */
const HOUSE: [number, number][] = [
  [0, -1.1],
  [1, -0.2],
  [0.8, -0.2],
  [0.8, 0.95],
  [-0.8, 0.95],
  [-0.8, -0.2],
  [-1, -0.2],
];

export const SYMBOLS: Record<ServiceCategory, { color: string; shape: Shape }> = {
  shelter: { color: '#c74a00', shape: HOUSE },
  legal_aid: { color: '#0072b2', shape: regular(4, Math.PI / 4, 1.2) },
  medical: { color: '#007a5a', shape: CROSS },
  psychosocial: { color: '#b0457f', shape: 'circle' },
  social_services: { color: '#b07800', shape: regular(4, 0, 1.25) },
  law_enforcement: { color: '#332288', shape: regular(3, -Math.PI / 2, 1.3) },
  hotline: { color: '#882255', shape: star(5, 0.5) },
  repatriation: { color: '#2f7fb0', shape: regular(3, Math.PI / 2, 1.3) },
  labour_inspection: { color: '#6b5d00', shape: regular(6, 0, 1.1) },
  child_protection: { color: '#aa3377', shape: regular(5, -Math.PI / 2, 1.15) },
};

export const CLUSTER_COLOR = '#1d2433';
export const RESTRICTED_COLOR = '#3b3f46';

/**
 * A shelter's badge: green free beds, red full or closed, grey figures not to be trusted. The
 * badge's text (a number, "0", "×", "?") carries the same meaning without the colour; white on
 * each of these passes WCAG AA for small bold text.
 */
export const CAPACITY_COLORS: Record<MarkTone, string> = {
  free: '#1f7a3a',
  full: '#a32020',
  closed: '#a32020',
  unknown: '#5b6474',
};

/** Traces a category's outline at (x, y), `r` pixels from centre to edge. */
export const traceSymbol = (
  ctx: CanvasRenderingContext2D,
  category: ServiceCategory,
  x: number,
  y: number,
  r: number,
) => {
  const { shape } = SYMBOLS[category];
  ctx.beginPath();
  if (shape === 'circle') {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  shape.forEach(([sx, sy], i) =>
    i === 0 ? ctx.moveTo(x + sx * r, y + sy * r) : ctx.lineTo(x + sx * r, y + sy * r),
  );
  ctx.closePath();
};

/** The same outline as an SVG path in a 24×24 box, for the legend. */
export const symbolPath = (category: ServiceCategory, r = 8): string => {
  const { shape } = SYMBOLS[category];
  if (shape === 'circle')
    return `M ${12 - r} 12 a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
  return `${shape.map(([sx, sy], i) => `${i ? 'L' : 'M'} ${(12 + sx * r).toFixed(2)} ${(12 + sy * r).toFixed(2)}`).join(' ')} Z`;
};
