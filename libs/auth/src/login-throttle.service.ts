import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { VarnaConfig } from '@varna/config';
import { Clock } from '@varna/core';
import { DataSource } from 'typeorm';
import { AuthErrors } from './auth.errors';
import { LoginAttemptEntity } from './login-attempt.entity';

const MINUTE = 60_000;

/**
 * Failed sign-ins are throttled per username and per IP address: after `loginMaxFailures` failures
 * within the window (counted since the last success), the username is locked for
 * `loginLockoutMinutes` after the last failure; likewise an IP after `loginMaxFailuresPerIp`.
 * State lives in PostgreSQL, so it holds across API replicas and restarts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: VarnaConfig,
    private readonly clock: Clock,
  ) {}

  async assertNotLocked(username: string, ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    const since = new Date(now - this.config.loginWindowMinutes * MINUTE);
    const byUser = await this.failures('username', username, since, this.config.loginMaxFailures);
    const byIp = await this.failures('ip', ip, since, this.config.loginMaxFailuresPerIp);
    const lockedUntil = Math.max(byUser, byIp);
    if (lockedUntil > now) throw AuthErrors.locked(Math.ceil((lockedUntil - now) / 1000));
  }

  async record(username: string, ip: string, succeeded: boolean): Promise<void> {
    await this.dataSource
      .getRepository(LoginAttemptEntity)
      .insert({ username, ip, succeeded, attemptedAt: this.clock.now() });
  }

  /** Returns the time (ms) the key stays locked until, or 0. */
  private async failures(
    column: 'username' | 'ip',
    value: string,
    since: Date,
    max: number,
  ): Promise<number> {
    // A success clears a username's failures, never an address's: one valid account must not let
    // an attacker reset the per-IP count while guessing at other accounts.
    const resetBySuccess = column === 'username';
    const [row] = await this.dataSource.query<{ failures: number; last_failure: Date | null }[]>(
      `WITH last_success AS (
         SELECT max(attempted_at) AS at FROM login_attempt WHERE ${column} = $1 AND succeeded AND $3
       )
       SELECT count(*)::int AS failures, max(attempted_at) AS last_failure
         FROM login_attempt, last_success
        WHERE ${column} = $1 AND NOT succeeded AND attempted_at > $2
          -- a failure at the same instant as the success still counts (the safe side)
          AND (last_success.at IS NULL OR attempted_at >= last_success.at)`,
      [value, since, resetBySuccess],
    );
    if (row.failures < max || !row.last_failure) return 0;
    return new Date(row.last_failure).getTime() + this.config.loginLockoutMinutes * MINUTE;
  }
}
