// Vitest global setup of the proxy test: a self-signed certificate for 127.0.0.1 made with openssl for
// this run only, trusted through NODE_EXTRA_CA_CERTS (read by Node at start, hence before the workers).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const TLS_DIR_VARIABLE = 'PROXY_TEST_TLS_DIR';

export default async function makeCertificate(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'checkout-proxy-tls-'));
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
  ]);
  process.env[TLS_DIR_VARIABLE] = dir;
  process.env.NODE_EXTRA_CA_CERTS = path.join(dir, 'cert.pem');
  return () => rm(dir, { recursive: true, force: true });
}
