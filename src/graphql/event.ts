// Event: a change, as Stripe reports it, with the object as it became.
import type { EventRecord } from '../events/event-bus.ts';
import { checkTimeRange, type TimeRange as TimeRangeValue } from '../domain/list-filters.ts';
import { pageRequest } from '../domain/pagination.ts';
import { builder } from './builder.ts';
import { ConnectedAccount } from './connected-account.ts';
import { FinancialAccount } from './financial-account.ts';
import { liveEvents, onEvent } from './live.ts';
import { stripeEnum } from './stripe-enum.ts';
import { TimeRange } from './time-range.ts';
import { EVENT_TYPES, type EventType as EventTypeName } from '../events/catalogue.ts';

// Built from the catalogue in src/events: the one list of event types.
export const EventType = stripeEnum('EventType', EVENT_TYPES, {
  description:
    'Stripe\'s event type, with dots as underscores (`treasury.financial_account.created` → TREASURY_FINANCIAL_ACCOUNT_CREATED). ' +
    'ACCOUNT_CREATED is the gateway\'s own: Stripe reports new accounts only through account.updated.',
});

export const Event = builder.objectRef<EventRecord>('Event');

builder.node(Event, {
  description:
    'An event: a change to an object, as Stripe reports it. Written in the same database transaction as the change, ' +
    'so there is an event for every change and a change for every event.',
  id: { resolve: (e) => e.id, description: 'Unique identifier, `evt_...`.' },
  loadOne: (id, ctx) => ctx.loaders.event.load(id),
  fields: (t) => ({
    type: t.field({ type: EventType, description: 'What happened.', resolve: (e) => e.type as EventTypeName }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When the change was committed.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    objectId: t.exposeID('objectId', { description: 'The id of the object the event is about.' }),
    data: t.field({
      type: 'JSON',
      description:
        '`{ object, previous_attributes }`: the object as it became, in Stripe\'s JSON shape (snake_case, amounts in minor units, ' +
        'times in unix seconds), and for updates the values it had before. Full bank account numbers are never included.',
      resolve: (e) => e.data,
    }),
    connectedAccount: t.field({
      type: ConnectedAccount,
      nullable: true,
      description: 'The connected account whose object changed; null for the platform\'s own.',
      resolve: (e, _args, ctx) => (e.accountId === e.platformId ? null : ctx.loaders.connectedAccount.load(e.accountId)),
    }),
    financialAccount: t.field({
      type: FinancialAccount,
      nullable: true,
      description: 'The financial account the event is about, as it is now; null for other events.',
      resolve: (e, _args, ctx) => (e.objectId.startsWith('fa_') ? ctx.loaders.financialAccount.load(e.objectId) : null),
    }),
  }),
});

const EventFilter = builder.inputType('EventFilter', {
  description: 'Filters of the event list.',
  fields: (t) => ({
    types: t.field({ type: [EventType], required: false, description: 'Only events of these types.' }),
    created: t.field({ type: TimeRange, required: false, description: 'Only events created in this range.' }),
  }),
});

builder.queryFields((t) => ({
  event: t.field({
    type: Event,
    nullable: true,
    description: 'An event by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.event.load(args.id),
  }),
  events: t.connection({
    type: Event,
    description: 'The events you may see, newest first.',
    args: { filter: t.arg({ type: EventFilter, required: false }) },
    resolve: (_root, args, ctx) => {
      checkTimeRange(args.filter?.created as TimeRangeValue | undefined, ['filter', 'created']);
      return ctx.loaders.eventsPage(args.filter, pageRequest(args, 'createdAt'));
    },
  }),
}));

builder.subscriptionField('events', (t) =>
  t.field({
    type: Event,
    description:
      'Every event you may see, as it is committed. With `after`, first every event you missed after that one, in order, ' +
      'then live ones: a client that reconnects with the last id it saw loses nothing and sees nothing twice. ' +
      'Over server-sent events each message carries the event id (`id:`), and a reconnecting client\'s `Last-Event-ID` ' +
      'header acts as `after` when `after` is not given.',
    args: {
      types: t.arg({ type: [EventType], required: false, description: 'Only events of these types.' }),
      after: t.arg.id({ required: false, description: 'Replay the events after this one first (`evt_...`).' }),
    },
    subscribe: (_root, args, ctx) =>
      liveEvents(ctx, {
        types: args.types ?? null,
        // The explicit argument wins: a client that names where to resume means it.
        ...(args.after ? { after: args.after } : { after: ctx.sse?.lastEventId, afterSource: 'Last-Event-ID' as const }),
      }),
    resolve: (payload, _args, ctx) =>
      onEvent(payload, (event) => {
        ctx.sse?.deliver(event.id);
        return event;
      }),
  }),
);
