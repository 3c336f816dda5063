// Zod parsers for single request fields as they arrive on the wire: numbers may come as JSON numbers
// or decimal strings (form and query-string calls), and JSON-text fields must hold the right JSON shape.
import { z } from 'zod';

/** An integer sent as a JSON number or a decimal string ("2553"). */
export const wireInteger = z.union([
  z.int(),
  z
    .string()
    .regex(/^-?\d{1,16}$/, 'must be a decimal integer')
    .transform(Number)
    .pipe(z.int()),
]);

/** Text up to `max` characters; a JSON number is taken as its decimal string. */
export function wireText(max: number) {
  return z.union([z.string(), z.number().transform(String)]).pipe(z.string().max(max));
}

/** Text that must not be blank (app_user, app_trans_id, description...). */
export function requiredText(max: number) {
  return wireText(max).refine((text) => text.trim().length > 0, 'must not be blank');
}

/** An optional field: absent, null and "" (an empty form field) all mean "not sent". */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    schema.optional(),
  );
}

/**
 * `item` (a JSON array) or `embed_data` (a JSON object) as the exact string the merchant signed.
 * When the field arrives as a JSON array/object instead of a string, it is re-serialised with
 * JSON.stringify if `reserialize` allows it (docs/zalopay-protocol.md §3.1), otherwise rejected.
 */
export function jsonTextField(kind: 'array' | 'object', max: number, reserialize: boolean) {
  return z.unknown().transform((value, ctx): string => {
    let text: string;
    if (typeof value === 'string') text = value;
    else if (reserialize && typeof value === 'object' && value !== null)
      text = JSON.stringify(value);
    else {
      ctx.addIssue({ code: 'custom', message: `must be a JSON ${kind} string` });
      return z.NEVER;
    }
    if (text.length > max) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
      return z.NEVER;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be a JSON ${kind} string` });
      return z.NEVER;
    }
    const shapeOk =
      kind === 'array'
        ? Array.isArray(parsed)
        : typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    if (!shapeOk) {
      ctx.addIssue({ code: 'custom', message: `must be a JSON ${kind} string` });
      return z.NEVER;
    }
    return text;
  });
}

/** One line naming every bad field, for the emulator's request log (never sent to the merchant). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
    .join('; ');
}
