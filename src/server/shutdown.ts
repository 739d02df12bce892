/**
 * Graceful shutdown on SIGTERM/SIGINT: stop taking requests, let in-flight ones finish, stop the
 * job workers at a safe point, close the database. A second signal, or a stop that takes longer
 * than `graceMs`, exits at once (an orchestrator's kill would follow anyway).
 */
export function onShutdownSignal(stop: () => Promise<void>, log: (msg: string) => void, graceMs = 15_000): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    const timer = setTimeout(() => {
      log(`shutdown took longer than ${graceMs} ms: exiting`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    stop().then(
      () => {
        clearTimeout(timer);
        process.exitCode = 0;
      },
      (err: unknown) => {
        log(`shutdown failed: ${(err as Error)?.name ?? 'error'}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
