import { Injectable } from '@nestjs/common';
import { Clock, stockholmDate } from '@varna/core';
import type { EntityManager } from 'typeorm';
import {
  CATALOGUE_VERSION,
  LEVEL_LOWERED_REASON,
  planChanges,
  propagate,
  sameLevels,
  type AssetProtection,
  type AssetType,
  type Level,
  type Levels,
  type PropagationGraph,
} from './domain';

interface DecisionRow {
  information_set_id: string;
  id: string;
  status: 'DECIDED' | 'SPECIAL_HANDLING';
  level_k: Level | null;
  level_r: Level | null;
  level_t: Level | null;
  level_s: Level | null;
}

/**
 * BR-B2/BR-B3: recomputes the protection of a tenant's assets from the registers and the decisions
 * in force, and writes what changed, inside the caller's transaction. The whole tenant's graph is
 * loaded (a few thousand rows for a large kommun): every supporting chain is then recomputed in the
 * same transaction, which is stronger than BR-B3 asks and needs no queue. Running it twice changes
 * nothing the second time (D-14).
 */
@Injectable()
export class ProtectionService {
  constructor(private readonly clock: Clock) {}

  /** The tenant's graph as propagation reads it. */
  async graph(m: EntityManager, tenantId: string): Promise<PropagationGraph> {
    const [assets, sets, decisions, links, dependencies, overrides] = await Promise.all([
      m.query<{ id: string; status: PropagationGraph['assets'][number]['status'] }[]>(
        `SELECT id, status FROM asset WHERE tenant_id = $1`,
        [tenantId],
      ),
      m.query<{ id: string; status: 'DRAFT' | 'ACTIVE' | 'RETIRED' }[]>(
        `SELECT id, status FROM information_set WHERE tenant_id = $1`,
        [tenantId],
      ),
      m.query<DecisionRow[]>(
        `SELECT information_set_id, id, status, level_k, level_r, level_t, level_s FROM classification
          WHERE tenant_id = $1 AND status IN ('DECIDED', 'SPECIAL_HANDLING')`,
        [tenantId],
      ),
      m.query<{ assetId: string; informationSetId: string }[]>(
        `SELECT asset_id AS "assetId", information_set_id AS "informationSetId" FROM asset_information_link
          WHERE tenant_id = $1`,
        [tenantId],
      ),
      m.query<{ assetId: string; supportingAssetId: string }[]>(
        `SELECT asset_id AS "assetId", supporting_asset_id AS "supportingAssetId" FROM asset_dependency
          WHERE tenant_id = $1`,
        [tenantId],
      ),
      m.query<PropagationGraph['overrides'][number][]>(
        `SELECT id, asset_id AS "assetId", aspect, level, direction, status,
                to_char(valid_until, 'YYYY-MM-DD') AS "validUntil"
           FROM protection_override WHERE tenant_id = $1 AND status = 'ACTIVE'`,
        [tenantId],
      ),
    ]);
    const decisionOf = new Map(decisions.map((d) => [d.information_set_id, d]));
    return {
      assets,
      sets: sets.map((s) => {
        const d = decisionOf.get(s.id);
        return {
          id: s.id,
          status: s.status,
          decision: d
            ? {
                classificationId: d.id,
                status: d.status,
                levels: { K: d.level_k, R: d.level_r, T: d.level_t, S: d.level_s },
              }
            : null,
        };
      }),
      links,
      dependencies,
      overrides: overrides.map((o) => ({ ...o, level: Number(o.level) as Level })),
    };
  }

  /** The protection of every asset of the tenant, computed now (read-only). */
  async compute(m: EntityManager, tenantId: string): Promise<Map<string, AssetProtection>> {
    return propagate(await this.graph(m, tenantId), this.clock.now());
  }

  /**
   * Recomputes every asset of the tenant and writes derived/effective levels and
   * classificationComplete where they changed; expires overrides past their end date first and
   * keeps action plans in step. Returns the ids of the assets whose values changed.
   */
  async recalculate(m: EntityManager, tenantId: string): Promise<string[]> {
    await m.query(
      `UPDATE protection_override SET status = 'EXPIRED', version = version + 1, updated_at = now()
        WHERE tenant_id = $1 AND status = 'ACTIVE' AND valid_until IS NOT NULL AND valid_until < $2::date`,
      [tenantId, this.today()],
    );
    const computed = await this.compute(m, tenantId);
    const stored = await m.query<
      {
        id: string;
        type: AssetType;
        derived_levels: Levels | null;
        effective_levels: Levels | null;
        classification_complete: boolean;
      }[]
    >(
      `SELECT id, type, derived_levels, effective_levels, classification_complete FROM asset WHERE tenant_id = $1`,
      [tenantId],
    );
    const changed: string[] = [];
    for (const row of stored) {
      const p = computed.get(row.id);
      if (!p) continue;
      const levelsChanged = !sameLevels(row.effective_levels, p.effective);
      if (
        levelsChanged ||
        !sameLevels(row.derived_levels, p.derived) ||
        row.derived_levels === null ||
        row.classification_complete !== p.classificationComplete
      ) {
        await m.query(
          `UPDATE asset SET derived_levels = $2, effective_levels = $3, classification_complete = $4 WHERE id = $1`,
          [row.id, JSON.stringify(p.derived), JSON.stringify(p.effective), p.classificationComplete],
        );
        changed.push(row.id);
      }
      if (levelsChanged) await this.syncPlan(m, row.id, row.type, p.effective);
    }
    return changed;
  }

