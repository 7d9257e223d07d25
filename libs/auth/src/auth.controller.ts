import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { packRules } from '@casl/ability/extra';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, Can, CurrentPrincipal, type Principal, Public, whereAllowed } from '@varna/authz';
import { VarnaConfig } from '@varna/config';
import { Clock, UUID_PARAM } from '@varna/core';
import {
  PersonEntity,
  RoleAssignmentEntity,
  TenantEntity,
  toPersonDto,
  toRoleAssignmentDto,
  PersonService,
} from '@varna/organisation';
import type { CookieOptions, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AuthErrors } from './auth.errors';
import { AuthService } from './auth.service';
import {
  ChangeOwnPasswordDto,
  LoginDto,
  LoginResponseDto,
  MeDto,
  PermissionsDto,
  RevokedDto,
  SessionDto,
  SessionListDto,
  SetPasswordDto,
} from './dto/auth.dto';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './tokens';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly persons: PersonService,
    private readonly config: VarnaConfig,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Temporarily locked after repeated failures' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    const { session, token, csrfToken, person } = await this.auth.login(
      dto,
      req.ip ?? 'unknown',
      req.headers['user-agent'] ?? null,
    );
    // Max-Age, not Expires: a lifetime does not depend on the browser's clock agreeing with ours.
    const maxAge = session.expiresAt.getTime() - this.clock.now().getTime();
    res.cookie(SESSION_COOKIE, token, this.cookieOptions(maxAge, true));
    res.cookie(CSRF_COOKIE, csrfToken, this.cookieOptions(maxAge, false));
    return {
      accessToken: token,
      tokenType: 'Bearer',
      expiresAt: session.expiresAt.toISOString(),
      csrfToken,
      user: {
        id: person.id,
        username: person.username,
        displayName: person.display_name,
        tenantId: person.tenant_id,
      },
    };
  }

  @Post('auth/logout')
  @Can('delete', 'Session')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentPrincipal() p: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.revoke(p.sessionId);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions(undefined, true));
    res.clearCookie(CSRF_COOKIE, this.cookieOptions(undefined, false));
  }

  @Get('me')
  @Can('read', 'Session')
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentPrincipal() p: Principal): Promise<MeDto> {
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .findOneByOrFail({ id: p.actor.personId, tenantId: p.actor.tenantId });
    const tenant = await this.dataSource
      .getRepository(TenantEntity)
      .findOneByOrFail({ id: p.actor.tenantId });
    const assignments = await this.dataSource.getRepository(RoleAssignmentEntity).find({
      where: { personId: p.actor.personId, tenantId: p.actor.tenantId },
      order: { validFrom: 'ASC' },
    });
    return {
      person: toPersonDto(person),
      tenant: { id: tenant.id, code: tenant.code, name: tenant.name },
      roles: [...new Set(['EMPLOYEE' as const, ...p.actor.grants.map((g) => g.role)])],
      roleAssignments: assignments.map(toRoleAssignmentDto),
    };
  }

  @Get('me/permissions')
  @Can('read', 'Session')
  @ApiOkResponse({ type: PermissionsDto })
  permissions(@CurrentPrincipal() p: Principal): PermissionsDto {
    return { rules: packRules(p.ability.rules) };
  }

  @Get('me/sessions')
  @Can('read', 'Session')
  @ApiOkResponse({ type: SessionListDto })
  async mySessions(@CurrentPrincipal() p: Principal): Promise<SessionListDto> {
    const qb = this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      // The application clock, not the database's now(): expiry is decided by the same clock as at sign-in.
      .where('s.person_id = :me AND s.revoked_at IS NULL AND s.expires_at > :now', {
        me: p.actor.personId,
        now: this.clock.now(),
      });
    const rows = await whereAllowed(qb, p.ability, 'read', 'Session')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    return {
      items: rows.map((s): SessionDto => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        ip: s.ip,
        userAgent: s.userAgent,
        current: s.id === p.sessionId,
      })),
    };
  }

  @Delete('me/sessions/:id')
  @Can('delete', 'Session')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revokeMySession(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<void> {
    const qb = this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.id = :id AND s.person_id = :me', { id, me: p.actor.personId });
    const found = await whereAllowed(qb, p.ability, 'delete', 'Session').getOne();
    if (!found) throw AuthErrors.sessionNotFound();
    await this.sessions.revoke(found.id);
  }

  @Post('me/password')
  @Can('update', 'Credential')
  @HttpCode(204)
  @ApiNoContentResponse()
  async changeOwnPassword(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ChangeOwnPasswordDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.auth.changeOwnPassword(p, dto.currentPassword, dto.newPassword, req.ip ?? 'unknown');
  }

  @Put('users/:id/password')
  @Can('update', 'Credential')
  @HttpCode(204)
  @ApiNoContentResponse()
  async setPassword(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: SetPasswordDto,
  ): Promise<void> {
    await this.auth.setPassword(p, id, dto.password);
  }

  @Delete('users/:id/sessions')
  @Can('delete', 'Session')
  @ApiOkResponse({ type: RevokedDto })
  async revokeSessionsOf(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<RevokedDto> {
    // As for passwords: the permission first (403 whether the id exists or not), then the reach (404).
    assertCan(p.ability, 'delete', 'Session', { id: '', tenantId: p.actor.tenantId, personId: id });
    const person = await this.persons.get(p, id);
    const qb = this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .select('s.id')
      .where('s.person_id = :id AND s.revoked_at IS NULL', { id: person.id });
    const reachable = await whereAllowed(qb, p.ability, 'delete', 'Session').getMany();
    for (const s of reachable) await this.sessions.revoke(s.id);
    return { revoked: reachable.length };
  }

  private cookieOptions(maxAge: number | undefined, httpOnly: boolean): CookieOptions {
    return { httpOnly, sameSite: 'strict', secure: this.config.cookieSecure, path: '/', maxAge };
  }
}
