// What the money movement types share in the schema: the bank account side of
// their payment method details, the idempotency key of their mutations, and
// the mutations on one stored movement ({ <movement>, idempotencyKey, ... } in,
// the movement and userErrors out).
import type { InputFieldBuilder, InputFieldMap, InputShapeFromFields, ObjectRef } from '@pothos/core';
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
export interface MovementObject<Field extends string = string> {
  /** The input and payload field: "outboundTransfer". */
  field: Field;
  /** Its name in descriptions: "outbound transfer". */
  label: string;
  /** Its id's prefix: "obt". */
  prefix: string;
  type: ObjectRef<any, object>;
  load: (ctx: Context, id: string) => Promise<object | null>;
}

/** The fields a movement mutation adds to the movement and the idempotency key. */
export type ExtraFields<Extra extends InputFieldMap> = (t: InputFieldBuilder<BuilderTypes, 'InputObject'>) => Extra;

/** A movement mutation's input as its service takes it: the movement's id under its field, and the extra fields. */
export type MovementInput<Field extends string, Extra extends InputFieldMap> = Record<Field, string> & InputShapeFromFields<Extra>;

/** A mutation on one stored movement: { <field>, ...more, idempotencyKey } in, the movement and userErrors out. */
export function movementMutation<Field extends string, Extra extends InputFieldMap>(
  movement: MovementObject<Field>,
  name: string,
  description: string,
  extraFields: ExtraFields<Extra>,
  run: (ctx: Context, input: MovementInput<Field, Extra>, key: string | null | undefined) => Promise<{ id: string }>,
) {
  const capital = name[0].toUpperCase() + name.slice(1);
  // A key computed from a type parameter (the movement's field) widens to an index signature, so Pothos cannot infer
  // this input's shape from its fields: the resolver reads it as a record, and `run` gets it as declared above.
  const Input = builder.inputRef<Record<string, unknown> & { idempotencyKey?: string | null }, false>(`${capital}Input`).implement({
    fields: (t) => ({
      [movement.field]: t.id({ required: true, description: `The ${movement.label} (\`${movement.prefix}_...\`).` }),
      ...extraFields(t),
      idempotencyKey: idempotencyKeyField(t),
    }),
  });
  builder.mutationField(name, (t) =>
    t.field({
      type: objectPayload(`${capital}Payload`, movement),
      description,
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: (_root, { input }, ctx) =>
        asPayload(ctx, async () => {
          const { idempotencyKey: key, ...fields } = input;
          return run(ctx, fields as MovementInput<Field, Extra>, key);
        }),
    }),
  );
}
