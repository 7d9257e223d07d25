import { propagate, validUntilFor, type Level, type PropagationGraph } from '@varna/classification';
import { insertRows, type BulkColumn } from '../db';
import { WeightedTable, type Prng } from '../prng';
import type { DataModule, GeneratedUnit } from './context';

const DAY = 24 * 3_600_000;

const SET_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'createdAt', type: 'timestamptz' },
  { key: 'updatedAt', type: 'timestamptz' },
  { key: 'version', type: 'int' },
  { key: 'code', type: 'varchar' },
  { key: 'name', type: 'varchar' },
  { key: 'description', type: 'text' },
  { key: 'orgUnitId', type: 'uuid' },
  { key: 'orgUnitPath', type: 'uuid[]' },
  { key: 'informationOwnerId', type: 'uuid' },
  { key: 'informationOwnerAppointedById', type: 'uuid' },
  { key: 'informationOwnerAppointedAt', type: 'timestamptz' },
  { key: 'informationOwnerAppointmentRef', type: 'varchar' },
  { key: 'recordsClassCode', type: 'varchar' },
  { key: 'containsPersonalData', type: 'boolean' },
  { key: 'personalDataCategories', type: 'text[]' },
  { key: 'specialCategoryData', type: 'boolean' },
  { key: 'criminalOffenceData', type: 'boolean' },
  { key: 'concernsChildren', type: 'boolean' },
  { key: 'protectedIdentity', type: 'boolean' },
  { key: 'secrecyProvisions', type: 'text[]' },
  { key: 'legalBases', type: 'text[]' },
  { key: 'specialHandling', type: 'boolean' },
  { key: 'retention', type: 'text' },
  { key: 'status', type: 'varchar' },
  { key: 'classificationId', type: 'uuid' },
  { key: 'classificationDueAt', type: 'date' },
  { key: 'assetKeeperIds', type: 'uuid[]' },
];
const ASSET_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'createdAt', type: 'timestamptz' },
  { key: 'updatedAt', type: 'timestamptz' },
  { key: 'version', type: 'int' },
  { key: 'code', type: 'varchar' },
  { key: 'name', type: 'varchar' },
  { key: 'description', type: 'text' },
  { key: 'type', type: 'varchar' },
  { key: 'subtype', type: 'varchar' },
  { key: 'orgUnitId', type: 'uuid' },
  { key: 'orgUnitPath', type: 'uuid[]' },
  { key: 'assetOwnerId', type: 'uuid' },
  { key: 'assetOwnerAppointedById', type: 'uuid' },
  { key: 'assetOwnerAppointedAt', type: 'timestamptz' },
  { key: 'systemManagerId', type: 'uuid' },
  { key: 'systemManagerAppointedById', type: 'uuid' },
  { key: 'systemManagerAppointedAt', type: 'timestamptz' },
  { key: 'supplierName', type: 'varchar' },
  { key: 'hosting', type: 'varchar' },
  { key: 'thirdCountryProcessing', type: 'boolean' },
  { key: 'mfaRequired', type: 'boolean' },
  { key: 'internetExposed', type: 'boolean' },
  { key: 'criticality', type: 'varchar' },
  { key: 'rtoHours', type: 'int' },
  { key: 'rpoHours', type: 'int' },
  { key: 'status', type: 'varchar' },
  { key: 'containsPersonalData', type: 'boolean' },
  { key: 'specialCategoryData', type: 'boolean' },
  { key: 'informationOwnerIds', type: 'uuid[]' },
  { key: 'derivedLevels', type: 'jsonb' },
  { key: 'effectiveLevels', type: 'jsonb' },
  { key: 'classificationComplete', type: 'boolean' },
];
const LINK_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'assetId', type: 'uuid' },
  { key: 'informationSetId', type: 'uuid' },
  { key: 'role', type: 'varchar' },
  { key: 'createdAt', type: 'timestamptz' },
];
const DEPENDENCY_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'assetId', type: 'uuid' },
  { key: 'supportingAssetId', type: 'uuid' },
  { key: 'createdAt', type: 'timestamptz' },
];
const CLASSIFICATION_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'createdAt', type: 'timestamptz' },
  { key: 'updatedAt', type: 'timestamptz' },
  { key: 'version', type: 'int' },
  { key: 'informationSetId', type: 'uuid' },
  { key: 'orgUnitId', type: 'uuid' },
  { key: 'orgUnitPath', type: 'uuid[]' },
  { key: 'informationOwnerId', type: 'uuid' },
  { key: 'assetKeeperIds', type: 'uuid[]' },
  { key: 'modelVersion', type: 'int' },
  { key: 'levelK', type: 'smallint' },
  { key: 'levelR', type: 'smallint' },
  { key: 'levelT', type: 'smallint' },
  { key: 'levelS', type: 'smallint' },
  { key: 'specialHandling', type: 'boolean' },
  { key: 'rationaleK', type: 'text' },
  { key: 'rationaleR', type: 'text' },
  { key: 'rationaleT', type: 'text' },
  { key: 'rationaleS', type: 'text' },
  { key: 'trigger', type: 'varchar' },
  { key: 'status', type: 'varchar' },
  { key: 'proposedById', type: 'uuid' },
  { key: 'proposedAt', type: 'timestamptz' },
  { key: 'decidedById', type: 'uuid' },
  { key: 'decidedAt', type: 'timestamptz' },
  { key: 'diarienummer', type: 'varchar' },
  { key: 'validUntil', type: 'date' },
  { key: 'supersedesId', type: 'uuid' },
];

