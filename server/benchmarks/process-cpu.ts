// CPU time spent by a process, and by all of PostgreSQL's processes, read from Linux's /proc: it tells
// where a server's time per request goes (its own process or the database) beside its throughput.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime: 100 on Linux (sysconf(_SC_CLK_TCK)). */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of one process so far; undefined where /proc cannot tell. */
export function processCpuMs(pid: number): number | undefined {
  try {
    // The command name in parentheses may contain spaces: the fields start after its closing ')'.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    if (!Number.isFinite(user) || !Number.isFinite(system)) return undefined;
    return ((user + system) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The CPU milliseconds of every process named `postgres` on this machine (the server and its backends). */
export function postgresCpuMs(): number | undefined {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let name: string;
      try {
        name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      } catch {
        continue;
      }
      if (name === 'postgres') total += processCpuMs(Number(entry)) ?? 0;
    }
    return total;
  } catch {
    return undefined;
  }
}
