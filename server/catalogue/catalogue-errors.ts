// The errors the catalogue and shop-profile services throw: each names the field it is about (as the
// forms, the CSV header and the merchant API spell it) and the HTTP status a reply answers with.

export type CatalogueErrorCode = 'invalid_input' | 'not_found' | 'conflict';

export class CatalogueError extends Error {
  readonly httpStatus: 400 | 404 | 409;

  constructor(
    readonly code: CatalogueErrorCode,
    /** `sku`, `unit_price`, `brand_color`, ...; undefined: the request as a whole. */
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogueError';
    this.httpStatus = code === 'invalid_input' ? 400 : code === 'not_found' ? 404 : 409;
  }

  /** `unit_price: must be above 0`: the message with its field in front, for a page or a log. */
  get sentence(): string {
    return this.field ? `${this.field}: ${this.message}` : this.message;
  }

  /** The REST body: `{"error": {"code", "message", "field"}}`. */
  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.sentence,
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}

export const invalidInput = (field: string, message: string) =>
  new CatalogueError('invalid_input', field, message);
