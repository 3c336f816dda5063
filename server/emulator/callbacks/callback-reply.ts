// How the emulator reads a merchant's answer to a callback (docs/zalopay-protocol.md §5.4), and plain words for
// the answers that make ZaloPay retry: wrong field names, not JSON, a non-2xx status, return_code 0 or 2.
import { z } from 'zod';
import type { EmulatorSettings } from '../settings';

const code = z.union([
  z.int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const replySchema = z.object({ return_code: code.optional(), returncode: code.optional() });

export interface ReplyVerdict {
  done: boolean;
  /** Why a reply does not end the retries (or ends them only thanks to a setting), for the inspector. */
  hint: string | null;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export function judgeReply(
  status: number,
  body: string,
  settings: Pick<
    EmulatorSettings,
    'callbackRequire2xx' | 'treatReply2AsDone' | 'acceptLegacyReturncode'
  >,
): ReplyVerdict {
  if (settings.callbackRequire2xx && (status < 200 || status > 299)) {
    return {
      done: false,
      hint: `The merchant answered HTTP ${status}: answer 200 with {"return_code":1,"return_message":"success"} once the callback is processed (also when it was already processed).`,
    };
  }
  const json = parseJson(body);
  const reply = replySchema.safeParse(json);
  if (json === undefined || !reply.success || typeof json !== 'object' || json === null) {
    return {
      done: false,
      hint: 'The reply is not a JSON object with a numeric return_code: answer {"return_code":1,"return_message":"success"}.',
    };
  }
  const { return_code: returnCode, returncode: legacy } = reply.data;
  if (returnCode === undefined) {
    if (legacy !== undefined) {
      const done = settings.acceptLegacyReturncode && legacy === 1;
      return {
        done,
        hint: done
          ? 'The reply uses returncode, the v001 name (acceptLegacyReturncode is on). API v2 documents return_code: answer {"return_code":1,...}.'
          : 'The reply uses returncode, the v001 name from ZaloPay\'s old demos; API v2 reads return_code, so the callback counts as not processed and is retried. Answer {"return_code":1,"return_message":"success"}.',
      };
    }
    const fields = Object.keys(json).slice(0, 5).join(', ') || 'none';
    return {
      done: false,
      hint: `The reply has no return_code (fields: ${fields}), so ZaloPay retries. Answer {"return_code":1,"return_message":"success"}.`,
    };
  }
  if (returnCode === 1) return { done: true, hint: null };
  if (returnCode === 2) {
    return settings.treatReply2AsDone
      ? { done: true, hint: null }
      : {
          done: false,
          hint: 'return_code 2 is retried here (treatReply2AsDone is off; the sources disagree on its meaning). Answer 1 for a callback you processed before too.',
        };
  }
  return {
    done: false,
    hint: `return_code ${returnCode} asks ZaloPay to call again (at most 3 retries). Answer 1 once the payment is recorded.`,
  };
}
