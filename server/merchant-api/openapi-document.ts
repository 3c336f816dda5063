// GET /api/v1/openapi.json: the merchant API's OpenAPI 3.1 document, generated from the very zod schemas
// that validate its requests and shape its answers (zod 4's JSON Schema output), so the two cannot drift.
// Clients can be generated from it; openapi-document.test.ts lints it and checks real answers against it.
import { z } from 'zod';
import { merchantOrderSchema } from '../payments/merchant-orders/merchant-order-input';
import { newProductSchema, productPatchSchema } from '../catalogue/product-rules';
import { shopProfilePatchSchema } from '../catalogue/shop-profile-rules';
import { productAnswerSchema, productListAnswerSchema, shopAnswerSchema } from './catalogue-routes';
import { eventListSchema, listEventsQuerySchema } from './events-routes';
import { orderAnswerSchema, orderListAnswerSchema } from './order-answer';
import {
  ORDER_ANSWER_EXAMPLE,
  ORDER_REQUEST_EXAMPLE,
  PRODUCT_EXAMPLE,
  REFUND_EXAMPLE,
  SHOP_EXAMPLE,
} from './openapi-examples';
import { createRefundBodySchema, refundSchema } from './refund-routes';
import { MERCHANT_API_PATH, type MerchantApiRoutes } from './v1-router';

type JsonSchema = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 Schema Object (JSON Schema 2020-12, without its `$schema` line). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

const errorAnswerSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'invalid_input' }),
      message: z.string().meta({ example: 'lines[2].unit_price: must be positive' }),
      field: z.string().optional().meta({ description: 'The request field at fault' }),
      request_id: z.string().optional(),
    }),
  })
  .meta({ title: 'Error' });

const ERROR_ANSWERS: Record<string, string> = {
  '400':
    'A field is wrong (`error.field` names it, e.g. `lines[2].unit_price`), or the body is not JSON (`malformed_json`)',
  '401': 'No API key, or an unknown or revoked one (`unauthorized`)',
  '404': 'No such order (`not_found`)',
  '409':
    'The Idempotency-Key was used with another request (`idempotency_key_reused`) or its first request is still running (`idempotency_request_in_progress`); for refunds, the order is not paid or the amount is more than is left; for a cancel, the order is paid (`already_paid`: refund it instead)',
  '413': 'The body is larger than 64 kB (`payload_too_large`)',
  '429': 'Too many requests with this key (`rate_limited`); wait for Retry-After',
  '500': 'Something failed on our side (`internal_error`, with a `request_id`)',
};

function errors(...statuses: string[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_ANSWERS[status],
        content: { 'application/json': { schema: jsonSchema(errorAnswerSchema, 'output') } },
      },
    ]),
  );
}

function jsonAnswer(description: string, schema: z.ZodType, example: unknown) {
  return {
    description,
    content: { 'application/json': { schema: jsonSchema(schema, 'output'), example } },
  };
}

function jsonBody(schema: z.ZodType, example: unknown) {
  return {
    required: true,
    content: { 'application/json': { schema: jsonSchema(schema, 'input'), example } },
  };
}

/** A z.object of query parameters as OpenAPI parameters. */
function queryParameters(schema: z.ZodObject) {
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: property,
  }));
}

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (a UUID): a retry with the same key and body within 24 hours gets the first answer again and makes nothing twice',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

const orderIdParameter = {
  name: 'order_id',
  in: 'path',
  required: true,
  schema: { type: 'string', maxLength: 40, pattern: '^[\\w-]+$' },
};

export interface OpenApiOptions {
  /** PUBLIC_BASE_URL: the server the document names. */
  publicBaseUrl: string;
  /** MERCHANT_RETURN_ORIGINS (the schema's return URL check; not visible in JSON Schema). */
  returnOrigins: readonly string[];
  /** ORDER_MAX_AMOUNT: a product's highest price. */
  maxAmount: number;
}

