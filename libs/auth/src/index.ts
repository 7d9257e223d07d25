export { AuthModule } from './auth.module';
export { CredentialEntity } from './credential.entity';
export { SessionEntity } from './session.entity';
export { LoginAttemptEntity } from './login-attempt.entity';
export { PasswordService, PASSWORD_MIN_LENGTH } from './password.service';
export { SessionService } from './session.service';
export { ActorLoader } from './actor.loader';
export { SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER } from './tokens';
