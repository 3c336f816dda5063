// The tRPC context: built from dependencies (the payments port), never from globals, so tests can pass their own.
import type { PaymentsPort } from '../payments/payments-port';

export interface Context {
  payments: PaymentsPort;
}
