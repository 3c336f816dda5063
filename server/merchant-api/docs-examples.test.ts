// The Node and PHP examples of docs/merchant-api.md, run as written against the real API, so the docs a
// shop's developer copies cannot drift from the code: each block is cut out of the page, its CHECKOUT
// constant pointed at a served /api/v1, and driven: an order made, a bad price refused by field name, a
// webhook signature (the server's own signer) accepted, the second of a rotation's two accepted, a
// changed body and an old timestamp refused. PHP runs with Debian's php-cli (.ci/run installs it).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../webhooks/webhook-signature';
import { serveMerchantApi, type ServedMerchantApi } from '../testing/merchant-api-harness';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';

const run = promisify(execFile);
/** Without php-cli (a laptop) the PHP block is skipped, saying so; .ci/run installs it, so CI runs it. */
const hasPhp = await run('php', ['--version']).then(
  () => true,
  () => false,
);
if (!hasPhp)
  console.warn(
    'docs-examples: no php on PATH; the PHP example is skipped (apt-get install php-cli)',
  );
const SECRET = 'whsec_docs_example_0123456789abcdef';
const OLD_SECRET = 'whsec_docs_example_retired_secret_99';
const ORDER = {
  number: 'WC-7001',
  items: [{ title: 'Hoodie, size M', price: 250_000, qty: 2 }],
};
const BAD_ORDER = { number: 'WC-7002', items: [{ title: 'Hoodie', price: -5, qty: 1 }] };

/** The first fenced block of `language` after the heading `## <heading>`. */
async function docsBlock(heading: string, language: string): Promise<string> {
  const page = await readFile('docs/merchant-api.md', 'utf8');
  const section = page.slice(page.indexOf(`## ${heading}`));
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!match?.[1]) throw new Error(`docs/merchant-api.md: no ${language} block under ${heading}`);
  return match[1];
}

/** The block with its CHECKOUT constant set to the served API (the one line a shop changes). */
function pointedAt(block: string, apiUrl: string, constant: RegExp): string {
  if (!constant.test(block)) throw new Error('the example no longer has its CHECKOUT constant');
  return block.replace(constant, (line) => line.replace('https://checkout.example/api/v1', apiUrl));
}

/** Signature headers as the webhook worker sends them, for the checks every example must pass. */
function signatureCases(now: number) {
  const body = JSON.stringify({ id: 'evt_docs', type: 'order.paid', data: { total: 500_000 } });
  return {
    body,
    good: signWebhook(body, [SECRET], now),
    // The shop's secret first: an example that reads only the last v1 refuses this one.
    rotation: signWebhook(body, [SECRET, OLD_SECRET], now),
    otherSecret: signWebhook(body, [OLD_SECRET], now),
    old: signWebhook(body, [SECRET], now - 600),
  };
}

describe('docs/merchant-api.md examples against the real API', () => {
  let harness: ServiceHarness;
  let api: ServedMerchantApi;
  let scratch: string;

  beforeAll(async () => {
    harness = await startServiceHarness('pglite');
    api = await serveMerchantApi(harness);
    scratch = await mkdtemp(path.join(os.tmpdir(), 'merchant-docs-'));
  });
  afterAll(async () => {
    await api?.close();
    await harness?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
    delete process.env.CHECKOUT_API_KEY;
  });

  it('runs the Node example', async () => {
    const block = await docsBlock('Node example', 'js');
    const file = path.join(scratch, 'example.mjs');
    await writeFile(file, pointedAt(block, `${api.url}/api/v1`, /^const CHECKOUT = .*$/m));
    process.env.CHECKOUT_API_KEY = api.key;
    const example = (await import(pathToFileURL(file).href)) as {
      startPayment(order: unknown): Promise<string>;
      verifyWebhook(rawBody: string, header: string, secret: string): boolean;
    };

    const checkoutUrl = await example.startPayment(ORDER);
    expect(checkoutUrl).toMatch(/\/checkout\/[\w-]+$/);
    await expect(example.startPayment(BAD_ORDER)).rejects.toThrow('lines[0].unit_price');

    const cases = signatureCases(Math.floor(Date.now() / 1000));
    expect(example.verifyWebhook(cases.body, cases.good, SECRET)).toBe(true);
    expect(example.verifyWebhook(cases.body, cases.rotation, SECRET)).toBe(true);
    expect(example.verifyWebhook(cases.body, cases.otherSecret, SECRET)).toBe(false);
    expect(example.verifyWebhook(`${cases.body} `, cases.good, SECRET)).toBe(false);
    expect(example.verifyWebhook(cases.body, cases.old, SECRET)).toBe(false);
  });

  it.runIf(hasPhp || process.env.CI)('runs the PHP example with php-cli', async () => {
    const block = await docsBlock('PHP example', 'php');
    // The functions, without the page's webhook endpoint (which reads php://input), then a driver.
    const functions = block.slice(0, block.indexOf('// In the webhook endpoint'));
    const cases = signatureCases(Math.floor(Date.now() / 1000));
    const driver = `
$out = ['checkout_url' => start_payment(${phpArray(ORDER)})];
try { start_payment(${phpArray(BAD_ORDER)}); $out['bad'] = 'accepted'; }
catch (RuntimeException $e) { $out['bad'] = $e->getMessage(); }
$body = ${phpString(cases.body)};
$out['good'] = verify_webhook($body, ${phpString(cases.good)}, ${phpString(SECRET)});
$out['rotation'] = verify_webhook($body, ${phpString(cases.rotation)}, ${phpString(SECRET)});
$out['other_secret'] = verify_webhook($body, ${phpString(cases.otherSecret)}, ${phpString(SECRET)});
$out['changed_body'] = verify_webhook($body . ' ', ${phpString(cases.good)}, ${phpString(SECRET)});
$out['old'] = verify_webhook($body, ${phpString(cases.old)}, ${phpString(SECRET)});
echo json_encode($out);
`;
    const file = path.join(scratch, 'example.php');
    await writeFile(
      file,
      pointedAt(functions, `${api.url}/api/v1`, /^const CHECKOUT = .*$/m) + driver,
    );
    const { stdout } = await run('php', [file], {
      env: { ...process.env, CHECKOUT_API_KEY: api.key },
      timeout: 20_000,
    });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out.checkout_url).toMatch(/\/checkout\/[\w-]+$/);
    expect(out.bad).toContain('lines[0].unit_price');
    expect(out).toMatchObject({
      good: true,
      rotation: true,
      other_secret: false,
      changed_body: false,
      old: false,
    });
  });
});

function phpString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A PHP literal of plain data (strings, numbers, arrays, objects): json_decode of its JSON. */
function phpArray(value: unknown): string {
  return `json_decode(${phpString(JSON.stringify(value))}, true)`;
}
