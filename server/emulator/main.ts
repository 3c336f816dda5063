// `npm run emulator`: runs the ZaloPay sandbox emulator on its own, for local development and for
// merchants in any language. The only file of server/emulator that reads process.env and argv.
import { CliOptionError, helpText, parseCli } from './cli-options';
import { startEmulator } from './emulator';

let command;
try {
  command = parseCli(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof CliOptionError)) throw error;
  console.error(`Cannot start the emulator: ${error.message}`);
  process.exit(1);
}
if (command.help) {
  console.log(helpText());
  process.exit(0);
}

const emulator = await startEmulator(command.options);
const appIds = (command.options.apps ?? []).map((app) => app.appId);
console.log(`ZaloPay sandbox emulator listening on ${emulator.url}`);
console.log(
  `  API: ${emulator.url}/v2/create  gateway: ${emulator.url}/openinapp  admin: ${emulator.url}/admin/orders`,
);
console.log(
  `  inspector: ${emulator.url}/inspector  profile: ${command.options.profile ?? 'sandbox'}`,
);
console.log(`  apps: 2553, 2554${appIds.length > 0 ? `, configured: ${appIds.join(', ')}` : ''}`);

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
