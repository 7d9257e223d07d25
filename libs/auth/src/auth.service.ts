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
        WHERE lower(p.username) = $1 AND ($2::text IS NULL OR t.code = lower($2))`,
      [username, dto.tenant ?? null],
    );
    // The password is checked before the tenant question: which tenants a username exists in is told
    // only to someone who knows its password there (otherwise TENANT_REQUIRED would enumerate users).
    if (candidates.length === 0) await this.passwords.verify(null, dto.password);
    const matching: LoginCandidate[] = [];
    for (const candidate of candidates) {
      const passwordOk = await this.passwords.verify(candidate.password_hash, dto.password);
      if (passwordOk && candidate.status === 'ACTIVE') matching.push(candidate);
    }
    if (matching.length > 1) throw AuthErrors.tenantRequired(matching.map((c) => c.tenant_code).sort());
    const person = matching.at(0);
    await this.throttle.record(username, ip, person !== undefined);
    if (!person) throw AuthErrors.invalidCredentials();

    const issued = await this.sessions.issue({ id: person.id, tenantId: person.tenant_id }, ip, userAgent);
    return { ...issued, person };
  }

  async changeOwnPassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    // Guessing the current password (say, on an unattended signed-in computer) counts as failed sign-ins.
    const username = principal.username.toLowerCase();
    await this.throttle.assertNotLocked(username, ip);
    const credential = await this.dataSource
      .getRepository(CredentialEntity)
      .findOneBy({ personId: principal.actor.personId });
    if (!(await this.passwords.verify(credential?.passwordHash ?? null, currentPassword))) {
      await this.throttle.record(username, ip, false);
      throw AuthErrors.wrongCurrentPassword();
    }
    await this.setPasswordOf(principal, principal.actor.personId, newPassword, 'newPassword');
    // Everyone else holding this account's old sessions is signed out.
    await this.sessions.revokeAllOf(principal.actor.personId, principal.sessionId);
  }

  /** An administrator sets (or resets) someone's password; their open sessions end. */
  async setPassword(principal: Principal, personId: string, password: string): Promise<void> {
    // The permission first: whoever may not set others' passwords gets 403 whether the id exists or not
    // (checking reach first answered 404 to those who cannot read people and 403 to those who can).
    assertCan(principal.ability, 'update', 'Credential', { tenantId: principal.actor.tenantId, personId });
    await this.persons.get(principal, personId);
    await this.setPasswordOf(principal, personId, password);
    await this.sessions.revokeAllOf(personId);
  }

  private async setPasswordOf(
    principal: Principal,
    personId: string,
    password: string,
    field = 'password',
  ): Promise<void> {
    this.passwords.assertAcceptable(password, field);
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
