// Everything that went over the wire, for GET /admin/requests and the /inspector page: each API call
// (raw request, the MAC expected and received over the exact signed string, the answer), each callback
// with its deliveries and the merchant's replies, and each redirect. Keys are masked in signed strings.
import type { CallbackAttempt } from '../emulated-order';

export interface MacCheck {
  /** The formula, e.g. 'app_id|app_trans_id|app_user|amount|app_time|embed_data|item'. */
  formula: string;
  /** The exact string the MAC is computed over, with any key in it written as {key1}. */
  signedString: string;
  /** Which key signs it: key1 for the merchant's requests, key2 for callbacks and redirects. */
  key: 'key1' | 'key2';
  expected: string;
  received: string;
  matches: boolean;
}

export interface RawRequest {
  method: string;
  /** Path and query string as they arrived. */
  url: string;
  contentType: string | null;
  body: string;
}

export type RequestKind = 'api' | 'callback' | 'redirect';

export interface RequestLogEntry {
  id: number;
  at: number;
  kind: RequestKind;
  /** create, query, refund, query_refund, banks; callback; redirect. */
  endpoint: string;
  appId: number | null;
  appTransId: string | null;
  raw: RawRequest | null;
  params: Record<string, unknown> | null;
  mac: MacCheck | null;
  response: Record<string, unknown> | null;
  note: string;
  /** Plain-words explanations of common integration mistakes seen in this exchange. */
  hints: string[];
  /** Callbacks only: every delivery attempt and the merchant's reply, filled in as they happen. */
  deliveries: CallbackAttempt[] | null;
}

export type NewRequestLogEntry = Omit<
  RequestLogEntry,
  'id' | 'appId' | 'appTransId' | 'raw' | 'mac' | 'hints' | 'deliveries' | 'kind'
> &
  Partial<
    Pick<RequestLogEntry, 'appId' | 'appTransId' | 'raw' | 'mac' | 'hints' | 'deliveries' | 'kind'>
  >;

const CAPACITY = 500;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;

  record(entry: NewRequestLogEntry): RequestLogEntry {
    const full: RequestLogEntry = {
      kind: 'api',
      appId: null,
      appTransId: null,
      raw: null,
      mac: null,
      hints: [],
      deliveries: null,
      ...entry,
      id: this.nextId++,
    };
    this.entries.push(full);
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
    return full;
  }

  list(): readonly RequestLogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
