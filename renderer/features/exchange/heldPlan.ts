/**
 * How the check worker holds a checked plan until the write (issue 17): its services and
 * locations as parts of PART_SIZE services, each part its JSON deflated (fflate, synchronous:
 * the write reads parts inside its one IndexedDB transaction, which must not wait on anything
 * but its own requests, or it commits half an import). A 200,000-row plan is then ~20 MB of
 * bytes instead of ~130 MB of live records, and nothing in it points into the file's text any
 * more (a record's strings were slices of it, which kept the whole text alive until the write
 * ended). What the report pages through (organisations, problems, rejected rows) stays as it is,
 * copied so that it, too, lets the text go.
 */
import { deflateSync, inflateSync } from 'fflate';
import { planParts } from '@shared/domain/exchange/planParts';
import type { Location } from '@shared/domain/directory/schema';
import type { ImportPlan, PartedPlan, PlanPart } from '@shared/domain/exchange/types';

export const PART_SIZE = 2000;

export type Packed = { bytes: Uint8Array; borrowed: PlanPart['borrowed'] };
type Records = Pick<PlanPart, 'services' | 'serviceRows' | 'locations'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Level 1: a fifth of level 6's time for most of its gain on records this repetitive.
// One buffer the parts' JSON is encoded into, grown as needed, rather than one per part.
let scratch = new Uint8Array(0);
const pack = ({ services, serviceRows, locations }: Records): Uint8Array => {
  const json = JSON.stringify({ services, serviceRows, locations });
  // UTF-8 takes at most three bytes per UTF-16 unit.
  if (scratch.length < json.length * 3) scratch = new Uint8Array(json.length * 3);
  const { written } = encoder.encodeInto(json, scratch);
  return deflateSync(scratch.subarray(0, written), { level: 1 });
};
const unpack = (bytes: Uint8Array): Records =>
  JSON.parse(decoder.decode(inflateSync(bytes))) as Records;

/** A fresh copy of plain data: strings no longer slices of the file's text. */
const copied = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export type HeldPlan = PartedPlan & {
  /** Every record back in memory, as the plan was (for a report's fix, then held anew). */
  whole: () => ImportPlan;
  /** Bytes the parts take, for the benchmark. */
  packedBytes: number;
};

/** A plan packed: its parts, how many services they hold, and the rest of the plan. */
export type PackedPlan = {
  parts: Packed[];
  serviceCount: number;
  meta: Omit<ImportPlan, 'services' | 'serviceRows' | 'locations'>;
};

/**
 * Packs a plan's parts as they come (PlanPart, in order); `packed` then adds the rest of the
 * plan (its organisations, problems, rejected rows; its own records, if any, are not kept: they
 * must have come in parts), and `finish` holds it.
 */
export const planPacker = () => {
  const parts: Packed[] = [];
  let serviceCount = 0;
  const add = (part: PlanPart) => {
    serviceCount += part.services.length;
    parts.push({ bytes: pack(part), borrowed: copied(part.borrowed) });
  };
  const packed = (plan: ImportPlan): PackedPlan => {
    // Not copied: it crosses to the check worker by structured clone, which copies it anyway.
    const { services: _s, serviceRows: _r, locations: _l, ...meta } = plan;
    return { parts, serviceCount, meta };
  };
  return { add, packed, finish: (plan: ImportPlan) => holdPacked(packed(plan)) };
};

/** A packed plan held: its parts read back in turn, or all at once. */
export const holdPacked = ({ parts: packed, serviceCount, meta }: PackedPlan): HeldPlan => {
  /** Each part in turn, with the locations it borrows from earlier parts added. */
  function* parts(): Generator<PlanPart> {
    // Borrowed locations are read from the part they live in; the last one read is kept.
    let near: { n: number; locations: Map<string, Location> } | undefined;
    for (const { bytes, borrowed } of packed) {
      const own = unpack(bytes);
      for (const [id, at] of borrowed) {
        if (near?.n !== at) {
          const from = unpack(packed[at]!.bytes).locations;
          near = { n: at, locations: new Map(from.map((l) => [l.id, l])) };
        }
        const l = near.locations.get(id);
        if (l) own.locations.push(l);
      }
      yield { ...own, borrowed };
    }
  }

  const whole = (): ImportPlan => {
    const out: ImportPlan = { ...copied(meta), services: [], serviceRows: [], locations: [] };
    for (const { bytes } of packed) {
      const r = unpack(bytes);
      out.services.push(...r.services);
      out.serviceRows.push(...r.serviceRows);
      out.locations.push(...r.locations);
    }
    return out;
  };

  return {
    ...meta,
    serviceCount,
    parts,
    whole,
    packedBytes: packed.reduce((n, p) => n + p.bytes.byteLength, 0),
  };
};

/** Holds a whole plan in parts; the caller lets `plan` go afterwards. */
export const holdPlan = (plan: ImportPlan, size = PART_SIZE): HeldPlan => {
  const packer = planPacker();
  for (const part of plan.services.length ? planParts(plan, size) : []) packer.add(part);
  return packer.finish(plan);
};
