import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Grant, Principal } from '@varna/authz';
import { VarnaConfig } from '@varna/config';
import { Clock } from '@varna/core';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ActorLoader, grantsJsonSql } from './actor.loader';
import { SessionEntity } from './session.entity';
import { newToken, sameHash, sha256 } from './tokens';

export interface IssuedSession {
  session: SessionEntity;
  token: string;
  csrfToken: string;
}

interface SessionRow {
  id: string;
  tenant_id: string;
  person_id: string;
  csrf_token_hash: string;
  expires_at: Date;
  last_seen_at: Date;
  username: string;
  display_name: string;
  home_org_unit_id: string;
  grants: Grant[];
}

export type SessionLookup =
  { ok: true; principal: Principal; csrfTokenHash: string } | { ok: false; reason: 'UNKNOWN' | 'EXPIRED' };

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: VarnaConfig,
    private readonly clock: Clock,
    private readonly actors: ActorLoader,
  ) {}

  async issue(person: { id: string; tenantId: string }, ip: string | null, userAgent: string | null) {
    const token = newToken();
    const csrfToken = newToken();
    const now = this.clock.now();
    const session = await this.dataSource.getRepository(SessionEntity).save({
      tenantId: person.tenantId,
      personId: person.id,
      tokenHash: sha256(token),
      csrfTokenHash: sha256(csrfToken),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000),
      lastSeenAt: now,
      revokedAt: null,
      ip: ip?.slice(0, 64) ?? null,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { session, token, csrfToken } satisfies IssuedSession;
  }

  /** Resolves a token to the person behind it; closed accounts and revoked sessions resolve to nothing. */
  async lookup(token: string): Promise<SessionLookup> {
    const now = this.clock.now();
    // The session, its person and the person's grants in one statement: every request makes it.
    const rows = await this.dataSource.query<SessionRow[]>(
      `SELECT s.id, s.tenant_id, s.person_id, s.csrf_token_hash, s.expires_at, s.last_seen_at,
              p.username, p.display_name, p.home_org_unit_id, ${grantsJsonSql('s.person_id', '$2')} AS grants
         FROM session s JOIN person p ON p.id = s.person_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND p.status = 'ACTIVE'`,
      [sha256(token), this.actors.today()],
    );
    const row = rows[0];
    if (!row) return { ok: false, reason: 'UNKNOWN' };
    if (new Date(row.expires_at) <= now) return { ok: false, reason: 'EXPIRED' };
    if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
      await this.dataSource.query('UPDATE session SET last_seen_at = $2 WHERE id = $1', [row.id, now]);
    }
    const principal = await this.actors.principal(
      {
        id: row.person_id,
        tenantId: row.tenant_id,
        homeOrgUnitId: row.home_org_unit_id,
        username: row.username,
        displayName: row.display_name,
      },
      row.id,
      row.grants,
    );
    return { ok: true, principal, csrfTokenHash: row.csrf_token_hash };
  }

  csrfMatches(expectedHash: string, presented: string | undefined): boolean {
    return typeof presented === 'string' && presented.length > 0 && sameHash(expectedHash, sha256(presented));
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Revokes every open session of a person, optionally keeping one (the caller's own). */
  async revokeAllOf(
    personId: string,
    exceptSessionId?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const result = await manager.query<[unknown, number]>(
      `UPDATE session SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [personId, this.clock.now(), exceptSessionId ?? null],
    );
    return result[1];
  }
}
