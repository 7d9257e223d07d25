import { describe, expect, it } from 'vitest';
import {
  assignmentChanges,
  isOpenIncident,
  retriageChanges,
  unlinkedChoices,
  withLinked,
  withoutLinked,
} from './incident-handling-model';

describe('the incident handling helpers', () => {
  it('offer only the rows not already linked', () => {
    const rows = [
      { id: 'a', code: 'AS-0001', name: 'Ett' },
      { id: 'b', code: 'AS-0002', name: 'Två' },
    ];
    expect(unlinkedChoices(rows, ['a'])).toEqual([{ id: 'b', code: 'AS-0002', name: 'Två' }]);
    expect(unlinkedChoices(rows, [])).toHaveLength(2);
  });

  it('add an id once and remove it', () => {
    expect(withLinked(['a'], 'b')).toEqual(['a', 'b']);
    expect(withLinked(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(withoutLinked(['a', 'b'], 'a')).toEqual(['b']);
    expect(withoutLinked(['a'], 'x')).toEqual(['a']);
  });

  it('send only the re-triage fields that changed, an emptied subtype as null', () => {
    const incident = {
      type: 'DEVIATION' as const,
      subtype: 'WRONG_RECIPIENT' as const,
      severity: 'LOW' as const,
      orgUnitId: 'u1',
    };
    expect(retriageChanges(incident, { ...incident })).toEqual({});
    expect(retriageChanges(incident, { ...incident, severity: 'HIGH' })).toEqual({ severity: 'HIGH' });
    expect(retriageChanges(incident, { ...incident, subtype: '' })).toEqual({ subtype: null });
    expect(retriageChanges(incident, { ...incident, type: 'IT_INCIDENT', orgUnitId: 'u2' })).toEqual({
      type: 'IT_INCIDENT',
      orgUnitId: 'u2',
    });
  });

  it('send only the assignment that changed, none as null', () => {
    const incident = { handlerId: 'p1', coordinatorId: null };
    expect(assignmentChanges(incident, 'p1', '')).toEqual({});
    expect(assignmentChanges(incident, '', 'p2')).toEqual({ handlerId: null, coordinatorId: 'p2' });
  });

  it('know the open statuses', () => {
    expect(isOpenIncident({ status: 'ACTIONS' })).toBe(true);
    expect(isOpenIncident({ status: 'CLOSED' })).toBe(false);
    expect(isOpenIncident({ status: 'REJECTED' })).toBe(false);
  });
});
