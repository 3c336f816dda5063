// The only reader of process.env: every setting validated once at start-up with zod, with a message
// naming each bad variable; the Env type is what the schema produces. Defaults make `npm start` work on a
// bare machine (PGlite + embedded emulator). Each variable on its own: variables.ts; across variables
// and grouped for their readers: settings.ts.
import { z } from 'zod';
import { settingsOf } from './settings';
import { rawEnvSchema } from './variables';

export type { ZaloPayMode } from './variables';

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** The whole environment, checked: each variable, then what spans several (settingsOf). */
const envSchema = rawEnvSchema.transform((raw, ctx) => {
  const problems: string[] = [];
  const settings = settingsOf(raw, problems);
  for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem, input: raw });
  return settings ?? z.NEVER;
});

/** The server's settings: what the schema above produces, so the type cannot drift from it. */
export type Env = z.output<typeof envSchema>;

/** Parses and checks the environment; throws EnvError naming every bad variable at once. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  // A variable the schema refuses is named by its path; a check across variables writes its own name.
  const { formErrors, fieldErrors } = z.flattenError(parsed.error);
  throw new EnvError([
    ...Object.entries(fieldErrors as Record<string, string[] | undefined>).map(
      ([name, messages]) => `${name}: ${(messages ?? []).join('; ')}`,
    ),
    ...formErrors,
  ]);
}
