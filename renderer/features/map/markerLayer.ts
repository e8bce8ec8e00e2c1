/**
 * Service markers drawn on one canvas: only the clusters and points in view (a few hundred at
 * most, from the supercluster index), redrawn at the end of each move or zoom. 50k locations
 * cost no DOM nodes and no per-marker Leaflet layers; Leaflet's own canvas renderer with 50k
 * circle markers is the baseline this is benchmarked against (tests/bench/map.bench.ts).
 *
 * The canvas ignores the pointer: the map's own click and mousemove events are hit-tested here
 * (`hitAt`), so clicks that miss a marker still reach the map (region selection).
 */
import L from 'leaflet';
import type { CapacityMark } from '@shared/domain/capacity/marker';
import type { ClusterIndex, DrawItem } from '@shared/domain/map/cluster';
import type { MapPoint } from '@shared/domain/map/placement';
import { CAPACITY_COLORS, CLUSTER_COLOR, RESTRICTED_COLOR, SYMBOLS, traceSymbol } from './symbols';

export type Drawn = { item: DrawItem; x: number; y: number; r: number };

/** Drawn beyond the view by a quarter on each side, so a drag does not reveal empty edges. */
const PAD = 0.25;
const SYMBOL_R = 7;
/** Above this many drawn items the description (a test and debugging aid) is skipped. */
const DESCRIBE_MAX = 2000;

export type MarkerLayerOptions = {
  pane: string;
  /** Writes what is drawn, with positions, into data-markers on the canvas. */
  describe?: boolean;
  formatCount?: (n: number) => string;
};

export const clusterRadius = (count: number) => 11 + Math.min(12, Math.log10(count) * 5);

export class MarkerCanvasLayer extends L.Layer {
  private canvas: HTMLCanvasElement | undefined;
  private points: readonly MapPoint[] = [];
  private index: ClusterIndex | undefined;
  private drawn: Drawn[] = [];
  private marks: ReadonlyMap<string, CapacityMark> | undefined;
  private readonly opts: MarkerLayerOptions;

  constructor(opts: MarkerLayerOptions) {
    super({ pane: opts.pane });
    this.opts = opts;
  }

  setData(points: readonly MapPoint[], index: ClusterIndex | undefined): void {
    this.points = points;
    this.index = index;
    this.redraw();
  }

  /** Shelters' bed badges by service id (capacity); they change without the points moving. */
  setMarks(marks: ReadonlyMap<string, CapacityMark> | undefined): void {
    this.marks = marks;
    this.redraw();
  }

