// Debian's nginx as a child process of the test: in the foreground (daemon off), with its prefix, pid,
// logs and temporary files in a folder of its own, listening on a loopback port with TLS, in front of
// the given instances, with the repository's deploy/nginx snippet included as it is.
import { spawn } from 'node:child_process';
import { get } from 'node:https';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { exited } from '../testing/child-process-lifecycle';

export const LOCATIONS_SNIPPET = path.resolve(
  'deploy/nginx/snippets/zalopay-checkout-locations.conf',
);

export interface NginxProcess {
  url: string;
  accessLog(): Promise<string>;
  stop(): Promise<void>;
}

export function nginxBinary(): string | undefined {
  return [process.env.NGINX_PATH, '/usr/sbin/nginx'].find((file) => file && existsSync(file));
}

export async function startNginx(options: {
  binary: string;
  port: number;
  upstreams: number[];
  tlsDir: string;
}): Promise<NginxProcess> {
  const prefix = await mkdtemp(path.join(tmpdir(), 'checkout-nginx-'));
  const conf = path.join(prefix, 'nginx.conf');
  await writeFile(conf, mainConfig(prefix, options));
  const child = spawn(
    options.binary,
    ['-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `https://127.0.0.1:${options.port}`;
  const ca = await readFile(path.join(options.tlsDir, 'cert.pem'));
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) {
      const log = await readFile(path.join(prefix, 'error.log'), 'utf8').catch(() => '');
      throw new Error(`nginx exited at start (${child.exitCode}): ${output}\n${log}`);
    }
    const up = await answers(`${url}/healthz`, ca);
    if (up) break;
    if (tries > 100) throw new Error(`nginx did not answer on ${url}: ${output}`);
    await sleep(100);
  }
  return {
    url,
    accessLog: () => readFile(path.join(prefix, 'access.log'), 'utf8'),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await Promise.race([exited(child), sleep(5_000).then(() => child.kill('SIGKILL'))]);
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

/** Whether `url` answers 2xx over TLS trusting `ca` (the run's own certificate). */
function answers(url: string, ca: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(url, { ca, agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 300);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

/** The main file a packaged nginx would have, around the repository's snippet: paths all in `prefix`. */
function mainConfig(
  prefix: string,
  options: { port: number; upstreams: number[]; tlsDir: string },
): string {
  const at = (name: string) => path.join(prefix, name);
  return `
daemon off;
worker_processes 1;
pid ${at('nginx.pid')};
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 512; }
http {
  types { text/html html; application/javascript js; }
  default_type application/octet-stream;
  log_format upstream '$remote_addr "$request" $status $upstream_addr';
  access_log ${at('access.log')} upstream;
  client_body_temp_path ${at('client_body')};
  proxy_temp_path ${at('proxy')};
  fastcgi_temp_path ${at('fastcgi')};
  uwsgi_temp_path ${at('uwsgi')};
  scgi_temp_path ${at('scgi')};
  upstream zalopay_checkout {
${options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${options.port} ssl;
    ssl_certificate ${path.join(options.tlsDir, 'cert.pem')};
    ssl_certificate_key ${path.join(options.tlsDir, 'key.pem')};
    include ${LOCATIONS_SNIPPET};
  }
}
`;
}
