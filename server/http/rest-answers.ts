// The REST API's error body, `{"error": {"code", "message", "field"?}}`, for the answers a route gives
// itself (no such order, client amounts disabled). Bad inputs and the payments domain's errors are thrown
// and answered by the app's error handler through server/api-errors/error-reply.ts.
import type { Response } from 'express';

export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  field?: string,
) {
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}
