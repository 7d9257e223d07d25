import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { badRequest } from '@varna/core';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  /** A real hash to verify against when the username is unknown, so timing does not tell. */
  private dummyHash?: Promise<string>;

  /** `field` names the request field in the error details (`password`, `newPassword`). */
  assertAcceptable(password: string, field = 'password'): void {
    if ([...password].length < PASSWORD_MIN_LENGTH) {
      throw badRequest('PASSWORD_TOO_SHORT', `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`, [
        { field, messages: [`minst ${PASSWORD_MIN_LENGTH} tecken`] },
      ]);
    }
    if (password.length > PASSWORD_MAX_LENGTH) {
      throw badRequest('PASSWORD_TOO_LONG', `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`, [
        { field, messages: [`högst ${PASSWORD_MAX_LENGTH} tecken`] },
      ]);
    }
  }

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (passwordHash === null) {
      this.dummyHash ??= hash('no such user – constant time', OPTIONS);
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
