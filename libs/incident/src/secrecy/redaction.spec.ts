import { describe, expect, it } from 'vitest';
import { displayValue, isOslProvision, redactIncident, redactionsFor } from './redaction';

describe('OSL provisions', () => {
  it('accepts chapter and paragraph references to OSL', () => {
    for (const p of [
      '26 kap. 1 § OSL',
      '18 kap. 8 § OSL',
      '25 kap. 1 § OSL',
      '15 kap. 2 § OSL',
      '21 kap. 7 § OSL',
      '10 kap. 2 a § OSL',
      '18 kap. 8 § 1 st. OSL',
      '26 kap. 1 § första stycket OSL',
      '18 kap. 8 § 3 p. OSL',
      ' 26  kap. 1 §   OSL ',
    ]) {
      expect(isOslProvision(p), p).toBe(true);
    }
  });

  it('refuses what is no OSL reference', () => {
    for (const p of [
      '',
      'OSL',
      'sekretess',
      '26 kap 1 § OSL',
      '45 kap. 1 § OSL',
      '0 kap. 1 § OSL',
      '26 kap. 1 §',
      '26 kap. 1 § PUL',
      '26 kap. § OSL',
    ]) {
      expect(isOslProvision(p), p).toBe(false);
    }
  });
});

describe('redactIncident', () => {
  const view = {
    id: 'x',
    title: 'Utredning till fel vårdnadshavare',
    description: 'Utredningen om barnet X skickades till Y.',
    rootCause: 'Fel adress i systemet',
    consequences: null,
    measures: 'Rutin',
    lessonsLearned: null,
    dataSubjectsApprox: 3,
    recordsApprox: 1,
    dataCategories: ['HEALTH', 'OSL_SECRET'],
    severity: 'HIGH',
  };

  it('masks marked text fields with the provision and nulls marked number and list fields', () => {
    const r = redactIncident(view, [
      { fieldPaths: ['description', 'dataSubjectsApprox', 'dataCategories'], provision: '26 kap. 1 § OSL' },
    ]);
    expect(r.description).toBe('[Sekretess enligt 26 kap. 1 § OSL]');
    expect(r.dataSubjectsApprox).toBeNull();
    expect(r.dataCategories).toBeNull();
    expect(r.title).toBe(view.title);
    expect(r.rootCause).toBe(view.rootCause);
    expect(r.recordsApprox).toBe(1);
    expect(r.severity).toBe('HIGH');
    expect(r.redactions.map((x) => x.field)).toEqual(['description', 'dataSubjectsApprox', 'dataCategories']);
    expect(displayValue(r, 'dataSubjectsApprox')).toBe('[Sekretess enligt 26 kap. 1 § OSL]');
    expect(displayValue(r, 'recordsApprox')).toBe(1);
    // The input is not changed.
    expect(view.description).toBe('Utredningen om barnet X skickades till Y.');
  });

  it('lists every provision that marks a field, once', () => {
    const r = redactionsFor([
      { fieldPaths: ['rootCause'], provision: '26 kap. 1 § OSL' },
      { fieldPaths: ['rootCause', 'measures'], provision: '18 kap. 8 § OSL' },
      { fieldPaths: ['rootCause'], provision: '26 kap. 1 § OSL' },
    ]);
    expect(r).toEqual([
      {
        field: 'rootCause',
        provisions: ['26 kap. 1 § OSL', '18 kap. 8 § OSL'],
        text: '[Sekretess enligt 26 kap. 1 § OSL, 18 kap. 8 § OSL]',
      },
      { field: 'measures', provisions: ['18 kap. 8 § OSL'], text: '[Sekretess enligt 18 kap. 8 § OSL]' },
    ]);
  });

  it('leaves out fields the view does not carry and unknown paths', () => {
    const r = redactIncident({ title: 'T' }, [
      { fieldPaths: ['description', 'nonsense'], provision: '26 kap. 1 § OSL' },
    ]);
    expect(r).toEqual({ title: 'T', redactions: [] });
  });
});
