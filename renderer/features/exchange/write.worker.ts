/**
 * Writes a confirmed import in its own connection to the database (issue 17): the window only
 * sends the plan in parts and shows progress; cloning records into IndexedDB, the journal and
 * the sealing of restricted places run here (data/repositories/exchangeWrite.ts).
 */
import { PasserelleDb } from '../../data/db';
import type { WriteRequest, WriteResponse } from '../../data/repositories/exchangeWrite';
import { createWriteHost } from '../../data/repositories/exchangeWrite';

const host = createWriteHost(
  (m: WriteResponse) => self.postMessage(m),
  (name) => new PasserelleDb(name),
);
self.onmessage = (e: MessageEvent<WriteRequest>) => void host(e.data);