const SET_KINDS = [
  'Personakter',
  'Ärendehandlingar',
  'Journaler',
  'Elevdokumentation',
  'Ekonomiunderlag',
  'Avtal',
  'Personalakter',
  'Bygglovshandlingar',
  'Kartdata',
  'Protokoll',
  'Schemadata',
  'Loggar',
];
const ASSET_TYPES = {
  IT_SYSTEM: 25,
  IT_COMPONENT: 40,
  PHYSICAL_STORAGE: 10,
  SPACE: 8,
  PROCESS: 10,
  EXTERNAL_SERVICE: 5,
  OTHER: 2,
} as const;
type AssetType = keyof typeof ASSET_TYPES;
const SUBTYPES = [
  'STORAGE',
  'BACKUP',
  'FIREWALL',
  'NETWORK_EQUIPMENT',
  'SERVER',
  'ENDPOINT',
  'IDENTITY',
  'LOGGING',
];
const ASSET_NAMES: Record<AssetType, string> = {
  IT_SYSTEM: 'Verksamhetssystem',
  IT_COMPONENT: 'Komponent',
  PHYSICAL_STORAGE: 'Arkivskåp',
  SPACE: 'Lokal',
  PROCESS: 'Process',
  EXTERNAL_SERVICE: 'Molntjänst',
  OTHER: 'Övrig tillgång',
};
/** Dependency layers: a process rests on systems, systems on components, components on deeper ones (depth ≤ 4). */
const LAYER: Record<AssetType, number> = {
  PROCESS: 0,
  IT_SYSTEM: 1,
  EXTERNAL_SERVICE: 1,
  IT_COMPONENT: 2,
  PHYSICAL_STORAGE: 2,
  SPACE: 4,
  OTHER: 4,
};

interface SetRow extends Record<string, unknown> {
  id: string;
  orgUnitId: string;
  orgUnitPath: string[];
  informationOwnerId: string | null;
  containsPersonalData: boolean;
  specialCategoryData: boolean;
  specialHandling: boolean;
  status: 'DRAFT' | 'ACTIVE' | 'RETIRED';
  classificationId: string | null;
  classificationDueAt: string | null;
  assetKeeperIds: string[];
  administrationId: string;
}
interface AssetRow extends Record<string, unknown> {
  id: string;
  type: AssetType;
  status: 'PLANNED' | 'ACTIVE' | 'PHASE_OUT' | 'RETIRED';
  assetOwnerId: string | null;
  systemManagerId: string | null;
  informationOwnerIds: string[];
  containsPersonalData: boolean;
  specialCategoryData: boolean;
  layer: number;
  administrationId: string;
}

/** Appends to the list under `key` (in place: these lists grow to thousands). */
function push<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}

const since = (t: number) => ((Date.now() - t) / 1000).toFixed(1);

const sortedUnique = (ids: (string | null)[]) =>
  [...new Set(ids.filter((id): id is string => id !== null))].sort();

