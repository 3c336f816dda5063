// Runs a server under test (the checkout, the baselines) as its own Node process, so the load
// generator never shares its event loop; waits until it answers, and stops it by its own pid.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { exited } from '../testing/child-process-lifecycle';

export interface ChildService {
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  stop(): Promise<void>;
}

export interface ChildServiceOptions {
  /** A TypeScript entry file, run with `node --import tsx`, or a built .js one, run with plain node. */
  entry: string;
  args?: string[];
  /** Extra Node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] to profile the service. */
  nodeOptions?: string[];
  env: Record<string, string>;
  /** Polled until it answers 2xx: the service is then ready. */
  readyUrl: string;
  readyTimeoutMs?: number;
}

export async function waitUntilReady(
  url: string,
  timeoutMs: number,
  stillAlive: () => boolean,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (!stillAlive()) throw new Error(`The service for ${url} exited before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(5);
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

export async function startChildService(options: ChildServiceOptions): Promise<ChildService> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeOptions ?? []),
      ...(options.entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
      options.entry,
      ...(options.args ?? []),
    ],
    {
      env: { ...process.env, ...options.env },
      // The IPC channel closes if this process dies, and the child then stops itself (see its entry file).
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${options.entry}`);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const gone = await Promise.race([
      exited(child).then(() => true),
      sleep(15_000).then(() => false),
    ]);
    if (!gone) {
      child.kill('SIGKILL');
      await exited(child);
    }
  };
  try {
    await waitUntilReady(
      options.readyUrl,
      options.readyTimeoutMs ?? 60_000,
      () => child.exitCode === null,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid, stop };
}