export function openApiDocument(options: OpenApiOptions) {
  const createOrder = merchantOrderSchema(options.returnOrigins);
  const product = { ...PRODUCT_EXAMPLE, image_id: null, image_url: null };
  return {
    openapi: '3.1.1',
    info: {
      title: 'ZaloPay checkout merchant API',
      version: '1.0.0',
      description:
        'Orders paid with ZaloPay on a hosted checkout, refunds and the webhook event feed. See docs/merchant-api.md.',
    },
    servers: [{ url: `${options.publicBaseUrl}${MERCHANT_API_PATH}` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A merchant API key (`ck_...`) from `npm run api-keys -- create <name>`',
        },
      },
    },
    paths: {
      '/orders': {
        post: {
          operationId: 'createOrder',
          summary: 'Make an order and get its checkout_url',
          parameters: [idempotencyKeyParameter],
          requestBody: jsonBody(createOrder, ORDER_REQUEST_EXAMPLE),
          responses: {
            '201': jsonAnswer(
              'The order, awaiting payment',
              orderAnswerSchema,
              ORDER_ANSWER_EXAMPLE,
            ),
            ...errors('400', '401', '409', '413', '429', '500'),
          },
        },
        get: {
          operationId: 'listOrdersByReference',
          summary: 'The orders with one merchant_reference, newest first (at most 100)',
          parameters: [
            {
              name: 'merchant_reference',
              in: 'query',
              required: true,
              schema: { type: 'string', minLength: 1, maxLength: 64 },
              example: 'WC-10023',
            },
          ],
          responses: {
            '200': jsonAnswer('The orders', orderListAnswerSchema, {
              data: [ORDER_ANSWER_EXAMPLE],
            }),
            ...errors('400', '401', '429', '500'),
          },
        },
      },
      '/orders/{order_id}': {
        get: {
          operationId: 'getOrder',
          summary: 'An order with its payment attempts, receipt and refunds',
          parameters: [orderIdParameter],
          responses: {
            '200': jsonAnswer('The order', orderAnswerSchema, ORDER_ANSWER_EXAMPLE),
            ...errors('401', '404', '429', '500'),
          },
        },
      },
      '/orders/{order_id}/cancel': {
        post: {
          operationId: 'cancelOrder',
          summary:
            'Cancel an unpaid order (its live payment is cancelled at ZaloPay first); a repeat changes nothing',
          parameters: [orderIdParameter, idempotencyKeyParameter],
          responses: {
            '200': jsonAnswer('The order, CANCELLED', orderAnswerSchema, {
              ...ORDER_ANSWER_EXAMPLE,
              status: 'CANCELLED',
            }),
            ...errors('401', '404', '409', '429', '500'),
          },
        },
      },
      '/orders/{order_id}/refunds': {
        post: {
          operationId: 'createRefund',
          summary: 'Refund some or all of a paid order (never more than is left)',
          parameters: [orderIdParameter, idempotencyKeyParameter],
          requestBody: jsonBody(createRefundBodySchema, {
            amount: 20_000,
            reason: 'Customer returned one item',
          }),
          responses: {
            '201': jsonAnswer('The refund and its state', refundSchema, REFUND_EXAMPLE),
            ...errors('400', '401', '404', '409', '413', '429', '500'),
          },
        },
      },
      '/products': {
        get: {
          operationId: 'listProducts',
          summary: 'The catalogue, retired products included (active: false)',
          responses: {
            '200': jsonAnswer('The products', productListAnswerSchema, { products: [product] }),
            ...errors('401', '429', '500'),
          },
        },
        post: {
          operationId: 'createProduct',
          summary: 'Add a product (the same rules as the operator page and the CSV import)',
          parameters: [idempotencyKeyParameter],
          requestBody: jsonBody(newProductSchema(options.maxAmount), PRODUCT_EXAMPLE),
          responses: {
            '201': jsonAnswer('The product', productAnswerSchema, product),
            ...errors('400', '401', '409', '413', '429', '500'),
          },
        },
      },
      '/products/{sku}': {
        patch: {
          operationId: 'updateProduct',
          summary:
            'Change a product: its price, names, descriptions, position, or retire it (active)',
          parameters: [{ name: 'sku', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: jsonBody(productPatchSchema(options.maxAmount), { unit_price: 32_000 }),
          responses: {
            '200': jsonAnswer('The product', productAnswerSchema, product),
            ...errors('400', '401', '404', '409', '413', '429', '500'),
          },
        },
      },
      '/shop': {
        get: {
          operationId: 'getShop',
          summary: "The shop's profile: name, taglines, support contact, brand colour, order text",
          responses: {
            '200': jsonAnswer('The shop', shopAnswerSchema, SHOP_EXAMPLE),
            ...errors('401', '429', '500'),
          },
        },
        patch: {
          operationId: 'updateShop',
          summary: "Change the shop's profile (shown to shoppers within seconds)",
          requestBody: jsonBody(shopProfilePatchSchema, { name: 'Cà Phê Của Lan' }),
          responses: {
            '200': jsonAnswer('The shop', shopAnswerSchema, SHOP_EXAMPLE),
            ...errors('400', '401', '413', '429', '500'),
          },
        },
      },
      '/events': {
        get: {
          operationId: 'listEvents',
          summary: 'The webhook events in order, to catch up after the receiver was down',
          parameters: queryParameters(listEventsQuerySchema),
          responses: {
            '200': jsonAnswer('A page of events', eventListSchema, { data: [], has_more: false }),
            ...errors('400', '401', '429', '500'),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'The OpenAPI 3.1 document' } },
        },
      },
    },
  };
}

/** The document as a public route of the /api/v1 router (no key needed), built once. */
export function openApiRoutes(options: OpenApiOptions): MerchantApiRoutes {
  const document = openApiDocument(options);
  return (router) => {
    router.get('/openapi.json', (_req, res) => {
      res.json(document);
    });
  };
}
