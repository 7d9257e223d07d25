/** Latency figures of one run (milliseconds) and its throughput, computed the same way for API and SQL. */
export interface RunStats {
  connections: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Highest VmRSS of the API process during the run (API runs only). */
  rssMaxMb?: number;
  /** What the errors were: HTTP status, `timeout` or `socket`, with their counts. */
  failures?: Record<string, number>;
}

export function summarise(
  connections: number,
  latencies: number[],
  errors: number,
  seconds: number,
): RunStats {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) =>
    sorted.length
      ? round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)])
      : NaN;
  return {
    connections,
    requests: latencies.length,
    errors,
    perSecond: round(latencies.length / seconds),
    p50: at(50),
    p95: at(95),
    p99: at(99),
  };
}

export const round = (n: number) => Math.round(n * 100) / 100;
