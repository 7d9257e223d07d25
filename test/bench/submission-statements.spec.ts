import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryService } from '@varna/history';
import { startTestApp, type TestApp } from '../support/app';

/**
 * Scenario (f) of the benchmark, counted instead of timed (issue 6): the SQL statements one
 * `POST /api/incidents` sends, as TypeORM's query runner sees them (every statement, BEGIN and
 * COMMIT included, goes through `logQuery`). The floor (sign-in check, grants) is counted on
 * `GET /api/me/permissions` and subtracted, so the figure is the submission path's own.
 * docs/performance.md records what each cut bought.
 */
let t: TestApp;
let statements: string[] | null = null;

beforeAll(async () => {
  t = await startTestApp();
  const logger = t.dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    statements?.push(query.replace(/\s+/g, ' ').trim());
    return original(query, parameters, runner);
  };
});
afterAll(() => t?.close());

async function counted(send: () => Promise<{ status: number }>, status: number): Promise<string[]> {
  statements = [];
  const res = await send();
  const seen = statements;
  statements = null;
  expect(res.status).toBe(status);
  return seen;
}

const body = { description: 'Brev med beslut skickat till fel adress.', personalDataInvolved: 'YES' };

describe('POST /api/incidents statement count', () => {
  it('reports in 9 statements beyond the floor (16 before issue 6), a retry in 7', async () => {
    const user = t.as('emma.rahimi');
    await user.get('/api/me/permissions'); // signed in before counting
    const floor = await counted(() => user.get('/api/me/permissions'), 200);
    const key = randomUUID();
    const created = await counted(() => user.post('/api/incidents', body).set('Idempotency-Key', key), 201);
    const retried = await counted(() => user.post('/api/incidents', body).set('Idempotency-Key', key), 200);
    const plain = await counted(() => user.post('/api/incidents', body), 201);
    const own = (list: string[]) => list.slice(floor.length);
    console.log(
      `floor ${floor.length}; beyond it: create with key ${own(created).length}, retry ${own(retried).length}, ` +
        `without key ${own(plain).length}:\n  ${own(created)
          .map((q) => q.slice(0, 110))
          .join('\n  ')}`,
    );
    // START, unit, counter, INSERT incident (claiming the key), INSERT timeline, history lock, head
    // and INSERT, COMMIT: no idempotency lock or look-up, no seq look-up, no reload, no markings.
    expect(own(created)).toHaveLength(9);
    expect(own(plain)).toHaveLength(9);
    expect(own(created).filter((q) => /^INSERT INTO "?history_entry/.test(q))).toHaveLength(1);
    expect(own(created).some((q) => q.includes('max(seq)'))).toBe(false);
    expect(own(created).filter((q) => q.includes('pg_advisory_xact_lock'))).toHaveLength(1);
    expect(own(created).filter((q) => /^SELECT .*FROM "incident"/.test(q))).toHaveLength(0);
    // The retry: the same up to the INSERT that finds the key taken, the first report, ROLLBACK
    // (its number given back), the markings of the answer.
    expect(own(retried)).toHaveLength(7);
    expect(own(retried)).toContain('ROLLBACK');
  });

  it('leaves the chain verifying and the numbers consecutive after concurrent submissions', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t
          .as(i % 2 ? 'emma.rahimi' : 'sara.ekstrom')
          .post('/api/incidents', { description: `Samtidig ${i}` })
          .set('Idempotency-Key', randomUUID()),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const seqs = results.map((r) => Number((r.body.number as string).slice(9))).sort((a, b) => a - b);
    expect(seqs[11] - seqs[0]).toBe(11);
    // The history records the row as written, database defaults included.
    const [entry] = await t.dataSource.query<{ after: Record<string, unknown> }[]>(
      `SELECT after FROM history_entry WHERE entity_id = $1 AND action = 'report'`,
      [results[0].body.id],
    );
    expect(entry.after).toMatchObject({ number: results[0].body.number, status: 'REPORTED', version: 1 });
    expect(typeof entry.after.createdAt).toBe('string');
    const verified = await t.app.get(HistoryService).verify(await t.demoTenantId());
    expect(verified).toMatchObject({ ok: true, firstBreak: null });
  });
});
