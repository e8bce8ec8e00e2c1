/**
 * Node's EventEmitter, as much of it as PouchDB uses. pouchdb-browser imports the `events`
 * package, which is not installed: the renderer build aliases `events` to this file
 * (vite.config.ts). Swapping in the npm `events` package later needs only removing the alias.
 */
type Listener = (...args: never[]) => unknown;

// Kept outside the instance: PouchDB makes emitters without running this constructor (mixing
// the methods into its own objects), so state must appear on first use, as in Node.
const registry = new WeakMap<object, Map<string | symbol, Listener[]>>();
const maxima = new WeakMap<object, number>();
const eventsOf = (emitter: object) => {
  let events = registry.get(emitter);
  if (!events) registry.set(emitter, (events = new Map()));
  return events;
};

/*
 * As in Node, `on` and `addListener` (and `off` and `removeListener`) are one implementation,
 * not one calling the other: PouchDB's change notifier overrides addListener and
 * removeListener with other signatures and still relies on the inherited on/off.
 */
function add(this: EventEmitter, type: string | symbol, listener: Listener) {
  const events = eventsOf(this);
  if (events.has('newListener')) this.emit('newListener', type, listener);
  events.set(type, [...(events.get(type) ?? []), listener]);
  return this;
}

function remove(this: EventEmitter, type: string | symbol, listener: Listener) {
  const events = eventsOf(this);
  const list = events.get(type);
  if (!list) return this;
  const i = list.findIndex(
    (l) => l === listener || (l as { listener?: Listener }).listener === listener,
  );
  if (i >= 0) {
    const next = [...list.slice(0, i), ...list.slice(i + 1)];
    if (next.length) events.set(type, next);
    else events.delete(type);
    if (events.has('removeListener')) this.emit('removeListener', type, listener);
  }
  return this;
}

export class EventEmitter {
  static defaultMaxListeners = 10;

  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  on(type: string | symbol, listener: Listener): this {
    return add.call(this, type, listener) as this;
  }
  addListener(type: string | symbol, listener: Listener): this {
    return add.call(this, type, listener) as this;
  }
  prependListener(type: string | symbol, listener: Listener): this {
    eventsOf(this).set(type, [listener, ...(eventsOf(this).get(type) ?? [])]);
    return this;
  }
  once(type: string | symbol, listener: Listener): this {
    const wrapped = (...args: never[]) => {
      this.removeListener(type, wrapped);
      return listener(...args);
    };
    (wrapped as { listener?: Listener }).listener = listener;
    return this.on(type, wrapped);
  }
  off(type: string | symbol, listener: Listener): this {
    return remove.call(this, type, listener) as this;
  }
  removeListener(type: string | symbol, listener: Listener): this {
    return remove.call(this, type, listener) as this;
  }
  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) eventsOf(this).clear();
    else eventsOf(this).delete(type);
    return this;
  }
  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = eventsOf(this).get(type);
    if (!list || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error('unhandled error');
      return false;
    }
    for (const l of [...list]) (l as (...a: unknown[]) => unknown).apply(this, args);
    return true;
  }
  listeners(type: string | symbol): Listener[] {
    return (eventsOf(this).get(type) ?? []).map(
      (l) => (l as { listener?: Listener }).listener ?? l,
    );
  }
  rawListeners(type: string | symbol): Listener[] {
    return [...(eventsOf(this).get(type) ?? [])];
  }
  listenerCount(type: string | symbol): number {
    return eventsOf(this).get(type)?.length ?? 0;
  }
  eventNames(): (string | symbol)[] {
    return [...eventsOf(this).keys()];
  }
  setMaxListeners(n: number): this {
    maxima.set(this, n);
    return this;
  }
  getMaxListeners(): number {
    return maxima.get(this) ?? EventEmitter.defaultMaxListeners;
  }
}

// PouchDB copies the emitter's methods onto its constructor by enumerating the prototype, as
// Node's (pre-class) EventEmitter allows; class methods are not enumerable until made so.
for (const name of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (name !== 'constructor')
    Object.defineProperty(EventEmitter.prototype, name, { enumerable: true });
}

export default EventEmitter;
