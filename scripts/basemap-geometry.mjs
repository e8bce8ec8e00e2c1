// Geometry for scripts/build-basemap.mjs: Douglas–Peucker, point-in-polygon, label points, and a
// small TopoJSON builder (rings cut at junctions into arcs shared by neighbouring areas, so a
// border is simplified once and neighbours never open gaps), in plain JavaScript with no
// dependency. Coordinates are integers on a grid (the caller's unit) while the topology is built.

const sqSegDist = (p, a, b) => {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) [x, y] = [x + dx * t, y + dy * t];
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
};

/** Douglas–Peucker, iterative; keeps both ends (an arc's ends are junctions shared with others). */
export const simplify = (points, tolerance) => {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  const sq = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop();
    let max = 0;
    let index = 0;
    for (let i = first + 1; i < last; i++) {
      const d = sqSegDist(points[i], points[first], points[last]);
      if (d > max) [max, index] = [d, i];
    }
    if (max > sq) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
};

const ringArea = (ring) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return a / 2;
};

const inRing = ([x, y], ring) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
export const inPolygons = (point, polygons) =>
  polygons.some(
    ([outer, ...holes]) => inRing(point, outer) && !holes.some((h) => inRing(point, h)),
  );
export const polygonsOf = (g) =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/** A point inside the largest polygon: middle of the widest horizontal span across it. */
export const labelPoint = (polygons) => {
  const [outer] = polygons.reduce((a, b) =>
    Math.abs(ringArea(a[0])) >= Math.abs(ringArea(b[0])) ? a : b,
  );
  const ys = outer.map((p) => p[1]);
  const [south, north] = [Math.min(...ys), Math.max(...ys)];
  let best = { score: -1, point: outer[0] };
  for (let k = 1; k < 20; k++) {
    const y = south + ((north - south) * k) / 20;
    const xs = [];
    for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
      const [a, b] = [outer[j], outer[i]];
      if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      // Spans near the middle latitude win ties, so the label sits in the body of the country.
      const score = (xs[i + 1] - xs[i]) * (1 - Math.abs(k / 20 - 0.5));
      if (score > best.score) best = { score, point: [(xs[i] + xs[i + 1]) / 2, y] };
    }
  }
  return best.point;
};

// ---- topology: cut rings at junctions into arcs shared by the areas on both sides
const key = (p) => `${p[0]},${p[1]}`;

export const cleanRing = (ring, unit) => {
  const pts = ring.map(([x, y]) => [Math.round(x / unit), Math.round(y / unit)]);
  const outRing = pts.filter((p, i) => i === 0 || key(p) !== key(pts[i - 1]));
  if (key(outRing[0]) === key(outRing[outRing.length - 1])) outRing.pop();
  return outRing;
};

/** A vertex is a junction where the rings through it do not all have the same neighbours. */
const findJunctions = (rings) => {
  const seen = new Map();
  for (const ring of rings) {
    ring.forEach((p, i) => {
      const prev = key(ring[(i + ring.length - 1) % ring.length]);
      const next = key(ring[(i + 1) % ring.length]);
      const k = key(p);
      const s = seen.get(k);
      if (s === undefined) seen.set(k, `${prev}|${next}`);
      else if (s !== true && s !== `${prev}|${next}` && s !== `${next}|${prev}`) seen.set(k, true);
    });
  }
  return new Set([...seen].filter(([, v]) => v === true).map(([k]) => k));
};

export const buildTopology = (areas) => {
  const rings = areas.flatMap((a) => a.polygons.flat());
  const junctions = findJunctions(rings);
  const arcs = [];
  const arcCountry = [];
  const index = new Map();
  const arcFor = (points, country) => {
    const k = points.map(key).join(';');
    if (index.has(k)) return index.get(k);
    const reversed = points.map(key).reverse().join(';');
    if (index.has(reversed)) return ~index.get(reversed);
    index.set(k, arcs.length);
    arcs.push(points);
    arcCountry.push(country);
    return arcs.length - 1;
  };
  const ringArcs = (ring, country) => {
    let start = ring.findIndex((p) => junctions.has(key(p)));
    if (start < 0) {
      // No junction: start at the smallest vertex so identical rings give identical arcs.
      start = ring.reduce(
        (m, p, i) => (p[0] < ring[m][0] || (p[0] === ring[m][0] && p[1] < ring[m][1]) ? i : m),
        0,
      );
      const r = [...ring.slice(start), ...ring.slice(0, start)];
      return [arcFor([...r, r[0]], country)];
    }
    const r = [...ring.slice(start), ...ring.slice(0, start), ring[start]];
    const result = [];
    let from = 0;
    for (let i = 1; i < r.length; i++) {
      if (i === r.length - 1 || junctions.has(key(r[i]))) {
        result.push(arcFor(r.slice(from, i + 1), country));
        from = i;
      }
    }
    return result;
  };
  const geometries = areas.map((a) => ({
    type: 'MultiPolygon',
    properties: a.properties,
    arcs: a.polygons.map((polygon) => polygon.map((ring) => ringArcs(ring, a.country))),
  }));
  return { arcs, arcCountry, geometries };
};

/** Positions of a ring given as arc indexes (negative = reversed), without the closing point. */
const ringPoints = (arcs, ring) =>
  ring.flatMap((i) => {
    const a = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
    return a.slice(0, -1);
  });

/** Drops rings that simplification shrank to a line; a polygon goes with its outer ring. */
export const dropDegenerate = (arcs, geometry) => {
  const polygons = geometry.arcs
    .filter((polygon) => new Set(ringPoints(arcs, polygon[0]).map(key)).size >= 3)
    .map((polygon) => polygon.filter((ring) => new Set(ringPoints(arcs, ring).map(key)).size >= 3));
  return { ...geometry, arcs: polygons };
};

/** Keeps only the arcs the objects use, on an integer grid, delta-encoded (TopoJSON §2.1.2). */
export const encode = (arcs, objects, grid, unit) => {
  const used = new Map();
  const remap = (i) => {
    const abs = i < 0 ? ~i : i;
    if (!used.has(abs)) used.set(abs, used.size);
    return i < 0 ? ~used.get(abs) : used.get(abs);
  };
  const mapArcs = (g) => ({ ...g, arcs: g.arcs.map((p) => p.map((r) => r.map(remap))) });
  const outObjects = Object.fromEntries(
    Object.entries(objects).map(([name, geoms]) => [
      name,
      { type: 'GeometryCollection', geometries: geoms.map(mapArcs) },
    ]),
  );
  const ratio = unit / grid;
  const outArcs = [...used.keys()].map((abs) => {
    const pts = arcs[abs].map(([x, y]) => [Math.round(x * ratio), Math.round(y * ratio)]);
    const dedup = pts.filter(
      (p, i) => i === 0 || i === pts.length - 1 || key(p) !== key(pts[i - 1]),
    );
    return dedup.map((p, i) => (i === 0 ? p : [p[0] - dedup[i - 1][0], p[1] - dedup[i - 1][1]]));
  });
  return {
    type: 'Topology',
    transform: { scale: [grid, grid], translate: [0, 0] },
    objects: outObjects,
    arcs: outArcs,
  };
};
