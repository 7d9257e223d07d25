import { IncidentAlertsService } from '@varna/incident';
import { NotificationService, type NewNotification } from '@varna/notification';
import { DEMO_NOW } from '@varna/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { report } from '../support/incidents';

/**
 * The in-app inbox (domain.md §5.5, issue 5): the link to the object's web page, each person's own
 * notifications only, one read and all read.
 */

const HOUR = 3_600_000;
let t: TestApp;
let notifications: NotificationService;

interface Row {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  text: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

async function send(username: string, n: Partial<NewNotification> & { dedupeKey: string }): Promise<boolean> {
  const tenantId = await t.demoTenantId();
  const recipientId = await t.personId(username);
  return t.dataSource.transaction((m) =>
    notifications.notify(m, {
      tenantId,
      recipientId,
      kind: 'TEST',
      subjectType: 'Incident',
      subjectId: '00000000-0000-4000-8000-000000000001',
      text: 'Testavisering.',
      ...n,
    }),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  notifications = t.app.get(NotificationService);
});
afterAll(() => t?.close());

describe('the link of a notification', () => {
  it('an escalation names the incident page; a notification without one has link null', async () => {
    const incident = await report(t, 'emma.rahimi', { description: 'Lösenord på lapp.' });
    // D-27: untriaged one business day after reporting notifies the unit's coordinators.
    t.clock.set(new Date(DEMO_NOW.getTime() + 30 * HOUR));
    expect((await t.app.get(IncidentAlertsService).runEscalations()).created).toBeGreaterThan(0);
    t.clock.set(DEMO_NOW);
    const nora = await t.as('nora.falk').get('/api/notifications', { limit: 500 });
    expect(nora.status).toBe(200);
    const untriaged = (nora.body.items as Row[]).find((n) => n.subjectId === incident.id);
    expect(untriaged).toMatchObject({
      kind: 'INCIDENT_UNTRIAGED',
      subjectType: 'Incident',
      link: `/incidenter/${incident.id}`,
    });
    expect(untriaged?.text).not.toMatch(/Öppna/);

    expect(await send('maria.ek', { dedupeKey: 'test:no-link' })).toBe(true);
    const maria = await t.as('maria.ek').get('/api/notifications');
    expect((maria.body.items as Row[]).find((n) => n.kind === 'TEST')).toMatchObject({ link: null });
  });

  it('refuses a link that is not an app-relative path', async () => {
    for (const link of ['https://evil.example/x', '//evil.example/x', 'incidenter/1', '/a b']) {
      await expect(send('maria.ek', { dedupeKey: `test:bad:${link}`, link })).rejects.toThrow(/app path/);
    }
  });
});

describe('own notifications only', () => {
  it('lists newest first; another person’s id is 404 to read, and read-all leaves it unread', async () => {
    t.clock.set(new Date(DEMO_NOW.getTime() + HOUR));
    await send('amir.haddad', { dedupeKey: 'test:amir:1', text: 'Första.', link: '/incidenter/x' });
    t.clock.set(new Date(DEMO_NOW.getTime() + 2 * HOUR));
    await send('amir.haddad', { dedupeKey: 'test:amir:2', text: 'Andra.' });
    await send('sofia.lindahl', { dedupeKey: 'test:sofia:1', text: 'Sofias.' });
    t.clock.set(DEMO_NOW);

    const amir = await t.as('amir.haddad').get('/api/notifications');
    expect(amir.status).toBe(200);
    expect((amir.body.items as Row[]).map((n) => n.text).slice(0, 2)).toEqual(['Andra.', 'Första.']);
    expect(amir.body.unread).toBeGreaterThanOrEqual(2);
    const sofia = await t.as('sofia.lindahl').get('/api/notifications');
    const sofias = (sofia.body.items as Row[]).find((n) => n.text === 'Sofias.') as Row;
    expect((amir.body.items as Row[]).map((n) => n.id)).not.toContain(sofias.id);

    expectErrorBody(
      await t.as('amir.haddad').post(`/api/notifications/${sofias.id}/read`),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('cecilia.lund').post(`/api/notifications/${sofias.id}/read`),
      404,
      'NOTIFICATION_NOT_FOUND',
    );

    t.clock.set(new Date(DEMO_NOW.getTime() + 3 * HOUR));
    const all = await t.as('amir.haddad').post('/api/notifications/read-all');
    t.clock.set(DEMO_NOW);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body).toEqual({ marked: amir.body.unread });
    const after = await t.as('amir.haddad').get('/api/notifications', { limit: 500 });
    expect(after.body.unread).toBe(0);
    for (const n of after.body.items as Row[]) {
      expect(n.readAt).not.toBeNull();
    }
    const first = (after.body.items as Row[]).find((n) => n.text === 'Första.') as Row;
    expect(first.readAt).toBe(new Date(DEMO_NOW.getTime() + 3 * HOUR).toISOString());

    // Sofia's notification is untouched by Amir's read-all.
    const [row] = await t.dataSource.query<{ read_at: Date | null }[]>(
      'SELECT read_at FROM notification WHERE id = $1',
      [sofias.id],
    );
    expect(row.read_at).toBeNull();
    const sofiaAfter = await t.as('sofia.lindahl').get('/api/notifications');
    expect(sofiaAfter.body.unread).toBe(sofia.body.unread);

    // Again: nothing left to mark; a read notification keeps its first readAt.
    const again = await t.as('amir.haddad').post('/api/notifications/read-all');
    expect(again.body).toEqual({ marked: 0 });
    const still = await t.as('amir.haddad').get('/api/notifications', { limit: 500 });
    expect((still.body.items as Row[]).find((n) => n.id === first.id)?.readAt).toBe(first.readAt);
  });

  it('read-all needs a session', async () => {
    const anonymous = await t.http.post('/api/notifications/read-all');
    expect(anonymous.status).toBe(401);
  });
});
