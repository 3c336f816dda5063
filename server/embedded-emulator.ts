// The ZaloPay emulator a checkout in emulator mode starts inside itself (EMULATOR_EMBEDDED). Loaded with a
// dynamic import, so that a checkout talking to the real ZaloPay never loads a line of the emulator.
import type { Env } from './env';
import type { Logger } from './logger';
import type { RunningEmulator } from './emulator/emulator';
import { thisMachineOnly } from './security/loopback-only';
import { portProblem } from './http/listen';

const EMULATOR_PORT_HINT =
  " (a second checkout in emulator mode on this machine: set EMULATOR_EMBEDDED=false and ZALOPAY_API_BASE_URL=<the first one's emulator, e.g. http://127.0.0.1:3001> to share its emulator, docs/deployment.md)";

export async function startEmbeddedEmulator(env: Env, log: Logger): Promise<RunningEmulator> {
  const { startEmulator } = await import('./emulator/emulator');
  // The gateway pages listen on HOST (a phone may open the QR's link); the ZaloPay API (which signs
  // callbacks to any address), the inspector and the admin API (which pays any order) answer this
  // machine only, so a stranger cannot use the emulator as a relay.
  const emulator = await startEmulator({
    port: env.emulator.port,
    host: env.host,
    privateGuard: thisMachineOnly(env.host),
    apps: env.emulator.apps,
    profile: env.emulator.profile,
  }).catch((error: unknown) => {
    throw portProblem(error, 'EMULATOR_PORT', env.emulator.port, env.host, EMULATOR_PORT_HINT);
  });
  log.info({ url: emulator.url }, 'ZaloPay emulator started');
  return emulator;
}
