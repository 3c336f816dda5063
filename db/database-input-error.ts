// PostgreSQL refuses some values a request can carry (a NUL byte in text, a number or a date out of
// range) with a data exception. Caused by the caller's input, such an error is a 400, not our failure.

/** SQLSTATEs raised by a value the caller sent, on PostgreSQL and PGlite alike. */
const INPUT_DATA_EXCEPTIONS = new Set([
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22021', // character_not_in_repertoire (a NUL byte, invalid UTF-8)
  '22P02', // invalid_text_representation
  '22P05', // untranslatable_character
]);

/** The answer's message: it names the kind of problem, never the statement or its parameters. */
export const DATABASE_INPUT_MESSAGE =
  'A value in the request cannot be accepted (a NUL or control character, or a number or date out of range)';

/** True when the error, or one of its causes (drizzle and tRPC wrap it), is such a data exception. */
export function isDatabaseInputError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && INPUT_DATA_EXCEPTIONS.has(code)) return true;
    current = cause;
  }
  return false;
}
