// `npm run emulator`: runs the ZaloPay sandbox emulator on its own, for local development.
// The only file of server/sandbox that reads process.env.
import { startEmulator } from './emulator';

const port = Number(process.env.EMULATOR_PORT ?? 3001);
const host = process.env.EMULATOR_HOST ?? '127.0.0.1';
const publicUrl = process.env.EMULATOR_PUBLIC_URL;

if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`EMULATOR_PORT must be a port number, got "${process.env.EMULATOR_PORT}"`);
  process.exit(1);
}

const emulator = await startEmulator({ port, host, ...(publicUrl ? { publicUrl } : {}) });
console.log(`ZaloPay sandbox emulator listening on ${emulator.url}`);
console.log(
  `  API: ${emulator.url}/v2/create  gateway: ${emulator.url}/openinapp  admin: ${emulator.url}/admin/orders`,
);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the emulator`);
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
