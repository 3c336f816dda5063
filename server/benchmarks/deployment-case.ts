// Case: the checkout as deployed, side by side in one run on PostgreSQL: signed callbacks flat
// out to an instance with tracing off, one with tracing on (spans to an OTLP receiver in this process that
// counts them, as a collector on another machine would cost this one nothing more),
// and the first through Debian's nginx with TLS (deploy/nginx's snippet); and the shop's first load in
// bytes on the wire, compressed as the app sends it.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { figure, below, type CaseResult, type Figure } from './benchmark-result';
import type { BenchDatabase } from './bench-database';
import { signedCallbackBodies } from './callback-bodies';
import { CALLBACK_PATH } from './callback-ingest-case';
import type { ChildService } from './child-service';
import { startCheckoutChild } from './checkout-child';
import { measureFirstLoad } from './first-load-bytes';
import { processCpuMs } from './process-cpu';
import { runLoad, sequence } from './load-generator';
import { seedOrders } from './seed-orders';
import { freePort } from '../testing/child-process-lifecycle';
import { startOtlpReceiver } from '../testing/otlp-receiver';
import { nginxBinary, startNginx } from '../proxy/nginx-process';

export interface DeploymentPlan {
  windowSeconds: number;
  warmUpSeconds: number;
  connections: number;
  /** Windows per target, taken in turn (A, B, C, A, B, C...), so a busy moment of the machine hits all. */
  rounds: number;
  ordersPerTarget: number;
}

