// Everything a route of the emulator needs, built once per running emulator and passed explicitly:
// no module-level state, so several emulators can run side by side in one test process.
import type { SandboxApp } from '../zalopay/sandbox-apps';
import type { EmulatorSettings } from './settings';
import type { EmulatorClock } from './emulator-clock';
import type { OrderBook } from './order-book';
import type { TransactionIds } from './api/transaction-ids';
import type { FaultPlan } from './admin/fault-plan';
import type { CallbackSender } from './callbacks/callback-sender';
import type { RequestLog } from './admin/request-log';

export interface EmulatorContext {
  settings: EmulatorSettings;
  clock: EmulatorClock;
  /** Built-ins, configured apps and those added with POST /admin/apps, by app_id. */
  apps: Map<number, SandboxApp>;
  orders: OrderBook;
  ids: TransactionIds;
  faults: FaultPlan;
  callbacks: CallbackSender;
  requestLog: RequestLog;
  /** Base of every link the emulator hands out; known once the server listens. */
  publicUrl: string;
  /** Aborted by close(): every timer and outgoing request of the emulator listens to it. */
  lifetime: AbortSignal;
}
