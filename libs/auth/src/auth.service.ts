import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal } from '@varna/authz';
import { Clock } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { PersonService } from '@varna/organisation';
import { DataSource } from 'typeorm';
import { AuthErrors } from './auth.errors';
import { CredentialEntity } from './credential.entity';
import type { LoginDto } from './dto/auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { type IssuedSession, SessionService } from './session.service';

interface LoginCandidate {
  id: string;
  tenant_id: string;
  tenant_code: string;
  username: string;
  display_name: string;
  status: string;
  password_hash: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly persons: PersonService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  async login(
    dto: LoginDto,
    ip: string,
    userAgent: string | null,
  ): Promise<IssuedSession & { person: LoginCandidate }> {
    const username = dto.username.trim().toLowerCase();
    await this.throttle.assertNotLocked(username, ip);

    const candidates = await this.dataSource.query<LoginCandidate[]>(
      `SELECT p.id, p.tenant_id, t.code AS tenant_code, p.username, p.display_name, p.status, c.password_hash
         FROM person p JOIN tenant t ON t.id = p.tenant_id LEFT JOIN credential c ON c.person_id = p.id
        WHERE lower(p.username) = $1 AND ($2::text IS NULL OR t.code = $2)`,
      [username, dto.tenant ?? null],
    );
    if (candidates.length > 1) throw AuthErrors.tenantRequired(candidates.map((c) => c.tenant_code).sort());
    const person = candidates[0];

    const passwordOk = await this.passwords.verify(person?.password_hash ?? null, dto.password);
    const succeeded = passwordOk && person?.status === 'ACTIVE';
    await this.throttle.record(username, ip, succeeded);
    if (!succeeded || !person) throw AuthErrors.invalidCredentials();

    const issued = await this.sessions.issue({ id: person.id, tenantId: person.tenant_id }, ip, userAgent);
    return { ...issued, person };
  }

  async changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const credential = await this.dataSource
      .getRepository(CredentialEntity)
      .findOneBy({ personId: principal.actor.personId });
    if (!(await this.passwords.verify(credential?.passwordHash ?? null, currentPassword))) {
      throw AuthErrors.wrongCurrentPassword();
    }
    await this.setPasswordOf(principal, principal.actor.personId, newPassword);
    // Everyone else holding this account's old sessions is signed out.
    await this.sessions.revokeAllOf(principal.actor.personId, principal.sessionId);
  }

  /** An administrator sets (or resets) someone's password; their open sessions end. */
  async setPassword(principal: Principal, personId: string, password: string): Promise<void> {
    await this.persons.get(principal, personId);
    await this.setPasswordOf(principal, personId, password);
    await this.sessions.revokeAllOf(personId);
  }

  private async setPasswordOf(principal: Principal, personId: string, password: string): Promise<void> {
    this.passwords.assertAcceptable(password);
    assertCan(principal.ability, 'update', 'Credential', { tenantId: principal.actor.tenantId, personId });
    const passwordHash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(CredentialEntity).upsert(
        {
          personId,
          tenantId: principal.actor.tenantId,
          passwordHash,
          passwordChangedAt: this.clock.now(),
        },
        ['personId'],
      );
      // The hash itself never enters the history.
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Person',
          action: 'set-password',
          entityId: personId,
          before: null,
          after: null,
        }),
      );
    });
  }
}
