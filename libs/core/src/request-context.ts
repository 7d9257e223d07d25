import { AsyncLocalStorage } from 'node:async_hooks';

/** What one request carries through the call stack: its correlation id and, once known, the actor. */
export interface RequestContextData {
  correlationId: string;
  actorId?: string;
  tenantId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
