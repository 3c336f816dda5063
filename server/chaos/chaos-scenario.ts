// What every chaos scenario opens with: whether the chaos PostgreSQL answers (a file skips its scenario
// when it does not), and its stage set up before the scenario's tests and torn down after them.
import { afterAll, beforeAll } from 'vitest';
import { chaosServerUrl, postgresReachable } from './chaos-database';
import { setUpChaosStage, type ChaosStage, type ChaosStageOptions } from './chaos-stage';

export const chaosDatabaseReachable = await postgresReachable(chaosServerUrl());
if (!chaosDatabaseReachable) console.warn(`chaos: no PostgreSQL at ${chaosServerUrl()}; skipping`);

/** Call inside the scenario's describe: the stage, read once its beforeAll has run. */
export function useChaosStage(options: ChaosStageOptions): () => ChaosStage {
  let stage: ChaosStage | undefined;
  beforeAll(async () => {
    stage = await setUpChaosStage(options);
  });
  afterAll(async () => {
    await stage?.close();
  });
  return () => {
    if (!stage) throw new Error('the chaos stage is not set up (read it inside a test)');
    return stage;
  };
}