/**
 * The information register of D-43 (§4a–4c): information sets and assets placed in the tree
 * (mostly at förvaltning and avdelning level), owned and managed by the generated managers and
 * heads, linked to each other within their förvaltning, assets depending on assets in layers (no
 * cycle, depth ≤ 4), and classifications: ≈ 70 % of the active sets with a decision in force
 * (1–4 superseded yearly versions behind it), a fifth of those past their validUntil, ≈ 8 % with
 * an open proposal. The denormalised columns (keepers, owners, personal-data flags, the set's
 * pointer to its decision, the assets' levels through the app's own `propagate`) are computed
 * before the insert, so the rows are as the app would have left them and their history matches.
 */
export const information: DataModule = {
  name: 'information register',
  async generate(ctx) {
    const { profile, rng, tenantId } = ctx;
    const started = Date.now();
    const now = ctx.now.getTime();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const admins = ctx.units.filter((u) => u.type === 'ADMINISTRATION' || u.type === 'COMPANY');
    const below = new Map<string, GeneratedUnit[]>();
    for (const u of ctx.units) {
      if (u.administrationId && u.id !== u.administrationId && u.type === 'DIVISION') {
        push(below, u.administrationId, u);
      }
    }
    const byAdmin = new WeightedTable(admins, (a) => (a.type === 'ADMINISTRATION' ? 3 : 1));
    const placeIn = (admin: GeneratedUnit) => {
      const divisions = below.get(admin.id) ?? [];
      return divisions.length && rng.chance(0.6) ? rng.pick(divisions) : admin;
    };
    const ownerFor = (unit: GeneratedUnit) =>
      ctx.managerOf.get(unit.id) ?? ctx.headOf.get(unit.administrationId ?? '') ?? null;
    const someoneIn = (unit: GeneratedUnit) => {
      const local = ctx.personsByUnit.get(unit.id);
      return (local?.length ? rng.pick(local) : rng.pick(ctx.persons)).id;
    };
    const appointer = (unit: GeneratedUnit) => ctx.headOf.get(unit.administrationId ?? '') ?? null;

    // ---- Information sets ---------------------------------------------------------------------
    const sets: SetRow[] = [];
    const setsOfAdmin = new Map<string, SetRow[]>();
    for (let i = 0; i < profile.informationSets; i++) {
      const admin = i < admins.length ? admins[i] : byAdmin.pick(rng);
      const unit = placeIn(admin);
      const owner = rng.chance(0.95) ? ownerFor(unit) : null;
      const special = rng.chance(0.01);
      const pd = !special && rng.chance(0.6);
      const sc = pd && rng.chance(0.15);
      const created = at(rng.int(30, 5 * 365));
      const kind = rng.pick(SET_KINDS);
      const row: SetRow = {
        id: rng.uuid(),
        tenantId,
        createdAt: created,
        updatedAt: created,
        version: 1,
        code: `IM-${String(i + 1).padStart(5, '0')}`,
        name: `${kind} ${i + 1}`,
        description: special ? null : `${kind} som förvaltningen hanterar i sin verksamhet.`,
        orgUnitId: unit.id,
        orgUnitPath: unit.path,
        informationOwnerId: owner,
        informationOwnerAppointedById: owner ? appointer(unit) : null,
        informationOwnerAppointedAt: owner ? created : null,
        informationOwnerAppointmentRef: null,
        recordsClassCode: special ? null : `${rng.int(1, 9)}.${rng.int(1, 9)}`,
        containsPersonalData: pd,
        personalDataCategories: pd ? (sc ? ['IDENTITY', 'CONTACT', 'HEALTH'] : ['IDENTITY', 'CONTACT']) : [],
        specialCategoryData: sc,
        criminalOffenceData: false,
        concernsChildren: pd && rng.chance(0.2),
        protectedIdentity: false,
        secrecyProvisions: [],
        legalBases: [],
        specialHandling: special,
        retention: special ? null : 'Bevaras',
        status: rng.weighted({ ACTIVE: 90, DRAFT: 7, RETIRED: 3 }),
        classificationId: null,
        classificationDueAt: null,
        assetKeeperIds: [],
        administrationId: admin.id,
      };
      sets.push(row);
      push(setsOfAdmin, admin.id, row);
    }

    // ---- Assets, links, dependencies ----------------------------------------------------------
    const assets: AssetRow[] = [];
    for (let i = 0; i < profile.assets; i++) {
      const admin = i < admins.length ? admins[i] : byAdmin.pick(rng);
      const unit = placeIn(admin);
      const type = rng.weighted(ASSET_TYPES);
      const it = type === 'IT_SYSTEM' || type === 'IT_COMPONENT' || type === 'EXTERNAL_SERVICE';
      const owner = rng.chance(0.95) ? ownerFor(unit) : null;
      const manager = type === 'IT_SYSTEM' && rng.chance(0.9) ? someoneIn(unit) : null;
      const created = at(rng.int(30, 8 * 365));
      assets.push({
        id: rng.uuid(),
        tenantId,
        createdAt: created,
        updatedAt: created,
        version: 1,
        code: `TG-${String(i + 1).padStart(5, '0')}`,
        name: `${ASSET_NAMES[type]} ${i + 1}`,
        description: null,
        type,
        subtype: type === 'IT_COMPONENT' ? rng.pick(SUBTYPES) : null,
        orgUnitId: unit.id,
        orgUnitPath: unit.path,
        assetOwnerId: owner,
        assetOwnerAppointedById: owner ? appointer(unit) : null,
        assetOwnerAppointedAt: owner ? created : null,
        systemManagerId: manager,
        systemManagerAppointedById: manager ? appointer(unit) : null,
        systemManagerAppointedAt: manager ? created : null,
        supplierName: it && rng.chance(0.6) ? `Leverantör ${rng.int(1, 120)} AB` : null,
        hosting: it
          ? rng.weighted({ MUNICIPAL_DATACENTRE: 50, SWEDISH_SUPPLIER: 30, EU_SUPPLIER: 20 })
          : null,
        thirdCountryProcessing: false,
        mfaRequired: it && rng.chance(0.5),
        internetExposed: it && rng.chance(0.2),
        criticality: rng.weighted({ LOW: 15, NORMAL: 60, HIGH: 20, VITAL: 5 }),
        rtoHours: it ? rng.pick([4, 8, 24, 72]) : null,
        rpoHours: it ? rng.pick([1, 4, 24]) : null,
        status: rng.weighted({ ACTIVE: 85, PLANNED: 5, PHASE_OUT: 5, RETIRED: 5 }),
        containsPersonalData: false,
        specialCategoryData: false,
        informationOwnerIds: [],
        derivedLevels: null,
        effectiveLevels: null,
        classificationComplete: false,
        layer: type === 'IT_COMPONENT' ? rng.int(2, 4) : LAYER[type],
        administrationId: admin.id,
      });
    }
    const links: Record<string, unknown>[] = [];
    const linked = new Set<string>();
    const linksOf = new Map<string, string[]>();
    const setById = new Map(sets.map((s) => [s.id, s]));
    // Systems, storage and processes carry most links; any asset may carry one.
    const linkers = new WeightedTable(assets, (a) =>
      a.type === 'IT_SYSTEM' ? 6 : a.type === 'IT_COMPONENT' || a.type === 'SPACE' ? 1 : 3,
    );
    for (let guard = 0; links.length < profile.links && guard < profile.links * 3; guard++) {
      const asset = linkers.pick(rng);
      const candidates = setsOfAdmin.get(asset.administrationId) ?? sets;
      const set = rng.chance(0.9) ? rng.pick(candidates) : rng.pick(sets);
      const key = `${asset.id}:${set.id}`;
      if (linked.has(key)) continue;
      linked.add(key);
      links.push({
        id: rng.uuid(),
        tenantId,
        assetId: asset.id,
        informationSetId: set.id,
        role: rng.weighted({ STORES: 40, PROCESSES: 40, TRANSFERS: 10, USED_IN: 10 }),
        createdAt: asset.createdAt,
      });
      push(linksOf, asset.id, set.id);
    }
    const byLayer = new Map<number, AssetRow[]>();
    for (const a of assets) push(byLayer, a.layer, a);
    const dependencies: Record<string, unknown>[] = [];
    const depends = new Set<string>();
    const dependants = assets.filter((a) => a.layer < 4);
    for (
      let guard = 0;
      dependencies.length < profile.dependencies && guard < profile.dependencies * 3;
      guard++
    ) {
      const asset = rng.pick(dependants);
      // One layer down, or (rarely) straight to a space: depth stays ≤ 4 and no cycle can form.
      const deeper = byLayer.get(rng.chance(0.9) ? asset.layer + 1 : 4) ?? [];
      if (!deeper.length) continue;
      const support = rng.pick(deeper);
      const key = `${asset.id}:${support.id}`;
      if (support.id === asset.id || depends.has(key)) continue;
      depends.add(key);
      dependencies.push({
        id: rng.uuid(),
        tenantId,
        assetId: asset.id,
        supportingAssetId: support.id,
        createdAt: asset.createdAt,
      });
    }

    // ---- Denormalised facts (register-facts.ts): keepers of sets, owners and flags of assets --
    const keepersOf = new Map<string, (string | null)[]>();
    for (const a of assets) {
      const own = (linksOf.get(a.id) ?? [])
        .map((id) => setById.get(id))
        .filter((s) => s && s.status !== 'RETIRED');
      a.containsPersonalData = own.some((s) => s?.containsPersonalData);
      a.specialCategoryData = own.some((s) => s?.specialCategoryData);
      a.informationOwnerIds = sortedUnique(own.map((s) => s?.informationOwnerId ?? null));
      if (a.status === 'RETIRED') continue;
      for (const id of linksOf.get(a.id) ?? []) {
        push(keepersOf, id, a.assetOwnerId, a.systemManagerId);
      }
    }
    for (const s of sets) s.assetKeeperIds = sortedUnique(keepersOf.get(s.id) ?? []);

    // ---- Classifications ----------------------------------------------------------------------
    const classifications: Record<string, unknown>[] = [];
    const decisions = new Map<
      string,
      { id: string; status: 'DECIDED' | 'SPECIAL_HANDLING'; levels: Levels4 }
    >();
    let registry = 0;
    for (const s of sets) {
      if (s.status !== 'ACTIVE') continue;
      const base = {
        tenantId,
        informationSetId: s.id,
        orgUnitId: s.orgUnitId,
        orgUnitPath: s.orgUnitPath,
        informationOwnerId: s.informationOwnerId,
        assetKeeperIds: s.assetKeeperIds,
        modelVersion: 1,
        trigger: 'INITIAL',
        supersedesId: null as string | null,
      };
      const lead =
        s.informationOwnerId ?? ctx.coordinatorOf.get(s.administrationId) ?? rng.pick(ctx.persons).id;
      const roll = rng.next();
      if (roll < 0.7) {
        // The decision in force, decided within the last 15 months (12-month validity: a fifth overdue).
        const decidedAt = at(rng.int(1, 455));
        const older = rng.int(1, 4);
        let previous: string | null = null;
        for (let v = older; v >= 0; v--) {
          const when = new Date(decidedAt.getTime() - v * 365 * DAY);
          const levels = s.specialHandling ? null : randomLevels(rng, s);
          const id = rng.uuid();
          const current = v === 0;
          const status = current ? (s.specialHandling ? 'SPECIAL_HANDLING' : 'DECIDED') : 'SUPERSEDED';
          classifications.push({
            ...base,
            id,
            createdAt: new Date(when.getTime() - 14 * DAY),
            updatedAt: when,
            version: 2,
            levelK: levels?.K ?? null,
            levelR: levels?.R ?? null,
            levelT: levels?.T ?? null,
            levelS: levels?.S ?? null,
            specialHandling: s.specialHandling,
            rationaleK: levels ? 'Bedömd vid klassningsmötet.' : null,
            rationaleR: levels ? 'Bedömd vid klassningsmötet.' : null,
            rationaleT: levels ? 'Bedömd vid klassningsmötet.' : null,
            rationaleS: levels ? 'Bedömd vid klassningsmötet.' : null,
            trigger: previous ? 'PERIODIC' : 'INITIAL',
            status,
            proposedById: lead,
            proposedAt: new Date(when.getTime() - 7 * DAY),
            decidedById: s.informationOwnerId ?? lead,
            decidedAt: when,
            diarienummer: `KS ${when.getUTCFullYear()}-${String((registry += 1)).padStart(5, '0')}`,
            validUntil: validUntilFor(when, 12),
            supersedesId: previous,
          });
          previous = id;
          if (current) {
            s.classificationId = id;
            s.classificationDueAt = validUntilFor(when, 12);
            decisions.set(s.id, {
              id,
              status: s.specialHandling ? 'SPECIAL_HANDLING' : 'DECIDED',
              levels: levels ?? { K: null, R: null, T: null, S: null },
            });
          }
        }
      } else if (roll < 0.78 && !s.specialHandling) {
        const levels = randomLevels(rng, s);
        const proposed = rng.chance(0.5);
        const when = at(rng.int(1, 60));
        classifications.push({
          ...base,
          id: rng.uuid(),
          createdAt: when,
          updatedAt: when,
          version: 1,
          levelK: levels.K,
          levelR: levels.R,
          levelT: levels.T,
          levelS: levels.S,
          specialHandling: false,
          rationaleK: null,
          rationaleR: null,
          rationaleT: null,
          rationaleS: null,
          status: proposed ? 'PROPOSED' : 'DRAFT',
          proposedById: proposed ? lead : null,
          proposedAt: proposed ? when : null,
          decidedById: null,
          decidedAt: null,
          diarienummer: null,
          validUntil: null,
        });
      }
    }

    // ---- Protection (BR-B2) with the app's own propagation ------------------------------------
    const graph: PropagationGraph = {
      assets: assets.map((a) => ({ id: a.id, status: a.status })),
      sets: sets.map((s) => {
        const d = decisions.get(s.id);
        return {
          id: s.id,
          status: s.status,
          decision: d ? { classificationId: d.id, status: d.status, levels: d.levels } : null,
        };
      }),
      links: links.map((l) => ({
        assetId: l.assetId as string,
        informationSetId: l.informationSetId as string,
      })),
      dependencies: dependencies.map((d) => ({
        assetId: d.assetId as string,
        supportingAssetId: d.supportingAssetId as string,
      })),
      overrides: [],
    };
    ctx.log(
      `  built ${sets.length} sets, ${assets.length} assets, ${classifications.length} classifications: ${since(started)} s`,
    );
    const protection = propagate(graph, ctx.now);
    ctx.log(`  propagated (BR-B2): ${since(started)} s`);
    for (const a of assets) {
      const p = protection.get(a.id);
      if (!p) continue;
      a.derivedLevels = p.derived;
      a.effectiveLevels = p.effective;
      a.classificationComplete = p.classificationComplete;
    }

    const { client } = ctx;
    await insertRows(client, 'information_set', SET_COLUMNS, sets);
    await insertRows(client, 'asset', ASSET_COLUMNS, assets);
    await Promise.all([
      insertRows(client, 'asset_information_link', LINK_COLUMNS, links),
      insertRows(client, 'asset_dependency', DEPENDENCY_COLUMNS, dependencies),
      insertRows(client, 'classification', CLASSIFICATION_COLUMNS, classifications),
    ]);
    ctx.log(`  inserted: ${since(started)} s`);
    for (const { administrationId: _a, ...s } of sets) await ctx.history.add('InformationSet', s.id, s);
    for (const { administrationId: _a, layer: _l, ...a } of assets) await ctx.history.add('Asset', a.id, a);
    for (const c of classifications) await ctx.history.add('Classification', c.id as string, c);
    return {
      informationSets: sets.length,
      assets: assets.length,
      assetInformationLinks: links.length,
      assetDependencies: dependencies.length,
      classifications: classifications.length,
      classificationsInForce: decisions.size,
    };
  },
};

type Levels4 = { K: Level | null; R: Level | null; T: Level | null; S: Level | null };

/** K/R/T/S levels: personal data raises confidentiality, special categories to the top. */
function randomLevels(rng: Prng, s: SetRow): { K: Level; R: Level; T: Level; S: Level } {
  const level = (min: number) => Math.max(min, rng.int(0, 3)) as Level;
  return {
    K: level(s.specialCategoryData ? 3 : s.containsPersonalData ? 2 : 0),
    R: level(1),
    T: level(0),
    S: level(0),
  };
}
