/**
 * The bundle body is inflated and parsed in a worker (renderer/data/sync/bodyReader.ts), and an
 * exported body encoded in another (bodyWriter.ts), so a sync of 10k changes never freezes the
 * window. Moving it there must not open a way in: a
 * bomb, a body that is not what was signed for, a forged document inside a signed bundle and a
 * worker that dies are all refused whole, through the worker path. Node has no Worker: here one
 * stands in over a real MessageChannel (structured clone, transfer, one message at a time),
 * running the worker module's own decoding.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deflateSync } from 'fflate';
import {
  MAX_INFLATE_RATIO,
  decodeBundleBody,
  parseBundleFrame,
} from '../../../shared/domain/sync/bundle';
import { utf8 } from '../../../shared/domain/sync/codec';
import type { BodyRequest, BodyResponse } from '../../../renderer/data/sync/bundleBody';
import { serveBody } from '../../../renderer/data/sync/bundleBody';
import { BodyRefused, readBody } from '../../../renderer/data/sync/bodyReader';
import type { BodyWriteRequest } from '../../../renderer/data/sync/bodyWriter';
import { bodyWriterHost } from '../../../renderer/data/sync/bodyWriter';
import type { Replica } from '../sync/kit';
import { makeReplica, organizations, pouchState, rows, trustAll } from '../sync/kit';
import { bomb, bundleAround, bundleOf, refusals } from './hostile';

let started: ChannelWorker[] = [];
/** Export's writer workers, apart from the import's readers that most tests look at. */
let writers: ChannelWorker[] = [];
const isWriter = (url: URL) => /\/bodyWriter\.worker\.ts$/.test(url.pathname);

