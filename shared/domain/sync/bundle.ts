/**
 * The bundle file: one office's changes for a range of its local sequence, for a shared folder,
 * a USB stick or e-mail. Layout (all-or-nothing, checked before anything is applied):
 *
 *   "PSRL-BUNDLE\n" | header length (u32, big-endian) | header (JSON) | body | signature (64)
 *
 * The header says the writer, its key, the range and the body's exact size, so a file still
 * being copied (shorter than announced) is told apart from a tampered one (wrong signature or
 * longer than announced). The body is the document list as JSON, deflate-compressed.
 */
import { Deflate, Inflate } from 'fflate';
import { z } from 'zod';
import { concatBytes, fromUtf8, utf8 } from './codec';
import { keyIdSchema, officeCodeSchema } from './doc';

export const BUNDLE_MAGIC = utf8('PSRL-BUNDLE\n');
export const SIGNATURE_BYTES = 64;
export const BUNDLE_EXTENSION = 'pbundle';
/** A bundle of 10k documents is a few MB compressed; this bounds what one file may weigh. */
export const MAX_BODY_BYTES = 150 * 1024 * 1024;
/**
 * What a body may inflate to, counted while inflating (as imports count zips: limits.ts), so a
 * signed deflate bomb from a partner stops there instead of exhausting memory (issue 13, 10).
 * 10k documents inflate to about 30 MB; sealed case fields are capped at 4 MB each.
 */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/**
 * Inflated / compressed size beyond the first 16 MB, as for zips (limits.ts): documents deflate
 * about 5:1 and sealed ciphertext hardly at all, while a bomb reaches 1000:1.
 */
export const MAX_INFLATE_RATIO = 200;
const RATIO_GRACE = 16 * 1024 * 1024;
/** Compressed input fed to the inflater at a time: bounds what one step can produce (~16 MB). */
const INFLATE_STEP = 16 * 1024;

export class BundleTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`bundle body inflates beyond ${limit} bytes`);
    this.name = 'BundleTooLarge';
  }
}

