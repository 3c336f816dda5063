// npm run api-keys -- create <name> | list | revoke <id>: merchant API keys for automation (the /ops page
// does the same by hand). `create` prints the new key, and only the key, on stdout. Exit codes: 0 done,
// 1 refused (no such key) or failed, 2 bad usage or settings.
import { z } from 'zod';
import { withMigratedDatabase } from '../cli-database';
import { issueApiKey, listApiKeys, revokeApiKey, type ApiKeySummary } from '../api-keys/api-keys';

const USAGE = `usage: npm run api-keys -- create <name>   (prints the new key on stdout, once)
       npm run api-keys -- list
       npm run api-keys -- revoke <id>`;

type Command = { kind: 'create'; name: string } | { kind: 'list' } | { kind: 'revoke'; id: string };

function commandOf(args: string[]): Command | undefined {
  const [verb, ...rest] = args;
  if (verb === 'create' && rest.length === 1 && rest[0] !== undefined)
    return { kind: 'create', name: rest[0] };
  if (verb === 'list' && rest.length === 0) return { kind: 'list' };
  if (verb === 'revoke' && rest.length === 1 && rest[0] !== undefined)
    return { kind: 'revoke', id: rest[0] };
  return undefined;
}

function listing(keys: ApiKeySummary[]): string {
  const header = ['id', 'name', 'last 4', 'created', 'last used', 'revoked'];
  const rows = keys.map((key) => [
    key.id,
    key.name,
    key.lastFour,
    key.createdAt.toISOString(),
    key.lastUsedAt?.toISOString() ?? 'never',
    key.revokedAt?.toISOString() ?? '-',
  ]);
  return [header, ...rows].map((row) => row.join('\t')).join('\n');
}

async function main(): Promise<number> {
  const command = commandOf(process.argv.slice(2));
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  return withMigratedDatabase(async (_env, database) => {
    switch (command.kind) {
      case 'create': {
        let issued;
        try {
          issued = await issueApiKey(database.db, command.name);
        } catch (error) {
          if (!(error instanceof z.ZodError)) throw error;
          console.error(`name: ${error.issues[0]?.message ?? 'is invalid'}`);
          return 2;
        }
        console.log(issued.key);
        console.error(
          `Created API key ${issued.id} ("${issued.name}", ending ${issued.lastFour}).`,
        );
        console.error('Store it now: it is shown only this once.');
        return 0;
      }
      case 'list': {
        const keys = await listApiKeys(database.db);
        console.log(keys.length === 0 ? 'No API keys yet.' : listing(keys));
        return 0;
      }
      case 'revoke': {
        const outcome = await revokeApiKey(database.db, command.id);
        if (outcome === 'not_found') {
          console.error(`No API key with id ${command.id} (see: npm run api-keys -- list)`);
          return 1;
        }
        console.log(
          outcome === 'revoked'
            ? `Revoked API key ${command.id}.`
            : `API key ${command.id} was already revoked.`,
        );
        return 0;
      }
    }
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
