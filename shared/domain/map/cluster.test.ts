import { describe, expect, it } from 'vitest';
import { buildClusterIndex } from './cluster';

// Two towns 200 km apart, 300 points around each; one spot shared by 5 services.
const around = (lat: number, lon: number, n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => ({
    lat: lat + Math.sin(i * 12.9898 + seed) * 0.05,
    lon: lon + Math.cos(i * 78.233 + seed) * 0.05,
  }));
const points = [
  ...around(12.64, -8, 300, 1),
  ...around(13.43, -6.26, 300, 2),
  ...Array.from({ length: 5 }, () => ({ lat: 14.49, lon: -4.18 })),
];
const MALI: [number, number, number, number] = [-12.3, 10.1, 4.3, 25];

describe('buildClusterIndex', () => {
  const index = buildClusterIndex(points);

  it('groups dense points at country scale and accounts for every point', () => {
    const items = index.items(MALI, 5);
    expect(items.length).toBeLessThan(10);
    const total = items.reduce((s, it) => s + (it.kind === 'cluster' ? it.count : 1), 0);
    expect(total).toBe(points.length);
  });

  it('draws single points beyond maxZoom', () => {
    const items = index.items([-8.1, 12.5, -7.9, 12.8], index.maxZoom + 1);
    expect(items.every((i) => i.kind === 'point')).toBe(true);
    expect(items).toHaveLength(300);
  });

  it('tells when a cluster splits, and that co-located services never do', () => {
    const clusters = index.items(MALI, 5).filter((i) => i.kind === 'cluster');
    const mopti = clusters.find((c) => Math.abs(c.lat - 14.49) < 0.01)!;
    expect(mopti).toMatchObject({ count: 5 });
    expect(index.expansionZoom(mopti.kind === 'cluster' ? mopti.id : -1)).toBeGreaterThan(
      index.maxZoom,
    );
    const leaves = index.leaves(mopti.kind === 'cluster' ? mopti.id : -1, 10);
    expect(leaves.sort((a, b) => a - b)).toEqual([600, 601, 602, 603, 604]);
  });

  it('clamps a view wider than the world instead of splitting it', () => {
    const items = index.items([-300, -95, 300, 95], 2);
    const total = items.reduce((s, it) => s + (it.kind === 'cluster' ? it.count : 1), 0);
    expect(total).toBe(points.length);
  });
});
