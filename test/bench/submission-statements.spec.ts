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
  it('reports in 2 statements beyond the floor (16 before issue 6, then 9), a retry in 4', async () => {
    const user = t.as('emma.rahimi');
    await user.get('/api/me/permissions'); // signed in before counting
    const floor = await counted(() => user.get('/api/me/permissions'), 200);
    const key = randomUUID();
    const created = await counted(() => user.post('/api/incidents', body).set('Idempotency-Key', key), 201);
    const counter = async () =>
      (
        await t.dataSource.query<{ n: number }[]>(
          'SELECT last_value AS n FROM incident_number_counter WHERE tenant_id = $1 AND year = 2026',
          [await t.demoTenantId()],
        )
      )[0].n;
    const before = await counter();
    const retried = await counted(() => user.post('/api/incidents', body).set('Idempotency-Key', key), 200);
    expect(await counter()).toBe(before); // the retry's statement failed whole: no number used
    const plain = await counted(() => user.post('/api/incidents', body), 201);
    const own = (list: string[]) => list.slice(floor.length);
    console.log(
      `floor ${floor.length}; beyond it: create with key ${own(created).length}, retry ${own(retried).length}, ` +
        `without key ${own(plain).length}:\n  ${own(created)
          .map((q) => q.slice(0, 110))
          .join('\n  ')}`,
    );
    // The unit, then one statement (counter, incident claiming the key, timeline, history head and
    // entry): no transaction of ours, so the counter's and the head's row locks last one statement.
    expect(own(created)).toHaveLength(2);
    expect(own(plain)).toHaveLength(2);
    const [, report] = own(created);
    expect(report).toMatch(/^WITH counter AS \(/);
    for (const table of ['incident', 'incident_timeline_entry', 'history_entry']) {
      expect(report).toMatch(new RegExp(`INSERT INTO "?${table}"?[ (]`));
    }
    expect(report).toContain('UPDATE history_chain_head');
    expect(own(created).some((q) => /^(START|BEGIN|COMMIT)/.test(q))).toBe(false);
    expect(own(created).some((q) => q.includes('pg_advisory_xact_lock') || q.includes('max(seq)'))).toBe(
      false,
    );
    // The retry: the unit, the statement that finds the key taken (and writes nothing, so no number
    // is used), the first report, the markings of the answer.
    expect(own(retried)).toHaveLength(4);
    expect(own(retried)[1]).toMatch(/^WITH counter AS \(/);
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
    const [row] = await t.dataSource.query<{ created_at: Date; updated_at: Date }[]>(
      'SELECT created_at, updated_at FROM incident WHERE id = $1',
      [results[0].body.id],
    );
    expect(entry.after.createdAt).toBe(row.created_at.toISOString());
    expect(entry.after.updatedAt).toBe(row.updated_at.toISOString());
    const [timeline] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      'SELECT data FROM incident_timeline_entry WHERE incident_id = $1 AND seq = 1',
      [results[0].body.id],
    );
    expect(timeline.data).toMatchObject({ number: results[0].body.number });
    const verified = await t.app.get(HistoryService).verify(await t.demoTenantId());
    expect(verified).toMatchObject({ ok: true, firstBreak: null });
  });

  it('makes a missing history head from the last entry (a bulk-loaded tenant) and writes the report whole', async () => {
    const tenantId = await t.demoTenantId();
    await t.dataSource.query('DELETE FROM history_chain_head WHERE tenant_id = $1', [tenantId]);
    const res = await t.as('emma.rahimi').post('/api/incidents', { description: 'Efter bulkladdning.' });
    expect(res.status).toBe(201);
    const [head] = await t.dataSource.query<{ seq: string }[]>(
      'SELECT seq FROM history_chain_head WHERE tenant_id = $1',
      [tenantId],
    );
    const [last] = await t.dataSource.query<{ seq: string; entity_id: string }[]>(
      'SELECT seq, entity_id FROM history_entry WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1',
      [tenantId],
    );
    expect(last).toEqual({ seq: head.seq, entity_id: res.body.id });
    expect(await t.app.get(HistoryService).verify(tenantId)).toMatchObject({ ok: true });
  });
});
