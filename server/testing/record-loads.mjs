// `node --import ./server/testing/record-loads.mjs`: registers module hooks that write every module URL the
// process resolves to the file named by RECORD_LOADS_TO (server/emulator-not-loaded.test.ts reads it).
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
