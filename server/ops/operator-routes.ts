// The operator pages under /ops (docs/operations.md), composed: the same-origin check once in front of
// everything, the sign-in page, the sign-in check, then one router per page (routes/). When ADMIN_TOKEN
// is unset, every /ops path answers 404 with a page that says how to turn them on.
import { Router } from 'express';
import type { Database } from '../../db/create-db';
import type { Logger } from '../logger';
import type { CancelledOrder } from '../payments/merchant-orders/cancel-merchant-order';
import type { RefundService } from '../refunds/refund-service';
import { sendOperatorPage } from './operator-page-response';
import { operatorPagesOffPage } from './operator-pages';
import { apiKeyRoutes } from './routes/api-key-routes';
import { attemptRoutes } from './routes/attempt-routes';
import { merchantOrderRoutes } from './routes/merchant-order-routes';
import { orderCancelRoutes } from './routes/order-cancel-routes';
import { refundRoutes } from './routes/refund-routes';
import { searchRoutes } from './routes/search-routes';
import { sessionRoutes } from './routes/session-routes';
import { signInRoutes } from './routes/sign-in-routes';
import { webhookResendRoutes } from './routes/webhook-resend-routes';
import { sameOriginPosts } from './same-origin-posts';
import { sessionRequired } from './session-required';
import { sessionStore } from './session-store';

export interface OperatorRoutesDeps {
  /** Unset: the pages do not exist. */
  adminToken: string | undefined;
  db: Database;
  refunds: RefundService;
  log: Logger;
  /** Mark the session cookie Secure (the public URL is https). */
  secureCookies: boolean;
  /** PUBLIC_BASE_URL's origin: what a browser names in Origin when it posts our own forms. */
  publicOrigin: string;
  /** More signed-in pages (the catalogue's Products and Shop pages), behind the same sign-in and checks. */
  pages?: Router[];
  now?: () => Date;
  /** The payments domain's cancel of a merchant order, as an operator; unset: no "Cancel order". */
  cancelOrder?: ((shopOrderId: string) => Promise<CancelledOrder>) | undefined;
}

export function operatorRoutes(deps: OperatorRoutesDeps): Router {
  const router = Router();
  const { adminToken, db, log } = deps;
  if (!adminToken) {
    router.use('/ops', (_req, res) => sendOperatorPage(res, 404, operatorPagesOffPage()));
    return router;
  }
  const now = deps.now ?? (() => new Date());
  const sessions = sessionStore(db, adminToken, now);

  router.use('/ops', sameOriginPosts(deps.publicOrigin));
  router.use(signInRoutes({ adminToken, sessions, log, secureCookies: deps.secureCookies }));
  router.use('/ops', sessionRequired(sessions));

  router.use(apiKeyRoutes({ db, log }));
  for (const pages of deps.pages ?? []) router.use(pages);
  router.use(sessionRoutes({ sessions, log }));
  router.use(searchRoutes(db));
  router.use(merchantOrderRoutes(db));
  router.use(attemptRoutes(db));
  router.use(webhookResendRoutes({ db, log, now }));
  router.use(refundRoutes({ db, refunds: deps.refunds, log }));
  if (deps.cancelOrder) router.use(orderCancelRoutes({ db, log, cancelOrder: deps.cancelOrder }));
  return router;
}
