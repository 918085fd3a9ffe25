// The movements' descriptors (src/domain/money-movements/movements.ts) against
// what the code they describe does: the events each state machine really emits
// are the descriptor's list and the catalogue's, every list derived from the
// descriptors names every movement, and the self-moving work is one list.
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE, EVENT_TYPES, eventTypesOf } from '../../../src/domain/event-types.ts';
import { FLOW_DIRECTIONS, FLOW_FEATURES, MONEY_MOVEMENT_FLOW_TYPES } from '../../../src/domain/flows.ts';
import { ID_PREFIXES, idType, newId } from '../../../src/domain/ids.ts';
import { FLOW_TYPES } from '../../../src/domain/ledger.ts';
import {
  MOVEMENT_LIST,
  MOVEMENT_STATUSES,
  MOVEMENTS,
  SELF_MOVING_WORK,
  selfMovingSettings,
  withoutSweeps,
  type Movement,
  type MovementState,
} from '../../../src/domain/money-movements/index.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

/** Every way to create one: the received flows are decided on arrival, succeeded or failed. */
function creations(movement: Movement): object[] {
  const base = { type: 'create', amount: 500n, at: at(0) };
  if (movement.flowType === 'received_credit') return [{ ...base, failureCode: null }, { ...base, failureCode: 'other' }];
  if (movement.flowType === 'received_debit') return [{ ...base, failureCode: null }, { ...base, failureCode: 'insufficient_funds' }];
  return [base];
}

/** The events of every step reachable in up to `depth` actions after creation, each action of the machine tried from every state. */
function reachableEvents(movement: Movement, depth = 5): Set<string> {
  const seen = new Set<string>();
  let frontier: MovementState<string, string>[] = [];
  for (const creation of creations(movement)) {
    const first = movement.next(null, creation as never);
    if (!first.ok) throw new Error(`${movement.flowType}: creation refused: ${first.message}`);
    first.events.forEach((e) => seen.add(e));
    frontier.push(first.state);
  }
  for (let i = 1; i <= depth; i++) {
    const next: MovementState<string, string>[] = [];
    for (const state of frontier) {
      for (const type of movement.actions) {
        const step = movement.next(state, { type, amount: 500n, at: at(i), failureCode: null } as never);
        if (!step.ok) continue;
        step.events.forEach((e) => seen.add(e));
        next.push(step.state);
      }
    }
    frontier = next;
  }
  return seen;
}

describe('the money movements, each one record', () => {
  it.each(MOVEMENT_LIST.map((m) => [m.flowType, m] as const))('%s: its machine emits exactly its events, the catalogue\'s for its object', (_flow, movement) => {
    const listed = [...movement.events].sort();
    expect(listed).toEqual(eventTypesOf(movement.object));
    expect([...reachableEvents(movement)].sort()).toEqual(listed);
  });

  it('together emit every event type of the movements\' objects, and only those', () => {
    const objects = new Set(MOVEMENT_LIST.map((m) => m.object));
    const catalogued = EVENT_TYPES.filter((type) => objects.has(EVENT_CATALOGUE[type] as never));
    expect(MOVEMENT_LIST.flatMap((m) => m.events).sort()).toEqual(catalogued);
  });

  it('are the lists that name every movement', () => {
    const flows = MOVEMENT_LIST.map((m) => m.flowType);
    expect(MONEY_MOVEMENT_FLOW_TYPES).toEqual(flows);
    for (const flow of flows) expect(FLOW_TYPES).toContain(flow);
    expect(Object.keys(FLOW_DIRECTIONS).sort()).toEqual([...flows].sort());
    expect(Object.keys(FLOW_FEATURES).sort()).toEqual([...flows].sort());
    expect(Object.keys(MOVEMENT_STATUSES).sort()).toEqual([...flows].sort());
    for (const movement of MOVEMENT_LIST) {
      expect(MOVEMENTS[movement.flowType]).toBe(movement);
      expect(FLOW_DIRECTIONS[movement.flowType]).toBe(movement.direction);
      expect(FLOW_FEATURES[movement.flowType]).toBe(movement.features);
      expect(MOVEMENT_STATUSES[movement.flowType]).toBe(movement.statuses);
      // Its id type: the prefix new ids carry, which node(id:) dispatches on.
      expect(ID_PREFIXES[movement.typeName]).toBe(movement.idPrefix);
      expect(idType(newId(movement.typeName))).toBe(movement.typeName);
      // Stripe's object name is `treasury.` and the flow type.
      expect(movement.object).toBe(`treasury.${movement.flowType}`);
    }
    // No two types share a prefix.
    expect(new Set(Object.values(ID_PREFIXES)).size).toBe(Object.keys(ID_PREFIXES).length);
  });

  it('say what Stripe does by itself, in one list with its settings', () => {
    const names = SELF_MOVING_WORK.map((w) => w.name);
    expect(names).toEqual(['featureActivation', 'stripeNetworkPosting', 'creditReversalPosting', 'debitReversalCompletion']);
    expect(new Set(SELF_MOVING_WORK.map((w) => w.env)).size).toBe(names.length);
    const defaults = selfMovingSettings();
    expect(Object.keys(defaults).sort()).toEqual(names.flatMap((n) => [`${n}DelayMs`, `${n}SweepMs`]).sort());
    for (const work of SELF_MOVING_WORK) {
      expect(defaults[`${work.name}DelayMs` as keyof typeof defaults]).toBe(work.delayMs);
      expect(work.delayMs).toBeLessThanOrEqual(work.maxDelayMs);
    }
    expect(selfMovingSettings({ creditReversalPostingDelayMs: 7 }).creditReversalPostingDelayMs).toBe(7);
    expect(Object.keys(withoutSweeps()).sort()).toEqual(names.map((n) => `${n}SweepMs`).sort());
  });
});
