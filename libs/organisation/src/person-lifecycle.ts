import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type AccountClosedHook = (manager: EntityManager, personId: string) => Promise<void>;

/**
 * What must happen, in the same transaction, when an account is closed (status INACTIVE). libs/auth
 * registers the revocation of the person's sessions, so reopening the account never revives them.
 */
@Injectable()
export class PersonLifecycle {
  private readonly onClosed: AccountClosedHook[] = [];

  whenAccountClosed(hook: AccountClosedHook): void {
    this.onClosed.push(hook);
  }

  async accountClosed(manager: EntityManager, personId: string): Promise<void> {
    for (const hook of this.onClosed) await hook(manager, personId);
  }
}
