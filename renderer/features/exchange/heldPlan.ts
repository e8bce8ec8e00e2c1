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

type Packed = { bytes: Uint8Array; borrowed: PlanPart['borrowed'] };
type Records = Pick<PlanPart, 'services' | 'serviceRows' | 'locations'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Level 1: a fifth of level 6's time for most of its gain on records this repetitive.
const pack = ({ services, serviceRows, locations }: Records): Uint8Array =>
  deflateSync(encoder.encode(JSON.stringify({ services, serviceRows, locations })), { level: 1 });
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

/**
 * Packs a plan's parts as they come (PlanPart, in order), then `finish` holds them with the
 * rest of the plan (its organisations, problems, rejected rows; its own records, if any, are
 * not kept: they must have come in parts).
 */
export const planPacker = () => {
  const packed: Packed[] = [];
  let serviceCount = 0;
  const add = (part: PlanPart) => {
    serviceCount += part.services.length;
    packed.push({ bytes: pack(part), borrowed: copied(part.borrowed) });
  };
  const finish = (plan: ImportPlan): HeldPlan => {
    const { services: _s, serviceRows: _r, locations: _l, ...rest } = plan;
    const meta = copied(rest);

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
  return { add, finish };
};

/** Holds a whole plan in parts; the caller lets `plan` go afterwards. */
export const holdPlan = (plan: ImportPlan, size = PART_SIZE): HeldPlan => {
  const packer = planPacker();
  for (const part of planParts(plan, size)) packer.add(part);
  return packer.finish(plan);
};
