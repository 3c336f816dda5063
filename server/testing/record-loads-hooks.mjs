// The module hooks of record-loads.mjs: after the other hooks (tsx) resolve a specifier, its URL is
// appended to RECORD_LOADS_TO, one a line.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.RECORD_LOADS_TO) appendFileSync(process.env.RECORD_LOADS_TO, `${resolved.url}\n`);
  return resolved;
}
