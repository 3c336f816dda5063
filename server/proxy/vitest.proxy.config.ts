// `npm run test:proxy`: the checkout behind Debian's nginx with the repository's config (deploy/nginx),
// https with a certificate made for the run, two instances on one PostgreSQL. Kept out of `npm test`
// because it needs nginx and a real PostgreSQL; .ci/run installs the one and starts the other.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['server/proxy/**/*.proxy.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // Makes the run's certificate and names it in NODE_EXTRA_CA_CERTS before the test process starts,
    // so the test's fetch, the emulator's callbacks and the instances all trust it, as they would a real one.
    globalSetup: ['server/proxy/test-certificate.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
