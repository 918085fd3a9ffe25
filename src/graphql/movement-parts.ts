// What the money movement types share in the schema: the bank account side of
// their payment method details, the idempotency key of their mutations, and
// the mutations on one stored movement ({ <movement>, idempotencyKey, ... } in,
// the movement and userErrors out).
import type { InputFieldBuilder, ObjectRef } from '@pothos/core';
import type { Context } from '../context.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { UsBankAccountHolderType, UsBankAccountNetwork, UsBankAccountType } from './payment-method.ts';
import { asPayload, objectPayload } from './user-error.ts';

export interface BankAccountDetailsShape {
  accountHolderType: 'company' | 'individual' | null;
  accountType: 'checking' | 'savings';
  bankName: string | null;
  fingerprint: string;
  last4: string;
  network: 'ach' | 'us_domestic_wire';
  routingNumber: string;
}

/** A movement's `us_bank_account` details: the bank account as it was when the movement was created (no full account number). */
export function bankAccountDetailsType(name: string, description: string) {
  return builder.objectRef<BankAccountDetailsShape>(name).implement({
    description,
    fields: (t) => ({
      accountHolderType: t.expose('accountHolderType', { type: UsBankAccountHolderType, nullable: true, description: 'Individual or company.' }),
      accountType: t.expose('accountType', { type: UsBankAccountType, description: 'Checking or savings.' }),
      bankName: t.exposeString('bankName', { nullable: true, description: 'Name of the bank.' }),
      fingerprint: t.exposeString('fingerprint', { description: 'Identifies the bank account across payment methods.' }),
      last4: t.exposeString('last4', { description: 'Last four digits of the account number.' }),
      network: t.expose('network', { type: UsBankAccountNetwork, description: 'The network the money travels over.' }),
      routingNumber: t.exposeString('routingNumber', { description: 'ABA routing number.' }),
    }),
  });
}

/** A create mutation's input: the service's input, and Stripe's Idempotency-Key, which the service takes apart. */
export type Idempotent<Input> = Input & { idempotencyKey?: string | null };

export const idempotencyKeyField = (t: InputFieldBuilder<BuilderTypes, 'InputObject'>) =>
  t.string({
    required: false,
    description: 'Stripe\'s Idempotency-Key: a replay with the same key and input returns the first result and moves no money.',
  });

/** A movement type, as its mutations name and return it. */
export interface MovementObject {
  /** The input and payload field: "outboundTransfer". */
  field: string;
  /** Its name in descriptions: "outbound transfer". */
  label: string;
  /** Its id's prefix: "obt". */
  prefix: string;
  type: ObjectRef<any, object>;
  load: (ctx: Context, id: string) => Promise<object | null>;
}

/** A mutation on one stored movement: { <field>, ...more, idempotencyKey } in, the movement and userErrors out. */
export function movementMutation<Extra extends Record<string, unknown>>(
  movement: MovementObject,
  name: string,
  description: string,
  extraFields: (t: any) => Extra,
  run: (ctx: Context, input: Record<string, unknown>, key: string | null | undefined) => Promise<{ id: string }>,
) {
  const capital = name[0].toUpperCase() + name.slice(1);
  const Input = builder.inputType(`${capital}Input`, {
    fields: (t) =>
      ({
        [movement.field]: t.id({ required: true, description: `The ${movement.label} (\`${movement.prefix}_...\`).` }),
        ...extraFields(t),
        idempotencyKey: idempotencyKeyField(t),
      }) as any,
  });
  builder.mutationField(name, (t) =>
    t.field({
      type: objectPayload(`${capital}Payload`, movement),
      description,
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: (_root, { input }, ctx) =>
        asPayload(ctx, async () => {
          const { idempotencyKey: key, ...fields } = input as Record<string, unknown>;
          return run(ctx, fields, key as string | null | undefined);
        }),
    }),
  );
}
