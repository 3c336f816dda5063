// `npm run test:chaos`: the long chaos and recovery tests (docs/reliability.md). They spawn real app
// processes against real PostgreSQL, so they run one file at a time and are kept out of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['server/chaos/**/*.chaos.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
