/**
 * A CouchDB-protocol server for tests only (express-pouchdb over in-memory PouchDB), on
 * 127.0.0.1 and a free port. It can require this office's credentials (HTTP basic) and allow
 * the preview origin (CORS), as a real CouchDB in front of the app would. Tests stop it.
 */
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import { NodePouch as PouchDB } from './pouchNode';

export type Loopback = {
  url: string;
  stop: () => Promise<void>;
  requests: () => number;
  /** Simulates an outage: every request fails until set back. */
  setDown: (down: boolean) => void;
  /** Requires these names and passwords from now on (one express-pouchdb per process). */
  setUsers: (users: Record<string, string> | undefined) => void;
};

export const startLoopback = async ({
  origins = [],
  users,
}: { origins?: string[]; users?: Record<string, string> } = {}): Promise<Loopback> => {
  const ServerPouch = PouchDB.defaults({
    adapter: 'memory',
  } as PouchDB.Configuration.DatabaseConfiguration);
  const app = express();
  let count = 0;
  let down = false;
  let accounts = users;
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    count++;
    if (process.env.LOOPBACK_LOG) console.log('REQ', req.method, req.url);
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Accept');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, HEAD, OPTIONS');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    }
    // An outage: the server answers nothing useful until it is "back".
    if (down) return void res.writeHead(503).end('{"error":"unavailable"}');
    if (accounts) {
      const header = req.headers.authorization ?? '';
      const [name, password] = Buffer.from(header.replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':');
      if (!name || accounts[name] !== password) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return void res.end('{"error":"unauthorized","reason":"Name or password is incorrect."}');
      }
      // Checked here; express-pouchdb would look the name up in a _users database it lacks.
      delete req.headers.authorization;
    }
    next();
  });
  app.use('/', expressPouchdb(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    setDown: (d) => void (down = d),
    setUsers: (u) => void (accounts = u),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
