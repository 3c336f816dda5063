// Listening on a configured port, with one clear line when it cannot: the setting that names the port, the
// address, and what to do, instead of Node's EADDRINUSE stack.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** The port a setting names is taken or refused: `message` is the one line main.ts prints. */
export class PortUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortUnavailableError';
  }
}

function isErrnoCode(error: unknown, ...codes: string[]): error is NodeJS.ErrnoException {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

/**
 * The PortUnavailableError for a listen error about `setting` (PORT, EMULATOR_PORT), or the error itself.
 * `hint` says what else to try (another checkout's embedded emulator, for EMULATOR_PORT).
 */
export function portProblem(
  error: unknown,
  setting: string,
  port: number,
  host: string,
  hint = '',
): unknown {
  if (isErrnoCode(error, 'EADDRINUSE')) {
    return new PortUnavailableError(
      `${setting}=${port}: ${host}:${port} is already in use (another checkout or program listens there); set ${setting} to a free port${hint}`,
    );
  }
  if (isErrnoCode(error, 'EACCES', 'EADDRNOTAVAIL')) {
    return new PortUnavailableError(
      `${setting}=${port}: cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code}); check ${setting} and HOST`,
    );
  }
  return error;
}

/** Listens and resolves with the real port (PORT=0 picks one); rejects with a PortUnavailableError. */
export function listenOn(server: Server, port: number, host: string, setting: string) {
  return new Promise<number>((resolve, reject) => {
    const failed = (error: unknown) => reject(portProblem(error, setting, port, host));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