  point(index: number): MapPoint | undefined {
    return this.points[index];
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create('canvas', 'map-markers leaflet-zoom-hide');
    canvas.setAttribute('aria-hidden', 'true');
    (map.getPane(this.opts.pane) ?? map.createPane(this.opts.pane)).appendChild(canvas);
    this.canvas = canvas;
    // A zoom or a reset always ends with moveend; resize covers a container that changed size.
    map.on('moveend resize', this.redraw, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend resize', this.redraw, this);
    this.canvas?.remove();
    this.canvas = undefined;
    return this;
  }

  /** The top-most marker under a container point, with a few pixels of slack for fingers. */
  hitAt(p: L.Point): Drawn | undefined {
    let best: Drawn | undefined;
    let bestD = Infinity;
    for (let i = this.drawn.length - 1; i >= 0; i--) {
      const d = this.drawn[i]!;
      const dist = Math.hypot(d.x - p.x, d.y - p.y);
      if (dist <= d.r + 4 && dist < bestD) [best, bestD] = [d, dist];
    }
    return best;
  }

  /** Point indexes drawn at the same pixel as `d` (services sharing one address). */
  pointsAt(d: Drawn): number[] {
    return this.drawn.flatMap((o) =>
      o.item.kind === 'point' && Math.abs(o.x - d.x) < 1 && Math.abs(o.y - d.y) < 1
        ? [o.item.index]
        : [],
    );
  }

  redraw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const pad = size.multiplyBy(PAD).round();
    const full = size.add(pad.multiplyBy(2));
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(full.x * dpr) || canvas.height !== Math.round(full.y * dpr)) {
      canvas.width = Math.round(full.x * dpr);
      canvas.height = Math.round(full.y * dpr);
      canvas.style.width = `${full.x}px`;
      canvas.style.height = `${full.y}px`;
    }
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([-pad.x, -pad.y]));
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, dpr * pad.x, dpr * pad.y);
    ctx.clearRect(-pad.x, -pad.y, full.x, full.y);
    this.drawn = [];
    if (this.index && this.points.length > 0) {
      const nw = map.containerPointToLatLng([-pad.x, -pad.y]);
      const se = map.containerPointToLatLng([size.x + pad.x, size.y + pad.y]);
      const items = this.index.items([nw.lng, se.lat, se.lng, nw.lat], map.getZoom());
      // Points first, clusters over them: a count must never hide under a symbol.
      items.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'point' ? -1 : 1));
      for (const item of items) {
        const p = map.latLngToContainerPoint([item.lat, item.lon]);
        if (item.kind === 'cluster') {
          const r = clusterRadius(item.count);
          this.drawCluster(ctx, p.x, p.y, r, item.count);
          this.drawn.push({ item, x: p.x, y: p.y, r });
        } else {
          const point = this.points[item.index];
          if (!point) continue;
          this.drawPoint(ctx, point, p.x, p.y);
          this.drawn.push({ item, x: p.x, y: p.y, r: point.restricted ? SYMBOL_R + 4 : SYMBOL_R });
        }
      }
    }
    this.describe(canvas);
  }

  private drawPoint(ctx: CanvasRenderingContext2D, point: MapPoint, x: number, y: number) {
    let r = SYMBOL_R;
    if (point.restricted) {
      // A dashed ring on a pale disc: "somewhere in this region", not a place.
      ctx.beginPath();
      ctx.arc(x, y, SYMBOL_R + 4, 0, 2 * Math.PI);
      ctx.fillStyle = 'rgba(255,255,255,0.9)';
      ctx.fill();
      ctx.setLineDash([3, 2]);
      ctx.lineWidth = 2;
      ctx.strokeStyle = RESTRICTED_COLOR;
      ctx.stroke();
      ctx.setLineDash([]);
      r = SYMBOL_R - 2;
    }
    traceSymbol(ctx, point.category, x, y, r);
    ctx.fillStyle = SYMBOLS[point.category].color;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    const mark = this.marks?.get(point.serviceId);
    if (mark) this.drawMark(ctx, mark, x + SYMBOL_R, y - SYMBOL_R - 2);
  }

  /** A small pill above the symbol's right shoulder: its text says what its colour does. */
  private drawMark(ctx: CanvasRenderingContext2D, mark: CapacityMark, x: number, y: number) {
    ctx.font = '700 11px "Noto Sans", system-ui, sans-serif';
    const h = 15;
    const w = Math.max(h, ctx.measureText(mark.text).width + 8);
    ctx.beginPath();
    ctx.roundRect(x - h / 2, y - h / 2, w, h, h / 2);
    ctx.fillStyle = CAPACITY_COLORS[mark.tone];
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(mark.text, x - h / 2 + w / 2, y + 0.5);
  }

  private drawCluster(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, n: number) {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = CLUSTER_COLOR;
    ctx.globalAlpha = 0.88;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.font = '700 12px "Noto Sans", system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.opts.formatCount?.(n) ?? String(n), x, y + 0.5);
  }

  private describe(canvas: HTMLCanvasElement) {
    if (!this.opts.describe) return;
    canvas.dataset.count = String(this.drawn.length);
    if (this.drawn.length > DESCRIBE_MAX) {
      delete canvas.dataset.markers;
      return;
    }
    const round = (v: number) => Math.round(v * 10) / 10;
    canvas.dataset.markers = JSON.stringify(
      this.drawn.map(({ item, x, y }) => {
        const at = { lat: item.lat, lon: item.lon, x: round(x), y: round(y) };
        if (item.kind === 'cluster') return { cluster: item.count, ...at };
        const p = this.points[item.index]!;
        const mark = this.marks?.get(p.serviceId);
        return {
          service: p.serviceId,
          restricted: p.restricted,
          beds: mark?.text,
          tone: mark?.tone,
          ...at,
        };
      }),
    );
  }
}
