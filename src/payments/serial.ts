/**
 * Work run one at a time per key (a session's steps, a payment's recording requests), with
 * different keys running side by side. A failed task does not stop the ones queued after it.
 */
export interface KeyedSerial {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void>;
}

export function createKeyedSerial(): KeyedSerial {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, fn) {
      const run = (tails.get(key) ?? Promise.resolve()).then(fn, fn);
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
