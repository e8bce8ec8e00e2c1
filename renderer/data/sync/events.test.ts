import { describe, expect, it } from 'vitest';
import { EventEmitter } from './events';

describe('EventEmitter shim', () => {
  it('emits to listeners in order, once listeners once, and removes them', () => {
    const e = new EventEmitter();
    const seen: string[] = [];
    const a = (x: string) => void seen.push(`a${x}`);
    e.on('x', a);
    e.once('x', (x: string) => void seen.push(`b${x}`));
    expect(e.emit('x', '1')).toBe(true);
    e.emit('x', '2');
    e.off('x', a);
    expect(e.emit('x', '3')).toBe(false);
    expect(seen).toEqual(['a1', 'b1', 'a2']);
    expect(() => e.emit('error', new Error('boom'))).toThrow('boom');
  });

  it('keeps on/off working when a subclass overrides addListener/removeListener (as PouchDB does)', () => {
    class Changes extends EventEmitter {
      registered: string[] = [];
      override addListener(name: string | symbol): this {
        this.registered.push(String(name));
        return this;
      }
    }
    const c = new Changes();
    let hits = 0;
    c.on('db', () => void hits++);
    c.emit('db');
    expect(hits).toBe(1);
    expect(c.registered).toEqual([]);
  });

  it('exposes its methods as enumerable, and works on objects it never constructed', () => {
    expect(Object.keys(EventEmitter.prototype)).toEqual(
      expect.arrayContaining(['on', 'emit', 'once']),
    );
    const target: Record<string, unknown> = {};
    const shared = new EventEmitter();
    for (const k of Object.keys(EventEmitter.prototype)) target[k] = (shared as never)[k];
    const on = target.on as (t: string, l: () => void) => void;
    let hit = false;
    on.call(target, 'ping', () => void (hit = true));
    (target.emit as (t: string) => void).call(target, 'ping');
    expect(hit).toBe(true);
  });
});