export const bundleHeaderSchema = z.object({
  format: z.literal('passerelle-bundle'),
  version: z.literal(1),
  office: officeCodeSchema,
  key: keyIdSchema,
  /** Exclusive lower and inclusive upper bound of the writer's local sequence. */
  from: z.number().int().min(0),
  to: z.number().int().min(1),
  count: z.number().int().min(0).max(1_000_000),
  createdAt: z.iso.datetime({ offset: true }),
  compression: z.literal('deflate'),
  bodyBytes: z.number().int().min(0).max(MAX_BODY_BYTES),
  /**
   * The writer installation's audit head (last sequence and hash) when it wrote the bundle,
   * covered by the bundle's signature (issue 13, hole 6): the receiver keeps the latest it saw
   * and reports a head that went back (truncation) or changed at the same sequence (rewrite).
   * Absent in bundles written before.
   */
  audit: z
    .object({
      seq: z.number().int().min(0),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});
export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

export type ParsedFrame =
  | { kind: 'incomplete' }
  | { kind: 'invalid'; reason: 'format' | 'version' | 'tampered' }
  | {
      kind: 'ok';
      header: BundleHeader;
      signed: Uint8Array;
      body: Uint8Array;
      signature: Uint8Array;
    };

const u32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/**
 * The body written a batch of documents at a time, each batch deflated as it comes: the same
 * JSON list as one `JSON.stringify(docs)`, without one task building and compressing it whole
 * (the window hands the batches to a worker: renderer/data/sync/bodyWriter.ts).
 */
export const bodyEncoder = () => {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => void parts.push(chunk));
  let empty = true;
  return {
    push(docs: readonly unknown[]): void {
      if (docs.length === 0) return;
      deflate.push(utf8((empty ? '[' : ',') + docs.map((d) => JSON.stringify(d)).join(',')));
      empty = false;
    },
    end(): Uint8Array<ArrayBuffer> {
      deflate.push(utf8(empty ? '[]' : ']'), true);
      return concatBytes(...parts);
    },
  };
};

export const encodeBody = (docs: readonly unknown[]): Uint8Array<ArrayBuffer> => {
  const encoder = bodyEncoder();
  encoder.push(docs);
  return encoder.end();
};

/** Builds the file around an encoded body; `sign` signs the bytes before the signature. */
export const frameBundle = async (
  header: Omit<BundleHeader, 'bodyBytes' | 'compression' | 'format' | 'version'>,
  body: Uint8Array,
  sign: (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>,
): Promise<Uint8Array<ArrayBuffer>> => {
  const full: BundleHeader = {
    format: 'passerelle-bundle',
    version: 1,
    ...header,
    compression: 'deflate',
    bodyBytes: body.length,
  };
  const head = utf8(JSON.stringify(full));
  const signed = concatBytes(BUNDLE_MAGIC, u32(head.length), head, body);
  const signature = await sign(signed);
  if (signature.length !== SIGNATURE_BYTES) throw new Error('signature size');
  return concatBytes(signed, signature);
};

/** Builds the file; `sign` signs the bytes before the signature (the office's private key). */
export const encodeBundle = (
  header: Omit<BundleHeader, 'bodyBytes' | 'compression' | 'format' | 'version'>,
  docs: readonly unknown[],
  sign: (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>,
): Promise<Uint8Array<ArrayBuffer>> => frameBundle(header, encodeBody(docs), sign);

/** Splits a file into its parts without trusting it: nothing here is verified yet. */
export const parseBundleFrame = (bytes: Uint8Array): ParsedFrame => {
  const m = BUNDLE_MAGIC.length;
  const prefix = bytes.subarray(0, Math.min(m, bytes.length));
  if (!prefix.every((b, i) => b === BUNDLE_MAGIC[i])) return { kind: 'invalid', reason: 'format' };
  if (bytes.length < m + 4) return { kind: 'incomplete' };
  const headLength =
    ((bytes[m]! << 24) | (bytes[m + 1]! << 16) | (bytes[m + 2]! << 8) | bytes[m + 3]!) >>> 0;
  if (headLength > 4096) return { kind: 'invalid', reason: 'format' };
  const headEnd = m + 4 + headLength;
  if (bytes.length < headEnd) return { kind: 'incomplete' };
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(bytes.subarray(m + 4, headEnd)));
  } catch {
    return { kind: 'invalid', reason: 'tampered' };
  }
  if (typeof raw === 'object' && raw !== null && 'version' in raw && raw.version !== 1)
    return { kind: 'invalid', reason: 'version' };
  const header = bundleHeaderSchema.safeParse(raw);
  if (!header.success || header.data.to <= header.data.from)
    return { kind: 'invalid', reason: 'tampered' };
  const bodyEnd = headEnd + header.data.bodyBytes;
  const total = bodyEnd + SIGNATURE_BYTES;
  if (bytes.length < total) return { kind: 'incomplete' };
  if (bytes.length > total) return { kind: 'invalid', reason: 'tampered' };
  return {
    kind: 'ok',
    header: header.data,
    signed: bytes.subarray(0, bodyEnd),
    body: bytes.subarray(headEnd, bodyEnd),
    signature: bytes.subarray(bodyEnd),
  };
};

/**
 * Inflates a body, refusing (BundleTooLarge) as soon as it grows past `limit` bytes or past
 * MAX_INFLATE_RATIO times its compressed size.
 */
export const inflateCapped = (body: Uint8Array, limit = MAX_INFLATED_BYTES): Uint8Array => {
  const ratioLimit = Math.max(RATIO_GRACE, body.length * MAX_INFLATE_RATIO);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit || size > ratioLimit) throw new BundleTooLarge(Math.min(limit, ratioLimit));
    chunks.push(chunk);
    if (final) done = true;
  });
  for (let at = 0; at < body.length; at += INFLATE_STEP) {
    const end = Math.min(at + INFLATE_STEP, body.length);
    inflater.push(body.subarray(at, end), end === body.length);
  }
  if (!done) throw new Error('body');
  return concatBytes(...chunks);
};

/**
 * The document list of a verified frame; throws if it does not inflate to a JSON array, and
 * BundleTooLarge if it inflates past the cap.
 */
export const decodeBundleBody = (body: Uint8Array, limit = MAX_INFLATED_BYTES): unknown[] => {
  const parsed: unknown = JSON.parse(fromUtf8(inflateCapped(body, limit)));
  if (!Array.isArray(parsed)) throw new Error('body');
  return parsed;
};

/** `BKO/000000000001-000000000042_1a2b3c4d.pbundle`: one writer per file, sorted by range. */
export const bundleFileName = (h: Pick<BundleHeader, 'office' | 'key' | 'from' | 'to'>): string =>
  `${h.office}/${String(h.from).padStart(12, '0')}-${String(h.to).padStart(12, '0')}_${h.key.slice(0, 8)}.${BUNDLE_EXTENSION}`;

export const BUNDLE_FILE_PATTERN = /^([A-Z0-9]{2,10})\/(\d{12})-(\d{12})_([0-9a-f]{8})\.pbundle$/;

/** Applied ranges of one writer, merged; a bundle inside them is a replay (applied: no-op). */
export type Range = readonly [from: number, to: number];

export const addRange = (ranges: readonly Range[], r: Range): Range[] => {
  const all = [...ranges, r].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [f, t] of all) {
    const last = out[out.length - 1];
    if (last && f <= last[1]) last[1] = Math.max(last[1], t);
    else out.push([f, t]);
  }
  return out;
};

export const coveredBy = (ranges: readonly Range[], [from, to]: Range): boolean =>
  ranges.some(([f, t]) => f <= from && to <= t);
