// The sb-openapi role: POST /v2/create, /v2/query, /v2/cancel, /v2/refund, /v2/query_refund and the
// gateway's /api/getlistmerchantbanks. Always HTTP 200 with compact JSON, except when a 5xx fault was
// asked for (and 404 JSON for an unknown /v2 path). Every call goes into the request log as it
// arrived, with its MAC check and hints (the inspector).
import { setTimeout as sleep } from 'node:timers/promises';
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { ApiOutcome } from './api-answers';
import { rejection } from './api-answers';
import type { ApiTrace } from './api-trace';
import { newApiTrace } from './api-trace';
import { listMerchantBanks } from './bank-list';
import { cancelOrder } from './cancel-order';
import { createOrder } from './create-order';
import type { EmulatorContext } from '../emulator-context';
import type { ApiEndpoint } from '../admin/fault-plan';
import { queryOrder } from './query-order';
import { queryRefund, refundOrder } from './refund-order';
import { payFirst } from './pay-first';
import { unknownApiPath } from './unknown-path';
import type { RawRequest } from '../admin/request-log';
import type { WireParams } from './wire-params';
import { readWireParams, wireBodyFormat } from './wire-params';

type ApiHandler = (params: WireParams, ctx: EmulatorContext, trace: ApiTrace) => ApiOutcome;

/** The request as it arrived, body up to 16 KiB, for the inspector. */
function rawRequest(req: Request): RawRequest {
  const body: unknown = req.body;
  return {
    method: req.method,
    url: req.originalUrl,
    contentType: req.get('content-type') ?? null,
    body: typeof body === 'string' ? body.slice(0, 16_384) : '',
  };
}

export function apiRouter(ctx: EmulatorContext): Router {
  const router = Router();

  const endpoint =
    (name: ApiEndpoint, handler: ApiHandler) => async (req: Request, res: Response) => {
      const fault = ctx.faults.takeApiFault(name);
      const raw = rawRequest(req);
      if (fault?.fault === '5xx') {
        ctx.requestLog.record({
          at: ctx.clock.now(),
          endpoint: name,
          raw,
          params: null,
          response: null,
          note: `fault: HTTP ${fault.status}`,
        });
        res
          .status(fault.status)
          .type('html')
          .send(`<html><body><h1>${fault.status} Service Unavailable</h1></body></html>`);
        return;
      }
      if (fault?.fault === 'rate_limit') {
        const outcome = rejection(ctx.settings, -429, 'fault: rate limit');
        ctx.requestLog.record({
          at: ctx.clock.now(),
          endpoint: name,
          raw,
          params: null,
          response: outcome.body,
          note: outcome.note,
        });
        res.json(outcome.body);
        return;
      }
      const params = readWireParams(req);
      if (fault?.fault === 'pay_first' && params !== null) await payFirst(ctx, params);
      const trace = newApiTrace(wireBodyFormat(req));
      if (params === null) {
        trace.hints.push(
          'The body could not be read: send JSON with Content-Type: application/json, or a form body (application/x-www-form-urlencoded).',
        );
      }
      const outcome =
        params === null
          ? rejection(ctx.settings, -401, 'the body could not be parsed')
          : handler(params, ctx, trace);
      ctx.requestLog.record({
        at: ctx.clock.now(),
        endpoint: name,
        appId: trace.appId,
        appTransId: trace.appTransId,
        raw,
        params,
        mac: trace.mac,
        response: outcome.body,
        note: outcome.note,
        hints: trace.hints,
      });
      if (fault?.fault === 'timeout') {
        // The request took effect; only the answer is late, like a response lost on the way back.
        try {
          await sleep(ctx.settings.timeoutFaultMs, undefined, { signal: ctx.lifetime });
        } catch {
          res.destroy();
          return;
        }
      }
      if (!res.destroyed) res.json(outcome.body);
    };

  router.post('/v2/create', endpoint('create', createOrder));
  router.post('/v2/query', endpoint('query', queryOrder));
  router.post('/v2/cancel', endpoint('cancel', cancelOrder));
  router.post('/v2/refund', endpoint('refund', refundOrder));
  router.post('/v2/query_refund', endpoint('query_refund', queryRefund));
  router.post('/api/getlistmerchantbanks', endpoint('banks', listMerchantBanks));
  router.get('/api/getlistmerchantbanks', endpoint('banks', listMerchantBanks));
  router.all('/v2/{*rest}', (req, res) => {
    const outcome = unknownApiPath(ctx, req.method, req.path);
    ctx.requestLog.record({
      at: ctx.clock.now(),
      endpoint: 'unknown',
      raw: rawRequest(req),
      params: readWireParams(req),
      response: outcome.body,
      note: outcome.note,
      hints: outcome.hints,
    });
    res.status(404).json(outcome.body);
  });
  return router;
}
