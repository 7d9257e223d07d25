import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AssetEntity } from './asset.entity';
import type { InformationSetEntity } from './information-set.entity';

/** A problem that keeps an asset from going ACTIVE (BR-A5), for the 409's details. */
export interface ActivationIssue {
  code: string;
  message: string;
  details?: unknown;
}

export type AssetActivationCheck = (m: EntityManager, asset: AssetEntity) => Promise<ActivationIssue[]>;

/**
 * BR-A5: what must hold before an asset moves to ACTIVE (classified sets, a risk analysis). The
 * contexts that own those facts register their checks here, as OrgPathDependents collects tables;
 * with none registered the transition is allowed. D-53: imports may create ACTIVE assets directly.
 */
@Injectable()
export class AssetActivationGuards {
  private readonly checks: { name: string; check: AssetActivationCheck }[] = [];

  register(name: string, check: AssetActivationCheck): void {
    this.checks.push({ name, check });
  }

  async issues(m: EntityManager, asset: AssetEntity): Promise<ActivationIssue[]> {
    const found: ActivationIssue[] = [];
    for (const { check } of this.checks) found.push(...(await check(m, asset)));
    return found;
  }
}

/** What other contexts need to hear about, inside the transaction of the change. */
export interface RegisterChangeListener {
  /**
   * Assets whose links, dependencies, owners or status changed, or whose linked sets changed status
   * (their derived levels may have changed, 4b BR-B3).
   */
  assetsChanged?(m: EntityManager, tenantId: string, assetIds: string[]): Promise<void>;
  /** An information set was created (`before` null) or changed (4b BR-B5 flags). */
  informationSetChanged?(
    m: EntityManager,
    before: InformationSetEntity | null,
    after: InformationSetEntity,
  ): Promise<void>;
  /** A set was linked to an asset (4b BR-B5: a link to a more exposed system flags the set). */
  informationSetLinked?(m: EntityManager, asset: AssetEntity, informationSetId: string): Promise<void>;
  /** An asset's fields changed (4b BR-B5: an asset that becomes exposed flags the sets it carries). */
  assetUpdated?(m: EntityManager, before: AssetEntity, after: AssetEntity): Promise<void>;
}

@Injectable()
export class RegisterChangeListeners {
  private readonly listeners: RegisterChangeListener[] = [];

  register(listener: RegisterChangeListener): void {
    this.listeners.push(listener);
  }

  async assetsChanged(m: EntityManager, tenantId: string, assetIds: string[]): Promise<void> {
    if (assetIds.length === 0) return;
    const unique = [...new Set(assetIds)];
    for (const l of this.listeners) await l.assetsChanged?.(m, tenantId, unique);
  }

  async informationSetChanged(
    m: EntityManager,
    before: InformationSetEntity | null,
    after: InformationSetEntity,
  ): Promise<void> {
    for (const l of this.listeners) await l.informationSetChanged?.(m, before, after);
  }

  async informationSetLinked(m: EntityManager, asset: AssetEntity, informationSetId: string): Promise<void> {
    for (const l of this.listeners) await l.informationSetLinked?.(m, asset, informationSetId);
  }

  async assetUpdated(m: EntityManager, before: AssetEntity, after: AssetEntity): Promise<void> {
    for (const l of this.listeners) await l.assetUpdated?.(m, before, after);
  }
}