class ChannelWorker {
  onmessage: ((e: MessageEvent<BodyResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  received: BodyResponse[] = [];
  private readonly channel = new MessageChannel();
  constructor(
    readonly url: URL,
    readonly options?: WorkerOptions,
  ) {
    (isWriter(url) ? writers : started).push(this);
    const { port1, port2 } = this.channel;
    // The worker's side: the module's own code, answering through a structured clone.
    const write = bodyWriterHost((m) => port2.postMessage(m, [m.body.buffer]));
    port2.onmessage = isWriter(url)
      ? (e: MessageEvent<BodyWriteRequest>) => write(e.data)
      : (e: MessageEvent<BodyRequest>) => serveBody(e.data, (m) => port2.postMessage(m));
    port1.onmessage = (e: MessageEvent<BodyResponse>) => {
      this.received.push(e.data);
      this.onmessage?.(e);
    };
  }
  postMessage(message: BodyRequest | BodyWriteRequest, transfer: Transferable[] = []) {
    this.channel.port1.postMessage(message, transfer);
  }
  terminate() {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
}

/** A worker that fails to start (its script missing, say). */
class BrokenWorker extends ChannelWorker {
  override postMessage() {
    queueMicrotask(() =>
      this.onerror?.({ message: 'boom', preventDefault: () => {} } as unknown as ErrorEvent),
    );
  }
}

beforeEach(() => {
  started = [];
  writers = [];
  vi.stubGlobal('Worker', ChannelWorker);
});
afterEach(() => vi.unstubAllGlobals());

const pair = async () => {
  const bko = await makeReplica('BKO');
  const seg = await makeReplica('SEG');
  await trustAll([bko, seg]);
  return { bko, seg };
};

/** Documents of an honest bundle from `by`, as its signed body carries them. */
const honestDocs = async (by: Replica, names: string[]) => {
  for (const n of names) await by.newOrganization(n);
  const file = (await by.service.exportFile())!;
  const frame = parseBundleFrame(file.bytes);
  if (frame.kind !== 'ok') throw new Error('frame');
  return { file, docs: decodeBundleBody(frame.body) as Record<string, unknown>[] };
};

const untouched = async (r: Replica) => {
  expect(await pouchState(r)).toEqual([]);
  expect(await rows(r, 'organizations')).toEqual([]);
};

describe('bundle import through the worker', () => {
  it('applies an honest bundle, decoded in the worker, which is then terminated', async () => {
    const { bko, seg } = await pair();
    const { file } = await honestDocs(seg, ['Association Jigiya', 'Clinique Bénkadi']);
    expect(await bko.service.importFile(file.bytes)).toMatchObject({
      status: 'applied',
      count: 2,
    });
    expect(await rows(bko, 'organizations')).toHaveLength(2);
    expect(started).toHaveLength(1);
    expect(started[0]!.url.pathname).toMatch(/\/bundleBody\.worker\.ts$/);
    expect(started[0]!.options).toEqual({ type: 'module' });
    expect(started[0]!.received.map((m) => m.type)).toEqual(['docs', 'done']);
    expect(started[0]!.terminated).toBe(true);
  });

  it('refuses a signed deflate bomb as too large: the worker keeps the limits', async () => {
    const { bko, seg } = await pair();
    const body = bomb(24 * 1024 * 1024);
    expect(body.length).toBeLessThan((24 * 1024 * 1024) / MAX_INFLATE_RATIO);
    expect(await bko.service.importFile(await bundleAround(seg, body, 1))).toMatchObject({
      status: 'rejected',
      reason: 'tooLarge',
    });
    expect(started[0]!.received).toEqual([{ type: 'refused', reason: 'tooLarge' }]);
    expect(started[0]!.terminated).toBe(true);
    await untouched(bko);
    expect(await refusals(bko)).toContain('tooLarge');
  });

  it('refuses a flipped byte by its signature, before any worker is started', async () => {
    const { bko, seg } = await pair();
    const { file } = await honestDocs(seg, ['Association Jigiya']);
    const bad = file.bytes.slice();
    const at = bad.length - 100;
    bad[at] = bad[at]! ^ 1;
    expect(await bko.service.importFile(bad)).toMatchObject({
      status: 'rejected',
      reason: 'tampered',
    });
    expect(started).toEqual([]);
    await untouched(bko);
  });

  it('refuses a signed body holding more or fewer documents than signed for', async () => {
    const { bko, seg } = await pair();
    const { docs } = await honestDocs(seg, ['Association Jigiya', 'Clinique Bénkadi']);
    for (const count of [3, 1]) {
      expect(await bko.service.importFile(await bundleOf(seg, docs, count))).toMatchObject({
        status: 'rejected',
        reason: 'tampered',
      });
    }
    // Refused in the worker: not a document of it crossed into the window.
    for (const w of started) expect(w.received).toEqual([{ type: 'refused', reason: 'tampered' }]);
    await untouched(bko);
  });

  it('refuses a signed body that is not a list of documents', async () => {
    const { bko, seg } = await pair();
    for (const text of ['{"0":{}}', '[1,', '"x"']) {
      const file = await bundleAround(seg, deflateSync(utf8(text)), 1);
      expect(await bko.service.importFile(file)).toMatchObject({
        status: 'rejected',
        reason: 'tampered',
      });
    }
    await untouched(bko);
  });

  it('refuses a signed bundle with one forged document, checked in the window', async () => {
    const { bko, seg } = await pair();
    const { docs } = await honestDocs(seg, ['Association Jigiya', 'Clinique Bénkadi']);
    const record = docs[1]!.record as Record<string, unknown>;
    docs[1] = { ...docs[1], record: { ...record, name: 'Agence de placement' } };
    const outcome = await bko.service.importFile(await bundleOf(seg, docs));
    expect(outcome).toMatchObject({
      status: 'rejected',
      reason: 'documents',
      documents: [{ docId: docs[1]!._id, reason: 'badSignature' }],
    });
    await untouched(bko);
  });

  it('applies nothing when the worker dies, and says so instead of blaming the file', async () => {
    const { bko, seg } = await pair();
    const { file } = await honestDocs(seg, ['Association Jigiya']);
    vi.stubGlobal('Worker', BrokenWorker);
    await expect(bko.service.importFile(file.bytes)).rejects.toThrow(/bundle worker: boom/);
    expect(started[0]!.terminated).toBe(true);
    await untouched(bko);
  });
});

describe('bundle export through the worker', () => {
  it('the body the writer worker encodes is the one signed, and the partner applies it', async () => {
    const { bko, seg } = await pair();
    const orgs = organizations(600, 'SEG');
    await seg.writeAll('organizations', orgs);
    const file = (await seg.service.exportFile())!;
    expect(writers).toHaveLength(1);
    expect(writers[0]!.options).toEqual({ type: 'module' });
    expect(writers[0]!.terminated).toBe(true);
    const frame = parseBundleFrame(file.bytes);
    if (frame.kind !== 'ok') throw new Error('frame');
    expect(decodeBundleBody(frame.body)).toHaveLength(600);
    expect(await bko.service.importFile(file.bytes)).toMatchObject({
      status: 'applied',
      count: 600,
    });
    expect(await rows(bko, 'organizations')).toHaveLength(600);
    expect((await rows(bko, 'organizations')).map((o) => o.name).sort()).toEqual(
      orgs.map((o) => o.name).sort(),
    );
  });

  it('a writer that dies saves nothing and leaves the export cursor where it was', async () => {
    const { seg } = await pair();
    await seg.newOrganization('Association Jigiya');
    vi.stubGlobal('Worker', BrokenWorker);
    await expect(seg.service.exportFile()).rejects.toThrow(/bundle writer: boom/);
    expect(writers[0]!.terminated).toBe(true);
    vi.stubGlobal('Worker', ChannelWorker);
    const file = (await seg.service.exportFile())!;
    const frame = parseBundleFrame(file.bytes);
    if (frame.kind !== 'ok') throw new Error('frame');
    expect(decodeBundleBody(frame.body)).toHaveLength(1);
  });
});

describe('readBody', () => {
  const body = (docs: unknown[]) => deflateSync(utf8(JSON.stringify(docs)));
  const all = async (source: AsyncIterable<unknown[]>) => {
    const out: unknown[][] = [];
    for await (const b of source) out.push(b);
    return out;
  };

  it('sends the documents in batches, in order, one message each', async () => {
    const docs = [1, 2, 3, 4, 5].map((n) => ({ n }));
    expect(await all(readBody(body(docs), 5, 2))).toEqual([
      [{ n: 1 }, { n: 2 }],
      [{ n: 3 }, { n: 4 }],
      [{ n: 5 }],
    ]);
    expect(started[0]!.received.map((m) => m.type)).toEqual(['docs', 'docs', 'docs', 'done']);
  });

  it('does the same without a Worker, and refuses the same bodies', async () => {
    vi.stubGlobal('Worker', undefined);
    const docs = [1, 2, 3].map((n) => ({ n }));
    expect(await all(readBody(body(docs), 3, 2))).toEqual([[{ n: 1 }, { n: 2 }], [{ n: 3 }]]);
    await expect(all(readBody(body(docs), 4, 2))).rejects.toEqual(new BodyRefused('tampered'));
    await expect(all(readBody(bomb(24 * 1024 * 1024), 1))).rejects.toEqual(
      new BodyRefused('tooLarge'),
    );
    expect(started).toEqual([]);
  });

  it('terminates the worker when the reader stops early', async () => {
    const docs = [1, 2, 3, 4].map((n) => ({ n }));
    for await (const b of readBody(body(docs), 4, 1)) {
      expect(b).toEqual([{ n: 1 }]);
      break;
    }
    expect(started[0]!.terminated).toBe(true);
  });

  it('leaves the caller its bytes: the worker gets a copy', async () => {
    const bytes = body([{ n: 1 }]);
    const before = bytes.slice();
    await all(readBody(bytes.subarray(0), 1));
    expect(bytes.byteLength).toBe(before.byteLength);
    expect(bytes).toEqual(before);
  });
});
