// How many calls one batched tRPC request may carry, shared by the server (which refuses more) and the
// browser's batch link (which splits into batches this size). No imports: the client bundle includes it.

/**
 * The shopper's pages batch two or three; forty status reads in one request were one of the ways a
 * client multiplied ZaloPay queries (issue 14). More: 400 for the batch.
 */
export const TRPC_MAX_BATCH_SIZE = 10;
