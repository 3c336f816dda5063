// `Idempotency-Key` on the merchant API's POSTs (docs/merchant-api.md): the same key and the same body
// within 24 hours answer the first answer again, whichever instance receives it; another body with the
// key answers 409 idempotency_key_reused. Concurrent requests with one key wait for the first one's answer.
import type { RequestHandler, Response } from 'express';
import type { Database, Transaction } from '../../db/create-db';
import type { Logger } from '../logger';
import { sendError } from '../http/rest-answers';
import { apiKeyOf } from './api-key-auth';
import {
  claimIdempotencyKey,
  purgeExpiredIdempotencyKeys,
  releaseIdempotencyKey,
  requestHash,
  storeIdempotentAnswer,
  type IdempotencyClaim,
  type IdempotencyScope,
} from './idempotency-store';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Printable ASCII, 1 to 255 characters: a UUID, or the merchant's own order number and step. */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
/** How long a request waits for a concurrent one with its key to answer, and how often it looks. */
const WAIT_MS = 10_000;
const LOOK_EVERY_MS = 25;
const PURGE_EVERY_MS = 60_000;

export interface IdempotencyOptions {
  db: Database;
  log: Logger;
  now?: () => Date;
}

async function claimWaiting(
  db: Database,
  scope: IdempotencyScope,
  hash: string,
  now: () => Date,
): Promise<IdempotencyClaim> {
  const giveUpAt = Date.now() + WAIT_MS;
  for (;;) {
    const claim = await claimIdempotencyKey(db, scope, hash, now());
    if (claim.kind !== 'in_progress' || Date.now() >= giveUpAt) return claim;
    await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS));
  }
}

/** What a handler behind idempotency() may use to store its answer with its own writes. */
export interface IdempotentAnswer {
  /** Stores the answer in the handler's transaction; call committed() once that transaction has committed. */
  store(tx: Transaction, statusCode: number, body: unknown): Promise<void>;
  committed(): void;
}

/** The claimed key's answer store, when the request carries an Idempotency-Key. */
export function idempotentAnswerOf(res: Response): IdempotentAnswer | undefined {
  return (res.locals as { idempotentAnswer?: IdempotentAnswer }).idempotentAnswer;
}

/** Stores (or, for a 5xx, releases) the claim before the answer leaves, so a retry never runs twice. */
function answerOnceStored(res: Response, options: IdempotencyOptions, scope: IdempotencyScope) {
  const send = res.json.bind(res);
  let storedByHandler = false;
  const answer: IdempotentAnswer = {
    store: (tx, statusCode, body) => storeIdempotentAnswer(tx, scope, statusCode, body),
    committed: () => {
      storedByHandler = true;
    },
  };
  res.locals.idempotentAnswer = answer;
  res.json = (body: unknown) => {
    if (storedByHandler) return send(body);
    const statusCode = res.statusCode;
    const settle =
      statusCode >= 500
        ? releaseIdempotencyKey(options.db, scope)
        : storeIdempotentAnswer(options.db, scope, statusCode, body);
    settle
      .catch((error: unknown) => {
        options.log.error({ err: error }, 'could not record an idempotent answer');
      })
      .finally(() => send(body));
    return res;
  };
}

/** After apiKeyAuth and express.json: keys are scoped per API key. Without the header, no-op. */
export function idempotency(options: IdempotencyOptions): RequestHandler {
  const now = options.now ?? (() => new Date());
  let lastPurge = 0;
  return async (req, res, next) => {
    const key = req.get(IDEMPOTENCY_HEADER);
    if (key === undefined) {
      next();
      return;
    }
    if (!KEY_SHAPE.test(key)) {
      sendError(
        res,
        400,
        'invalid_input',
        `${IDEMPOTENCY_HEADER}: must be 1 to 255 printable ASCII characters`,
        IDEMPOTENCY_HEADER,
      );
      return;
    }
    if (Date.now() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = Date.now();
      purgeExpiredIdempotencyKeys(options.db, now()).catch((error: unknown) => {
        options.log.warn({ err: error }, 'could not purge old idempotency keys');
      });
    }
    const scope = { apiKeyId: apiKeyOf(res).id, key };
    const hash = requestHash(req.method, req.originalUrl, req.body);
    const claim = await claimWaiting(options.db, scope, hash, now);
    switch (claim.kind) {
      case 'claimed':
        answerOnceStored(res, options, scope);
        next();
        return;
      case 'replay':
        res.setHeader('Idempotent-Replayed', 'true');
        res.status(claim.statusCode).json(claim.body);
        return;
      case 'reused':
        sendError(
          res,
          409,
          'idempotency_key_reused',
          `${IDEMPOTENCY_HEADER}: this key was used with another request in the last 24 hours; use a new key for a new request`,
          IDEMPOTENCY_HEADER,
        );
        return;
      case 'in_progress':
        sendError(
          res,
          409,
          'idempotency_request_in_progress',
          `${IDEMPOTENCY_HEADER}: a request with this key is still being answered; try again in a moment`,
          IDEMPOTENCY_HEADER,
        );
        return;
    }
  };
}
