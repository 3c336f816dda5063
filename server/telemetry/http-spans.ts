// A span per HTTP request (mounted first in server/app.ts, only with tracing on), active while the routes
// run, so the tRPC, ZaloPay and database spans of a request are its children. Named by the matched
// route at the end (`POST /api/zalopay/callback`, `GET /api/payment/status/:app_trans_id`).
import type { RequestHandler } from 'express';
import { context, trace, SpanKind, SpanStatusCode } from '@opentelemetry/api';

export function httpSpans(): RequestHandler {
  const tracer = trace.getTracer('zalopay-checkout');
  return (req, res, next) => {
    const span = tracer.startSpan(`${req.method}`, {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': req.method,
        'url.path': req.path,
        'client.address': req.ip ?? '',
        'user_agent.original': req.get('user-agent') ?? '',
      },
    });
    res.on('close', () => {
      const route: unknown = req.route?.path;
      const name = typeof route === 'string' ? `${req.baseUrl}${route}` : req.baseUrl || req.path;
      span.updateName(`${req.method} ${name}`);
      span.setAttribute('http.route', name);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(context.active(), span), next);
  };
}
