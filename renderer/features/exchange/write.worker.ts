/**
 * Writes a confirmed import in its own connection to the database (issue 17): the window sends
 * `begin` with one end of a MessageChannel, the check worker sends the plan's parts on the other
 * end, and each part taken in is acknowledged so the sender never queues the whole plan. The
 * window shows progress and may Cancel; cloning records into IndexedDB, the journal and the
 * sealing of restricted places run here (data/repositories/exchangeWrite.ts). Every message,
 * from either side, is parsed by the host's schema.
 */
import { PasserelleDb } from '../../data/db';
import type { WriteResponse } from '../../data/repositories/exchangeWrite';
import { attachPlanPort, createWriteHost } from '../../data/repositories/exchangeWrite';

const host = createWriteHost(
  (m: WriteResponse) => self.postMessage(m),
  (name) => new PasserelleDb(name),
);
self.onmessage = (e: MessageEvent<unknown>) => {
  void host(e.data);
  const port = e.ports[0];
  if (port) attachPlanPort(host, port);
};
