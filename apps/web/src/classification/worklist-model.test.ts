import { describe, expect, it } from 'vitest';
import type { Classification } from '../api/register-types';
import { proposalRows, reviewRows, worklistCount } from './worklist-model';

const ME = 'p-helena';

function c(over: Partial<Classification>): Classification {
  return {
    id: 'c1',
    version: 1,
    informationSetId: 's1',
    informationSetCode: 'IM-01',
    informationSetName: 'Diarium',
    orgUnitId: 'u1',
    informationOwnerId: 'p-other',
    modelVersion: 1,
    status: 'DECIDED',
    statusLabel: 'Beslutad',
    levelK: 1,
    levelR: 1,
    levelT: 1,
    levelS: 1,
    aspects: [],
    specialHandling: false,
    consequenceCategories: [],
    legalRefs: [],
    trigger: 'INITIAL',
    proposedById: null,
    proposedAt: null,
    decidedById: null,
    decidedAt: null,
    diarienummer: null,
    validUntil: '2027-01-01',
    reviewState: 'CURRENT',
    returnComment: null,
    cancelReason: null,
    reviewFlaggedAt: null,
    reviewFlagReason: null,
    confirmedUnchangedById: null,
    confirmedUnchangedAt: null,
    supersedesId: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

describe('the classification worklist', () => {
  it('lists proposals oldest first and marks those the caller decides', () => {
    const rows = proposalRows(
      [
        c({ id: 'a', status: 'PROPOSED', informationSetCode: 'IM-22', proposedAt: '2026-11-05T09:00:00Z' }),
        c({
          id: 'b',
          status: 'PROPOSED',
          informationSetCode: 'IM-14',
          proposedAt: '2026-11-01T09:00:00Z',
          informationOwnerId: ME,
        }),
        c({ id: 'd', status: 'DRAFT', informationSetCode: 'IM-16' }),
      ],
      ME,
    );
    expect(rows.map((r) => [r.code, r.mine])).toEqual([
      ['IM-14', true],
      ['IM-22', false],
    ]);
  });

  it('orders reviews overdue, flagged, due soon; merges the KPI overdue list without duplicates', () => {
    const rows = reviewRows(
      [
        c({ id: 'soon', informationSetCode: 'IM-03', reviewState: 'DUE_SOON', validUntil: '2026-11-20' }),
        c({
          id: 'flag',
          informationSetCode: 'IM-11',
          reviewState: 'FLAGGED',
          validUntil: '2027-03-02',
          reviewFlaggedAt: '2026-11-10T10:00:00Z',
          reviewFlagReason: 'LEGAL_CHANGE',
          informationOwnerId: ME,
        }),
        c({ id: 'late', informationSetCode: 'IM-12', reviewState: 'OVERDUE', validUntil: '2026-09-15' }),
        c({ id: 'fine', informationSetCode: 'IM-01', reviewState: 'CURRENT' }),
      ],
      [
        {
          classificationId: 'late',
          informationSetId: 's12',
          informationSetCode: 'IM-12',
          informationSetName: 'Ansökningar',
          validUntil: '2026-09-15',
        },
        {
          classificationId: 'older',
          informationSetId: 's2',
          informationSetCode: 'IM-02',
          informationSetName: 'Personalakter',
          validUntil: '2026-10-01',
        },
      ],
      ME,
    );
    expect(rows.map((r) => [r.code, r.state, r.flagReason, r.mine])).toEqual([
      ['IM-12', 'OVERDUE', null, false],
      ['IM-02', 'OVERDUE', null, false],
      ['IM-11', 'FLAGGED', 'LEGAL_CHANGE', true],
      ['IM-03', 'DUE_SOON', null, false],
    ]);
  });

  it('counts every row of the page', () => {
    expect(worklistCount([[1, 2], [], [3]])).toBe(3);
  });
});
