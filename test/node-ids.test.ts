// Every Node type's `id` is resolved without a promise (sync-node-ids.ts): a
// large read resolves thousands of them, and each promise was CPU and garbage.
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';

describe('Node ids', () => {
  const nodeTypes = Object.values(schema.getTypeMap()).filter(
    (type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'),
  );

  it('covers every Node type of the schema', () => {
    expect(nodeTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['Transaction', 'TransactionEntry', 'FinancialAccount', 'ConnectedAccount']));
  });

  it.each(nodeTypes.map((type) => [type.name, type] as const))('%s.id returns the row id itself, not a promise', (_name, type) => {
    const field = (type as import('graphql').GraphQLObjectType).getFields().id;
    const value = field.resolve!({ id: 'trxn_1234' }, {}, {}, {} as never);
    expect(value).toBe('trxn_1234');
  });
});
