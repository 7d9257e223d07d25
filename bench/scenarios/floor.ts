import type { Scenario } from './scenario';

/** (a) The floor: an authenticated route that reads nothing beyond the session and its grants. */
export const floor: Scenario = {
  id: 'a',
  name: 'floor: GET /api/me/permissions',
  user: 'coordinator',
  request: () => ({ method: 'GET', path: '/api/me/permissions' }),
  target: { kind: 'floor' },
};
