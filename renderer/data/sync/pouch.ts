/**
 * The part of PouchDB the sync module uses, typed narrowly here: the published typings describe
 * PouchDB 7 and loosely. The renderer opens pouchdb-browser (IndexedDB); Node tests open
 * pouchdb-core with the memory adapter; both satisfy this.
 */
export type PouchDoc = { _id: string; _rev?: string; _deleted?: boolean } & Record<string, unknown>;
export type StoredDoc = PouchDoc & { _rev: string; _conflicts?: string[] };
export type BulkResult = {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  reason?: string;
  status?: number;
};

export type ChangesResponse = {
  results: {
    id: string;
    seq: number | string;
    changes: { rev: string }[];
    doc?: StoredDoc;
    deleted?: boolean;
  }[];
  last_seq: number | string;
};

export type SyncHandle = {
  on(
    event: 'change',
    cb: (info: { direction: 'push' | 'pull'; change: { docs_written: number } }) => void,
  ): SyncHandle;
  on(event: 'paused', cb: (err?: unknown) => void): SyncHandle;
  on(event: 'active' | 'complete', cb: () => void): SyncHandle;
  on(event: 'denied' | 'error', cb: (err: unknown) => void): SyncHandle;
  cancel(): void;
};

export type Pouch = {
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  allDocs(options: { keys?: string[]; include_docs?: boolean; conflicts?: boolean }): Promise<{
    rows: {
      id: string;
      key: string;
      value?: { rev: string; deleted?: boolean };
      doc?: StoredDoc | null;
      error?: string;
    }[];
  }>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<BulkResult[]>;
  changes(options: {
    since: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
    style?: 'main_only' | 'all_docs';
  }): Promise<ChangesResponse>;
  bulkGet(options: { docs: { id: string; rev?: string }[]; revs?: boolean }): Promise<{
    results: { id: string; docs: ({ ok: StoredDoc } | { error: unknown })[] }[];
  }>;
  get(
    id: string,
    options?: { rev?: string; conflicts?: boolean; revs?: boolean },
  ): Promise<StoredDoc>;
  sync(remote: unknown, options: Record<string, unknown>): SyncHandle;
  replicate: {
    to(remote: unknown, options?: Record<string, unknown>): Promise<unknown>;
    from(remote: unknown, options?: Record<string, unknown>): Promise<unknown>;
  };
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
};

/** Opens a database by name or URL; adapters differ per runtime. */
export type PouchFactory = (nameOrUrl: string, options?: Record<string, unknown>) => Pouch;
