// Test support: an OTLP/HTTP trace receiver on 127.0.0.1 that takes both encodings an exporter sends
// (protobuf, OpenTelemetry's default, and JSON), keeping every span it is sent, flattened; or, for the
// benchmark, only counting them, as cheaply as a collector elsewhere would cost the checkout's machine.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';
import { z } from 'zod';

// The part of opentelemetry-proto's trace service a receiver reads (collector/trace/v1, trace/v1,
// common/v1, resource/v1): field numbers as published; the fields left out are skipped when decoding.
const OTLP_TRACE_PROTO = `
syntax = "proto3";
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message Resource { repeated KeyValue attributes = 1; }
message ScopeSpans { repeated Span spans = 2; }
message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  bytes parent_span_id = 4;
  string name = 5;
  repeated KeyValue attributes = 9;
  repeated Event events = 11;
}
message Event { string name = 2; }
message KeyValue { string key = 1; AnyValue value = 2; }
message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
  }
}
`;
const protobufRequest = protobuf
  .parse(OTLP_TRACE_PROTO, { keepCase: false })
  .root.lookupType('ExportTraceServiceRequest');
// The same request read only as far as its spans, each skipped whole: enough to count them.
const protobufSpanCount = protobuf
  .parse(
    `syntax = "proto3";
    message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    message ResourceSpans { repeated ScopeSpans scope_spans = 2; }
    message ScopeSpans { repeated Skipped spans = 2; }
    message Skipped {}`,
  )
  .root.lookupType('ExportTraceServiceRequest');
const countedRequest = z.object({
  resourceSpans: z.array(
    z.object({ scopeSpans: z.array(z.object({ spans: z.array(z.unknown()) })) }),
  ),
});

const anyValue = z.object({
  stringValue: z.string().optional(),
  intValue: z.union([z.string(), z.number()]).optional(),
  boolValue: z.boolean().optional(),
  doubleValue: z.number().optional(),
});
const attributes = z.array(z.object({ key: z.string(), value: anyValue })).optional();
// Ids come as hex strings in JSON and as bytes from protobuf: both are kept as hex.
const id = z.preprocess(
  (value) => (value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value),
  z.string(),
);
const exportRequest = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes }).optional(),
      scopeSpans: z.array(
        z.object({
          spans: z.array(
            z.object({
              traceId: id,
              spanId: id,
              parentSpanId: id.optional(),
              name: z.string(),
              attributes,
              events: z.array(z.object({ name: z.string() })).optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  attributes: Record<string, string | number | boolean>;
  events: string[];
  resource: Record<string, string | number | boolean>;
}

export interface OtlpReceiver {
  /** The endpoint to set as OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  /** The spans received (none kept when started with `countOnly`). */
  spans(): ReceivedSpan[];
  /** How many spans were received. */
  spanCount(): number;
  /** Export requests taken, by encoding. */
  requests(): { protobuf: number; json: number };
  /** Requests that were not a valid OTLP trace export. */
  refused(): number;
  close(): Promise<void>;
}

function flatten(list: z.infer<typeof attributes>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of list ?? []) {
    const v = value.stringValue ?? value.boolValue ?? value.doubleValue ?? value.intValue;
    if (v !== undefined)
      out[key] = typeof v === 'string' && value.intValue !== undefined ? Number(v) : v;
  }
  return out;
}

/** The request's body read as one encoding or the other, in the JSON shape (ids aside); undefined if neither. */
function decode(contentType: string, body: Buffer, type: protobuf.Type): unknown {
  try {
    if (contentType.startsWith('application/x-protobuf')) {
      return type.toObject(type.decode(body), { longs: String, arrays: true });
    }
    if (contentType.startsWith('application/json')) return JSON.parse(body.toString());
  } catch {
    return undefined;
  }
  return undefined;
}

/** The spans of one export request, flattened; undefined if it is not a valid one. */
function readSpans(contentType: string, body: Buffer): ReceivedSpan[] | undefined {
  const parsed = exportRequest.safeParse(decode(contentType, body, protobufRequest));
  if (!parsed.success) return undefined;
  return parsed.data.resourceSpans.flatMap((resourceSpans) => {
    const resource = flatten(resourceSpans.resource?.attributes);
    return resourceSpans.scopeSpans.flatMap((scope) =>
      scope.spans.map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        attributes: flatten(span.attributes),
        events: (span.events ?? []).map((event) => event.name),
        resource,
      })),
    );
  });
}

/** How many spans one export request carries, without reading them; undefined if it is not valid. */
function countSpans(contentType: string, body: Buffer): number | undefined {
  const parsed = countedRequest.safeParse(decode(contentType, body, protobufSpanCount));
  if (!parsed.success) return undefined;
  return parsed.data.resourceSpans
    .flatMap((resourceSpans) => resourceSpans.scopeSpans)
    .reduce((sum, scope) => sum + scope.spans.length, 0);
}

export async function startOtlpReceiver(
  options: { countOnly?: boolean } = {},
): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const requests = { protobuf: 0, json: 0 };
  let counted = 0;
  let refused = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const contentType = req.headers['content-type'] ?? '';
      const protobufBody = contentType.startsWith('application/x-protobuf');
      const body = Buffer.concat(chunks);
      const exported = req.method === 'POST' && req.url === '/v1/traces';
      const received = !exported
        ? undefined
        : options.countOnly
          ? countSpans(contentType, body)
          : readSpans(contentType, body);
      if (received === undefined) {
        refused += 1;
        res.writeHead(400).end();
        return;
      }
      requests[protobufBody ? 'protobuf' : 'json'] += 1;
      if (typeof received === 'number') counted += received;
      else {
        counted += received.length;
        spans.push(...received);
      }
      // An empty ExportTraceServiceResponse, in the request's encoding.
      if (protobufBody) res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => [...spans],
    spanCount: () => counted,
    requests: () => ({ ...requests }),
    refused: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
