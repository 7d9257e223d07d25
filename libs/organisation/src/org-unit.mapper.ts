import { ORG_UNIT_TYPE_LABELS } from './domain/org-unit-type';
import type { OrgUnitDto, OrgUnitTreeNodeDto } from './dto/org-unit.dto';
import type { OrgUnitEntity } from './org-unit.entity';

export function toOrgUnitDto(u: OrgUnitEntity): OrgUnitDto {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    type: u.type,
    typeLabel: ORG_UNIT_TYPE_LABELS[u.type].sv,
    parentId: u.parentId,
    path: u.path,
    depth: u.path.length - 1,
    isDataController: u.isDataController,
    servesCommitteeId: u.servesCommitteeId,
    coveredByCyberSecurityAct: u.coveredByCyberSecurityAct,
    nisSector: u.nisSector,
    headcount: u.headcount,
    aliases: u.aliases,
    status: u.status,
    validFrom: u.validFrom,
    validTo: u.validTo,
    version: u.version,
  };
}

/** Nests the visible units under their parents; a unit whose parent is not visible becomes a root. */
export function toTree(units: OrgUnitEntity[]): OrgUnitTreeNodeDto[] {
  const nodes = new Map<string, OrgUnitTreeNodeDto>();
  for (const u of units) nodes.set(u.id, { ...toOrgUnitDto(u), children: [] });
  const roots: OrgUnitTreeNodeDto[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
