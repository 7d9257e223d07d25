import { Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthorizationGuard } from '@varna/authz';
import { OrganisationModule, PersonLifecycle } from '@varna/organisation';
import { ActorLoader } from './actor.loader';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { SessionStrategy } from './session.strategy';

/** Sign-in and the two global guards, in order: who you are, then what you may do. */
@Module({
  imports: [PassportModule, OrganisationModule],
  controllers: [AuthController],
  providers: [
    ActorLoader,
    AuthService,
    LoginThrottleService,
    PasswordService,
    SessionService,
    SessionStrategy,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [PasswordService, SessionService, ActorLoader],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly lifecycle: PersonLifecycle,
    private readonly sessions: SessionService,
  ) {}

  onModuleInit(): void {
    // A closed account loses its sessions at once; reopening it later never revives them.
    this.lifecycle.whenAccountClosed((m, personId) =>
      this.sessions.revokeAllOf(personId, undefined, m).then(() => undefined),
    );
  }
}
