import type { Scenario } from './scenario';

/** (f) Incident submission by an employee, with an Idempotency-Key, the history chained. */
export const incidentSubmission: Scenario = {
  id: 'f',
  name: 'incident submission (POST /api/incidents, history chained)',
  user: 'reporter',
  request: () => ({
    method: 'POST',
    path: '/api/incidents',
    fresh: (n) => ({
      headers: { 'idempotency-key': `bench-${process.pid}-${Date.now()}-${n}` },
      body: {
        description: `Brev med beslut skickat till fel adress (bench ${n}).`,
        personalDataInvolved: 'YES',
        ongoing: 'NO',
      },
    }),
  }),
  target: { kind: 'throughput', perSecond: 500 },
  writes: true,
};