const TARGETS = [
  { name: 'direct, tracing off', tag: 'dpo', batch: 3_000 },
  { name: 'direct, tracing on', tag: 'dpt', batch: 3_100 },
  { name: 'through nginx (https), tracing off', tag: 'dpx', batch: 3_200 },
] as const;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function runDeployment(
  database: BenchDatabase,
  plan: DeploymentPlan,
  options: { key2: string; clientDir: string; scratch: string },
): Promise<CaseResult> {
  const id = 'deployment';
  const title = 'As deployed: tracing, the proxy, the first load';
  const firstLoad = await measureFirstLoad(options.clientDir);
  const loadFigures: Figure[] = [
    figure('shop first load on the wire, brotli', firstLoad.brotliBytes / 1024, 'KB'),
    figure('shop first load on the wire, gzip', firstLoad.gzipBytes / 1024, 'KB'),
    figure('shop first load, uncompressed', firstLoad.identityBytes / 1024, 'KB'),
  ];
  const nginx = nginxBinary();
  if (database.driver !== 'postgres' || !nginx) {
    return {
      id,
      title,
      figures: loadFigures,
      notes: ['Callbacks were not measured: this part needs PostgreSQL (DATABASE_URL) and nginx.'],
    };
  }
  const handle = await database.open('app');
  try {
    for (const target of TARGETS) {
      await seedOrders(handle.db, {
        tag: target.tag,
        count: plan.ordersPerTarget,
        status: 'PENDING',
        nextPollInSeconds: 86_400,
      });
    }
  } finally {
    await handle.close();
  }
  const tls = path.join(options.scratch, 'tls');
  await promisify(execFile)('sh', [
    '-c',
    `mkdir -p ${tls} && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout ${tls}/key.pem -out ${tls}/cert.pem 2>/dev/null`,
  ]);
  const ca = await readFile(path.join(tls, 'cert.pem'));
  const receiver = await startOtlpReceiver({ countOnly: true });
  const children: ChildService[] = [];
  const start = async (env: Record<string, string>) => {
    const checkout = await startCheckoutChild({
      database,
      clientDir: options.clientDir,
      env: { TRUST_PROXY: '1', ...env },
    });
    children.push(checkout.service);
    return { url: checkout.url, port: checkout.port, pid: checkout.service.pid };
  };
  try {
    const plain = await start({});
    const traced = await start({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const proxy = await startNginx({
      binary: nginx,
      port: await freePort(),
      upstreams: [plain.port],
      tlsDir: tls,
    });
    try {
      const urls = [plain.url, traced.url, proxy.url];
      const bodies = TARGETS.map((target) =>
        sequence(
          signedCallbackBodies(
            { tag: target.tag, first: 1, last: plan.ordersPerTarget, batchIndex: target.batch },
            options.key2,
          ),
        ),
      );
      const throughput: number[][] = TARGETS.map(() => []);
      const p99: number[][] = TARGETS.map(() => []);
      // The checkout's own CPU per callback, directly and traced: what tracing costs the instance itself.
      const cpuPerCallback: number[][] = [[], []];
      const pids = [plain.pid, traced.pid];
      for (let round = -1; round < plan.rounds; round += 1) {
        for (const [i] of TARGETS.entries()) {
          const cpuBefore = pids[i] === undefined ? undefined : processCpuMs(pids[i]);
          const summary = await runLoad({
            baseUrl: urls[i]!,
            method: 'POST',
            nextRequest: () => {
              const body = bodies[i]!();
              return body === undefined ? undefined : { path: CALLBACK_PATH, body };
            },
            connections: plan.connections,
            durationSeconds: round < 0 ? plan.warmUpSeconds : plan.windowSeconds,
            tlsOptions: { ca },
          });
          const cpuAfter = pids[i] === undefined ? undefined : processCpuMs(pids[i]);
          if (round >= 0) {
            throughput[i]!.push(summary.throughput);
            p99[i]!.push(summary.p99);
            if (cpuBefore !== undefined && cpuAfter !== undefined && summary.ok > 0)
              cpuPerCallback[i]!.push(((cpuAfter - cpuBefore) * 1000) / summary.ok);
          }
        }
      }
      const [off, on, proxied] = throughput.map(median) as [number, number, number];
      const [cpuOff, cpuOn] = cpuPerCallback.map(median) as [number, number];
      const cpuFigures =
        cpuOff > 0 && cpuOn > 0
          ? [
              figure("the checkout's own CPU per callback, tracing off", cpuOff, 'µs'),
              figure("the checkout's own CPU per callback, tracing on", cpuOn, 'µs'),
              figure(
                'tracing on vs off: CPU per callback added',
                ((cpuOn - cpuOff) / cpuOff) * 100,
                '%',
              ),
            ]
          : [];
      return {
        id,
        title,
        figures: [
          ...TARGETS.flatMap((target, i) => [
            figure(
              `callbacks flat out, ${target.name}: throughput`,
              median(throughput[i]!),
              'req/s',
            ),
            figure(`callbacks flat out, ${target.name}: p99`, median(p99[i]!), 'ms'),
          ]),
          figure('tracing on vs off: throughput lost', ((off - on) / off) * 100, '%', below(10)),
          figure('through nginx vs direct: throughput lost', ((off - proxied) / off) * 100, '%'),
          ...cpuFigures,
          figure('spans received from the traced instance', receiver.spanCount(), 'spans'),
          ...loadFigures,
        ],
        notes: [
          `Three targets on one PostgreSQL, each with its own ${plan.ordersPerTarget} seeded PENDING orders and their signed callbacks: the checkout with tracing off, the same with OTEL_EXPORTER_OTLP_ENDPOINT set (spans batched as OTLP/HTTP protobuf, the default, to a receiver in the benchmark's process that counts them and keeps none, as a collector on its own machine would cost this one nothing), and the first one behind Debian's nginx with deploy/nginx's snippet and TLS (a certificate made for the run). ${plan.connections} connections flat out, ${plan.rounds} windows of ${plan.windowSeconds} s per target taken in turn after a warm-up each; the median window is shown.`,
          'First load: index.html, the entry script, its modulepreloads and the stylesheet, as the checkout serves them (brotli to a browser that takes it, gzip otherwise), body bytes.',
        ],
      };
    } finally {
      await proxy.stop();
    }
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await receiver.close();
  }
}
