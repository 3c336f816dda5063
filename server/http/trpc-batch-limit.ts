// How many calls one batched tRPC request may carry: the server refuses more, and the browser's batch link
// splits into batches this size. The client imports only the type, so the compiler holds the two equal.

/**
 * The shopper's pages batch two or three; forty status reads in one request were one of the ways a
 * client multiplied ZaloPay queries. More: 400 for the batch.
 */
export const TRPC_MAX_BATCH_SIZE = 10;

/** The limit as a type: the client's own constant must have exactly this value to compile. */
export type TrpcMaxBatchSize = typeof TRPC_MAX_BATCH_SIZE;
