/** What a scenario gets from the runner: the signed-in bench users and the dataset's ids. */
export interface BenchParams {
  tenantId: string;
  coordinator: { personId: string; orgUnitIds: string[] };
  ciso: { personId: string };
  reporter: { personId: string; homeOrgUnitId: string };
  /** The Stockholm year the statistics are asked for (the dataset's last year). */
  year: number;
  /** Today in Stockholm as the API's clock has it (the KPIs' "current"), YYYY-MM-DD. */
  today: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  /** A fresh body and headers per request (e.g. a new Idempotency-Key). */
  fresh?: (n: number) => { body?: unknown; headers?: Record<string, string> };
}

/** The SQL the endpoint needs, run raw through `pg`: the queries of one request, in order. */
export interface RawQuery {
  text: string;
  values: unknown[];
}

/**
 * The issue-6 targets, checked at 16 connections: a list within `ratio` × (raw p50 + floor p50)
 * and p95 ≤ `p95Ms`; an aggregate p95 ≤ `p95Ms`; a write path at ≥ `perSecond` (best of the runs).
 */
export type Target =
  | { kind: 'floor' }
  | { kind: 'list'; ratio: number; p95Ms: number }
  | { kind: 'p95'; p95Ms: number }
  | { kind: 'throughput'; perSecond: number };

export interface Scenario {
  id: string;
  name: string;
  user: 'coordinator' | 'ciso' | 'reporter';
  /** One request, or the requests of one page in order (timed together: one latency per page). */
  request(p: BenchParams): HttpRequest | HttpRequest[];
  raw?(p: BenchParams): RawQuery[];
  target: Target;
  /** Writes change the data: they run after every read scenario. */
  writes?: boolean;
}
