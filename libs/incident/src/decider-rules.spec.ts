import { subject as tag } from '@casl/ability';
import { type AppSubject, defineAbilityFor, ROLES } from '@varna/authz';
import { describe, expect, it } from 'vitest';
import { DISPOSITIONS, mayDecideDisposition, REGULATORY_REGIMES } from './domain';

/*
 * The role rules (libs/authz, framework-free, no access to this domain) restate who may decide that
 * a regulator stage is not required. They must say what the clock domain's DISPOSITION_DECIDERS say.
 */
const ROOT = 'unit-root';
const stage = (regime: string, decision: string) =>
  tag('RegulatoryObligation', {
    id: 'o',
    tenantId: 't',
    incidentId: 'i',
    orgUnitId: ROOT,
    orgUnitPath: [ROOT],
    regime,
    decision,
  }) as unknown as AppSubject;
const abilityOf = (role: (typeof ROLES)[number]) =>
  defineAbilityFor({
    personId: 'p',
    tenantId: 't',
    homeOrgUnitId: ROOT,
    grants: [{ role, orgUnitIds: [ROOT], includeSubtree: true }],
  });

describe('the deciders of NOT_REQUIRED and WITHDRAWN (§4d Clock rules)', () => {
  it.each(ROLES)('agree between the role rules and DISPOSITION_DECIDERS for %s', (role) => {
    const ability = abilityOf(role);
    for (const regime of REGULATORY_REGIMES) {
      for (const disposition of DISPOSITIONS) {
        expect(ability.can('approve', stage(regime, disposition)), `${role} ${regime} ${disposition}`).toBe(
          mayDecideDisposition(regime, { roles: [role] }),
        );
      }
    }
  });

  it('leave submitting to the head of the unit (D-07)', () => {
    for (const role of ROLES) {
      expect(abilityOf(role).can('approve', stage('GDPR_ART33_IMY', 'SUBMITTED')), role).toBe(
        role === 'HEAD',
      );
    }
  });
});
