// Test-only packages without published typings: just what the loopback server uses.
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  const expressPouchdb: (
    pouch: unknown,
    options: { mode: 'minimumForPouchDB' | 'fullCouchDB'; inMemoryConfig?: boolean },
  ) => RequestHandler;
  export default expressPouchdb;
}
declare module 'express' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';
  export type RequestHandler = (
    req: IncomingMessage,
    res: ServerResponse,
    next: () => void,
  ) => void;
  type App = RequestHandler & {
    use(handler: RequestHandler): App;
    use(path: string, handler: RequestHandler): App;
    listen(port: number, host: string, cb: () => void): Server;
  };
  const express: () => App;
  export default express;
}