  /**
   * BR-B7 upkeep of an asset's action plan once it has one (the plan is started explicitly, see
   * ActionPlanService.generate): adds the newly called-for requirements, sets aside those no
   * longer called for ("nivå sänkt") and reinstates those called for again; statuses are kept.
   */
  async syncPlan(
    m: EntityManager,
    assetId: string,
    assetType: AssetType,
    effective: Levels,
    start = false,
  ): Promise<{ added: number; lowered: number; reinstated: number }> {
    const items = await m.query<
      {
        requirement_code: string;
        status: 'MET' | 'PARTLY' | 'NOT_MET' | 'NOT_APPLICABLE';
        not_applicable_reason: string | null;
      }[]
    >(`SELECT requirement_code, status, not_applicable_reason FROM action_plan_item WHERE asset_id = $1`, [
      assetId,
    ]);
    if (items.length === 0 && !start) return { added: 0, lowered: 0, reinstated: 0 };
    const changes = planChanges(
      assetType,
      effective,
      items.map((i) => ({
        requirementCode: i.requirement_code,
        status: i.status,
        notApplicableReason: i.not_applicable_reason,
      })),
    );
    for (const code of changes.add) {
      await m.query(
        `INSERT INTO action_plan_item (tenant_id, asset_id, org_unit_id, org_unit_path, asset_owner_id,
                                       system_manager_id, requirement_code, catalogue_version, status)
         SELECT tenant_id, id, org_unit_id, org_unit_path, asset_owner_id, system_manager_id, $2, $3, 'NOT_MET'
           FROM asset WHERE id = $1
         ON CONFLICT (asset_id, requirement_code) DO NOTHING`,
        [assetId, code, CATALOGUE_VERSION],
      );
    }
    if (changes.lower.length) {
      await m.query(
        `UPDATE action_plan_item SET status = 'NOT_APPLICABLE', not_applicable_reason = $3,
                version = version + 1, updated_at = now()
          WHERE asset_id = $1 AND requirement_code = ANY($2::text[])`,
        [assetId, changes.lower, LEVEL_LOWERED_REASON],
      );
    }
    if (changes.reinstate.length) {
      await m.query(
        `UPDATE action_plan_item SET status = 'NOT_MET', not_applicable_reason = NULL,
                version = version + 1, updated_at = now()
          WHERE asset_id = $1 AND requirement_code = ANY($2::text[])`,
        [assetId, changes.reinstate],
      );
    }
    return { added: changes.add.length, lowered: changes.lower.length, reinstated: changes.reinstate.length };
  }

  /**
   * The set's pointers (4a: `classificationId`, `classificationDueAt`) follow its decision in force,
   * and every classification, override and action-plan item carries the scope columns of its set or
   * asset (unit, path, owner, keepers). Idempotent; writes only what differs.
   */
  async syncDenormalised(m: EntityManager, tenantId: string): Promise<void> {
    await m.query(
      `UPDATE information_set s SET classification_id = c.id, classification_due_at = c.valid_until
         FROM (SELECT s2.id AS set_id, c2.id, c2.valid_until FROM information_set s2
                 LEFT JOIN classification c2 ON c2.information_set_id = s2.id
                                            AND c2.status IN ('DECIDED', 'SPECIAL_HANDLING')
                WHERE s2.tenant_id = $1) c
        WHERE s.id = c.set_id
          AND (s.classification_id, s.classification_due_at) IS DISTINCT FROM (c.id, c.valid_until)`,
      [tenantId],
    );
    await m.query(
      `UPDATE classification c
          SET org_unit_id = s.org_unit_id, org_unit_path = s.org_unit_path,
              information_owner_id = s.information_owner_id, asset_keeper_ids = s.asset_keeper_ids
         FROM information_set s
        WHERE s.id = c.information_set_id AND c.tenant_id = $1
          AND (c.org_unit_id, c.org_unit_path, c.information_owner_id, c.asset_keeper_ids)
              IS DISTINCT FROM (s.org_unit_id, s.org_unit_path, s.information_owner_id, s.asset_keeper_ids)`,
      [tenantId],
    );
    for (const table of ['protection_override', 'action_plan_item']) {
      await m.query(
        `UPDATE ${table} x
            SET org_unit_id = a.org_unit_id, org_unit_path = a.org_unit_path,
                asset_owner_id = a.asset_owner_id, system_manager_id = a.system_manager_id
           FROM asset a
          WHERE a.id = x.asset_id AND x.tenant_id = $1
            AND (x.org_unit_id, x.org_unit_path, x.asset_owner_id, x.system_manager_id)
                IS DISTINCT FROM (a.org_unit_id, a.org_unit_path, a.asset_owner_id, a.system_manager_id)`,
        [tenantId],
      );
    }
  }

  /** Everything a change of the registers or of a decision calls for (BR-B3), in its transaction. */
  async refresh(m: EntityManager, tenantId: string): Promise<string[]> {
    await this.syncDenormalised(m, tenantId);
    return this.recalculate(m, tenantId);
  }

  private today(): string {
    return stockholmDate(this.clock.now());
  }
}
