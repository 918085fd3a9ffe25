// The event catalogue (src/events/catalogue.ts): the one list of event types,
// which the GraphQL enum is built from, and the financial accounts each
// recorded event touches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE, EVENT_TYPES } from '../src/events/catalogue.ts';
import { createConnectedAccount, createFinancialAccount, createPlatform } from './support/fixtures.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';

let gateway: TestGateway;
let key: string;
let platformId: string;

beforeAll(async () => {
  gateway = await startGateway();
  ({ platformId, secretKey: key } = await createPlatform(gateway));
});

afterAll(() => gateway?.stop());

describe('the event catalogue', () => {
  it('is the GraphQL EventType enum, value for value', async () => {
    const res = await gateway.graphql('{ __type(name: "EventType") { enumValues { name } } }', { token: key });
    const names = res.data.__type.enumValues.map((v: { name: string }) => v.name);
    expect(names).toEqual(EVENT_TYPES.map((type) => type.replace(/[.]/g, '_').toUpperCase()));
    // Each type's object kind is the type's middle part, as in Stripe's convention.
    for (const [type, kind] of Object.entries(EVENT_CATALOGUE)) expect(type.startsWith(`${kind}.`)).toBe(true);
  });

  it('records on each event the financial accounts it touches', async () => {
    const owner = await createConnectedAccount(gateway, platformId);
    const fa = await createFinancialAccount(gateway, { platformId, accountId: owner.id });
    await gateway.server.services.financialAccounts.update(
      { platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 'test', expiresAt: null },
      { financialAccount: fa.id, metadata: { team: 'ops' } },
    );
    const events = await gateway.db.prisma.event.findMany({ where: { platformId }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => [e.type, e.financialAccountIds])).toEqual([
      ['account.created', []],
      ['treasury.financial_account.created', [fa.id]],
      ['treasury.financial_account.features_status_updated', [fa.id]],
      ['treasury.financial_account.updated', [fa.id]],
    ]);
    // Selectable by financial account, through the array's index.
    const touching = await gateway.db.prisma.event.count({ where: { financialAccountIds: { has: fa.id } } });
    expect(touching).toBe(3);
  });
});
