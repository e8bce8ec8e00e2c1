import { describe, expect, it } from 'vitest';
import { onDemand } from './onDemand';

describe('onDemand', () => {
  it('imports once, tells its listeners, and tries a failed import again', async () => {
    let calls = 0;
    const code = onDemand(async () => {
      calls++;
      if (calls === 1) throw new Error('network cut');
      return { answer: 42 };
    });
    let told = 0;
    const stop = code.subscribe(() => told++);
    await expect(code.load()).rejects.toThrow('network cut');
    expect(code.get()).toBeUndefined();
    await Promise.all([code.load(), code.load()]);
    await code.load();
    expect(calls).toBe(2);
    expect(code.get()).toEqual({ answer: 42 });
    expect(told).toBe(1);
    stop();
  });
});
