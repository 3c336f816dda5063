// GET /api/v1/events?starting_after=evt_...&limit=N: the webhook events in order, a page at a time, for a
// shop catching up after its receiver was down (server/webhooks/event-feed.ts). The schemas are exported
// for the OpenAPI document.
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import { parseInput } from '../payments/attempts/pay-request-schemas';
import { sendError } from '../http/rest-answers';
import { EVENT_ID_SHAPE, listEventsAfter } from '../webhooks/event-feed';
import type { MerchantApiRoutes } from './v1-router';

export const DEFAULT_EVENTS_PAGE = 20;
export const MAX_EVENTS_PAGE = 100;

export const listEventsQuerySchema = z.object({
  starting_after: z
    .string()
    .regex(EVENT_ID_SHAPE, 'must be an event id (evt_ and 32 hex digits)')
    .optional()
    .meta({ description: 'The last event id the shop has seen; omitted: from the first event' }),
  limit: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, `must be between 1 and ${MAX_EVENTS_PAGE}`)
    .max(MAX_EVENTS_PAGE, `must be between 1 and ${MAX_EVENTS_PAGE}`)
    .default(DEFAULT_EVENTS_PAGE),
});

/** One event: the same body its webhook delivery sends (docs/webhooks.md). */
export const webhookEventSchema = z.object({
  id: z.string().regex(EVENT_ID_SHAPE),
  type: z.string().meta({ examples: ['order.paid', 'order.refunded', 'order.payment_flagged'] }),
  created: z.number().int().meta({ description: 'Unix seconds' }),
  data: z.record(z.string(), z.unknown()),
});

export const eventListSchema = z.object({
  data: z.array(webhookEventSchema),
  has_more: z.boolean(),
});

export function eventsRoutes(db: Database): MerchantApiRoutes {
  return (router) => {
    router.get('/events', async (req, res) => {
      const query = parseInput(listEventsQuerySchema, req.query, 'query');
      const page = await listEventsAfter(db, {
        startingAfter: query.starting_after,
        limit: query.limit,
      });
      if (!page) {
        sendError(res, 400, 'invalid_input', 'starting_after: no such event', 'starting_after');
        return;
      }
      res.json({ data: page.events, has_more: page.hasMore });
    });
  };
}
