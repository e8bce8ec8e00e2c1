/**
 * Code loaded when first wanted, not with the window (issue 15, cold start): `load()` imports it
 * once (a failed fetch is tried again by the next call), `get()` is the module once loaded, and
 * `subscribe` tells listeners (useSyncExternalStore) when it is.
 */
export const onDemand = <M>(importer: () => Promise<M>) => {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  const listeners = new Set<() => void>();
  return {
    async load(): Promise<void> {
      loading ??= importer().then((m) => {
        module = m;
        for (const l of listeners) l();
        return m;
      });
      try {
        await loading;
      } catch (e) {
        loading = undefined;
        throw e;
      }
    },
    get: (): M | undefined => module,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
};
