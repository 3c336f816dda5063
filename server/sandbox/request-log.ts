// The last API calls the emulator answered and why, so a developer puzzled by a -401 or -402 can
// ask GET /admin/requests instead of guessing. Keys are never part of a request, so nothing is hidden.

export interface RequestLogEntry {
  at: number;
  endpoint: string;
  params: Record<string, unknown> | null;
  response: Record<string, unknown> | null;
  note: string;
}

const CAPACITY = 200;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
  }

  list(): readonly RequestLogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
