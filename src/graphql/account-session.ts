// AccountSession: a short-lived credential for one connected account's frontend.
import type { CreatedAccountSession } from '../services/account-sessions.ts';
import { builder } from './builder.ts';
import { ConnectedAccount } from './connected-account.ts';
import { required } from './required.ts';
import { asPayload, UserError, type UserErrorShape } from './user-error.ts';

const AccountSession = builder.objectRef<CreatedAccountSession>('AccountSession').implement({
  description:
    'A session for one connected account. Its client secret is shown once, here: hand it to that account\'s frontend, ' +
    'which sends it as `Authorization: Bearer <clientSecret>` and then sees and changes only that account\'s objects.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Unique identifier, `accs_...`.' }),
    account: t.field({
      type: ConnectedAccount,
      description: 'The connected account the session acts as.',
      resolve: (s, _args, ctx) => ctx.loaders.connectedAccount.load(s.accountId).then(required),
    }),
    clientSecret: t.exposeString('clientSecret', { description: 'The bearer credential for the account\'s frontend.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the client secret stops working.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
  }),
});

const CreateAccountSessionInput = builder.inputType('CreateAccountSessionInput', {
  fields: (t) => ({
    account: t.id({ required: true, description: 'The connected account (`acct_...`) the session is for.' }),
  }),
});

const CreateAccountSessionPayload = builder
  .objectRef<{ accountSession?: CreatedAccountSession; userErrors: UserErrorShape[] }>('CreateAccountSessionPayload')
  .implement({
    fields: (t) => ({
      accountSession: t.field({
        type: AccountSession,
        nullable: true,
        description: 'The new session; null when userErrors says why there is none.',
        resolve: (p) => p.accountSession ?? null,
      }),
      userErrors: t.field({ type: [UserError], description: 'Why nothing happened; empty on success.', resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationField('createAccountSession', (t) =>
  t.field({
    type: CreateAccountSessionPayload,
    description: 'Creates a short-lived client secret for one connected account\'s frontend (platform secret key only).',
    args: { input: t.arg({ type: CreateAccountSessionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => ({ accountSession: await ctx.services.accountSessions.create(ctx.viewer, input) })),
  }),
);
