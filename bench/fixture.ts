/** What the generator writes and the runner relies on: the tenant, the bench users, the clock. */
export const BENCH_SEED = 20_261_116;
export const BENCH_TENANT = { code: 'storstad', name: 'Storstads stad', organisationNumber: '212000-0000' };
/** The dataset's "now" (DEMO_NOW of D-67): ten years of incidents end here, whatever the date. */
export const BENCH_NOW = new Date('2026-11-16T09:00:00.000Z');
/** One known password, hashed once with the app's PasswordService and shared by every account. */
export const BENCH_PASSWORD = 'Storstad-bench-2026!';
/** A samordnare for one förvaltning and its subtree, and the CISO (whole tenant). */
export const BENCH_USERS = { coordinator: 'bench.samordnare', ciso: 'bench.ciso' } as const;
export type BenchUser = keyof typeof BENCH_USERS;
