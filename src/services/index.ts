// The application's use cases, built once per server from its database and config.
import type { PrismaClient } from '../db/generated/client.ts';
import { AccountSessionService } from './account-sessions.ts';

export interface ServiceConfig {
  accountSessionTtlSeconds: number;
}

export function createServices(prisma: PrismaClient, config: ServiceConfig) {
  return {
    accountSessions: new AccountSessionService(prisma, config.accountSessionTtlSeconds),
  };
}

export type Services = ReturnType<typeof createServices>;
