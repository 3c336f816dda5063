// The REST API's error body, `{"error": {"code", "message", "field"?}}`, and zod failures turned into it
// with the field named as a developer writes it (`lines[1].quantity`), shared by every REST route.
import type { Response } from 'express';
import type { z } from 'zod';
import { fieldName } from '../payments/order-input';

export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  field?: string,
) {
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}

/** 400 invalid_input naming the first bad field of a body zod refused. */
export function sendInvalidInput(res: Response, error: z.ZodError, fallbackField = 'body') {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? fieldName(issue.path) : fallbackField;
  const message = issue?.message ?? 'is invalid';
  sendError(
    res,
    400,
    'invalid_input',
    message.startsWith(field) ? message : `${field}: ${message}`,
    field,
  );
}
