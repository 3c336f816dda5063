// One real checkout process (server/main.ts, exactly what `npm start` runs) for the chaos tests: started
// with its own environment, killed with SIGKILL like a crashed host, or stopped with SIGTERM.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { exited } from '../testing/child-process-lifecycle';

const MAIN_ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.ts');

/** The line the default fulfilment hook (logFulfilmentHook) writes for each delivery. */
const FULFILMENT_LINE = 'order paid: fulfil it';
const logLineSchema = z.object({
  level: z.number(),
  msg: z.string().optional(),
  fulfilment: z.object({ idempotencyKey: z.string() }).optional(),
});
const WARN_LEVEL = 40;

export interface CheckoutInstance {
  url: string;
  pid: number;
  /** Whether the process is still running (a crash under chaos is a failed test). */
  alive(): boolean;
  /** How it ended, once it has: exit code or signal. */
  exitStatus(): string | null;
  /** Its warnings, errors and anything that is not a log line (a crash's stack), last 200 lines. */
  output(): string[];
  /** The idempotency key of every delivery the fulfilment hook made, in order, repeats included. */
  fulfilmentDeliveries(): string[];
  /** SIGKILL: no shutdown hook runs, leases and connections are simply left behind. */
  kill9(): Promise<void>;
  /** SIGTERM and the graceful shutdown of main.ts; SIGKILL after 15 s. */
  stop(): Promise<void>;
}

export interface CheckoutInstanceOptions {
  port: number;
  /**
   * DATABASE_URL, ZALOPAY_API_BASE_URL, POLL_* and the like, on top of the defaults below. LOG_LEVEL
   * stays info (the default) so the fulfilment hook's deliveries can be counted from the log.
   */
  env: Record<string, string>;
  readyTimeoutMs?: number;
}

export async function startCheckoutInstance(
  options: CheckoutInstanceOptions,
): Promise<CheckoutInstance> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN_ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // Production settings against the emulator: it must be asked for by name (docs/security.md).
      ZALOPAY_MODE: 'emulator',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      PUBLIC_BASE_URL: url,
      EMULATOR_EMBEDDED: 'false',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start server/main.ts');
  const lines: string[] = [];
  const deliveries: string[] = [];
  const read = (line: string) => {
    let parsed: z.infer<typeof logLineSchema> | null = null;
    try {
      const result = logLineSchema.safeParse(JSON.parse(line));
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
    if (parsed?.msg === FULFILMENT_LINE && parsed.fulfilment) {
      deliveries.push(parsed.fulfilment.idempotencyKey);
    }
    if (parsed === null || parsed.level >= WARN_LEVEL) {
      lines.push(line);
      if (lines.length > 200) lines.splice(0, lines.length - 200);
    }
  };
  createInterface({ input: child.stdout }).on('line', read);
  createInterface({ input: child.stderr }).on('line', read);

  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill9 = async () => {
    if (!alive()) return;
    child.kill('SIGKILL');
    await exited(child);
  };
  const stop = async () => {
    if (!alive()) return;
    child.kill('SIGTERM');
    const gone = await Promise.race([
      exited(child).then(() => true),
      sleep(15_000).then(() => false),
    ]);
    if (!gone) await kill9();
  };

  const deadline = performance.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (!alive()) throw new Error(`checkout on ${url} exited at start:\n${lines.join('\n')}`);
    if (performance.now() > deadline) {
      await kill9();
      throw new Error(`checkout on ${url} was not ready in time:\n${lines.join('\n')}`);
    }
    const ready = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await sleep(100);
  }

  return {
    url,
    pid,
    alive,
    exitStatus: () => (alive() ? null : String(child.exitCode ?? child.signalCode)),
    output: () => [...lines],
    fulfilmentDeliveries: () => [...deliveries],
    kill9,
    stop,
  };
}
