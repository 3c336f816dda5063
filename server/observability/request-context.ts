// The request a line of log belongs to, carried across awaits with AsyncLocalStorage, so that lines
// logged deep in the payments domain (which only holds the app's root logger) still name their request.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (the rest of the middleware chain) as part of the request with this id. */
export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return requestContext.run(context, work);
}

/** pino's mixin: adds `reqId` to every line logged while a request is being handled. */
export function requestLogFields(): { reqId?: string } {
  const context = requestContext.getStore();
  return context ? { reqId: context.requestId } : {};
}

/** The id of the request being handled, for answers that must name it (an unexpected error's). */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
