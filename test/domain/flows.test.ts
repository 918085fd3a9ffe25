import { describe, it, expect } from 'vitest';
import { FEATURES, FEATURE_DIRECTIONS, type Feature } from '../../src/domain/features.ts';
import { FLOW_TYPES } from '../../src/domain/ledger.ts';
import {
  FEATURE_NOT_ACTIVE,
  FINANCIAL_ACCOUNT_CLOSED,
  FLOW_DIRECTIONS,
  FLOW_FEATURES,
  MONEY_MOVEMENT_FLOW_TYPES,
  NETWORKS,
  RESTRICTED_BY_PLATFORM,
  checkFlowAllowed,
  featuresForFlow,
  networksFor,
  requiredFeature,
  restrictionFor,
  type FlowAccountContext,
} from '../../src/domain/flows.ts';

const open = (features: Feature[], restrictions: Partial<FlowAccountContext['restrictions']> = {}): FlowAccountContext => ({
  open: true,
  activeFeatures: new Set(features),
  restrictions: { inboundFlows: 'unrestricted', outboundFlows: 'unrestricted', ...restrictions },
});

describe('the feature each flow needs', () => {
  it.each([
    ['outbound_transfer', 'ach', 'outbound_transfers_ach'],
    ['outbound_transfer', 'us_domestic_wire', 'outbound_transfers_us_domestic_wire'],
    ['outbound_transfer', 'stripe', 'intra_stripe_flows'],
    ['outbound_payment', 'ach', 'outbound_payments_ach'],
    ['outbound_payment', 'us_domestic_wire', 'outbound_payments_us_domestic_wire'],
    ['outbound_payment', 'stripe', 'intra_stripe_flows'],
    ['inbound_transfer', 'ach', 'inbound_transfers_ach'],
    ['received_credit', 'ach', 'financial_addresses_aba'],
    ['received_credit', 'us_domestic_wire', 'financial_addresses_aba'],
    ['received_credit', 'stripe', 'intra_stripe_flows'],
    ['received_debit', 'ach', 'financial_addresses_aba'],
    ['credit_reversal', 'ach', 'financial_addresses_aba'],
    ['debit_reversal', 'ach', 'financial_addresses_aba'],
  ] as const)('%s over %s needs %s', (flow, network, feature) => {
    expect(requiredFeature(flow, network)).toBe(feature);
  });

  it("uses only each flow's own networks (its schema's `network` enum)", () => {
    expect(networksFor('outbound_transfer')).toEqual(['ach', 'stripe', 'us_domestic_wire']);
    expect(networksFor('inbound_transfer')).toEqual(['ach']);
    expect(networksFor('received_credit')).toEqual(['ach', 'card', 'stripe', 'us_domestic_wire']);
    expect(networksFor('received_debit')).toEqual(['ach', 'card', 'stripe']);
    expect(networksFor('credit_reversal')).toEqual(['ach', 'stripe']);
    expect(networksFor('debit_reversal')).toEqual(['ach', 'card']);
    expect(requiredFeature('inbound_transfer', 'us_domestic_wire')).toBeUndefined();
  });

  it('every feature named is a real feature, and every money movement is a Stripe flow type', () => {
    for (const flow of MONEY_MOVEMENT_FLOW_TYPES) {
      expect(FLOW_TYPES).toContain(flow);
      for (const [network, feature] of Object.entries(FLOW_FEATURES[flow])) {
        expect(NETWORKS).toContain(network);
        expect(FEATURES).toContain(feature);
      }
    }
  });

  it('featuresForFlow lists each enabling feature once', () => {
    expect(featuresForFlow('outbound_transfer')).toEqual(['intra_stripe_flows', 'outbound_transfers_ach', 'outbound_transfers_us_domestic_wire']);
    expect(featuresForFlow('received_credit')).toEqual(['card_issuing', 'financial_addresses_aba', 'intra_stripe_flows']);
  });

  it("agrees with the feature lifecycle's directions for the one-way features", () => {
    // The ABA address and intra-Stripe flows carry money both ways (a ReceivedDebit leaves through the
    // address), so the flow's own direction decides which restriction stops it; the transfer and payment
    // features serve one direction, which must be the flow's.
    for (const flow of ['outbound_transfer', 'outbound_payment', 'inbound_transfer'] as const) {
      for (const network of ['ach', 'us_domestic_wire'] as const) {
        const feature = requiredFeature(flow, network);
        if (feature) expect(FEATURE_DIRECTIONS[feature]).toEqual([restrictionFor(flow)]);
      }
    }
  });
});

describe('restrictions', () => {
  it('money out is stopped by outbound_flows, money in by inbound_flows', () => {
    expect(FLOW_DIRECTIONS).toMatchObject({ outbound_transfer: 'outbound', received_debit: 'outbound', credit_reversal: 'outbound' });
    expect(restrictionFor('outbound_payment')).toBe('outbound_flows');
    expect(restrictionFor('received_debit')).toBe('outbound_flows');
    expect(restrictionFor('received_credit')).toBe('inbound_flows');
    expect(restrictionFor('inbound_transfer')).toBe('inbound_flows');
    expect(restrictionFor('debit_reversal')).toBe('inbound_flows');
  });
});

describe('checkFlowAllowed', () => {
  it('returns the feature a permitted flow uses', () => {
    expect(checkFlowAllowed('outbound_transfer', 'ach', open(['outbound_transfers_ach']))).toEqual({ ok: true, value: 'outbound_transfers_ach' });
  });

  it('refuses a network the flow never uses, on the network field', () => {
    expect(checkFlowAllowed('inbound_transfer', 'us_domestic_wire', open(['inbound_transfers_ach']))).toMatchObject({
      ok: false,
      code: 'parameter_invalid',
      field: ['network'],
    });
  });

  it('checks, in order: closed account, platform restriction, feature', () => {
    const all = open([...FEATURES], { outboundFlows: 'restricted' });
    expect(checkFlowAllowed('outbound_transfer', 'ach', { ...all, open: false })).toMatchObject({ ok: false, code: FINANCIAL_ACCOUNT_CLOSED });
    expect(checkFlowAllowed('outbound_transfer', 'ach', all)).toMatchObject({ ok: false, code: RESTRICTED_BY_PLATFORM, field: ['financialAccount'] });
    // The outbound restriction does not stop money coming in.
    expect(checkFlowAllowed('received_credit', 'ach', all)).toEqual({ ok: true, value: 'financial_addresses_aba' });
    expect(checkFlowAllowed('received_credit', 'ach', open([], { inboundFlows: 'restricted' }))).toMatchObject({ code: RESTRICTED_BY_PLATFORM });
    const r = checkFlowAllowed('outbound_transfer', 'us_domestic_wire', open(['outbound_transfers_ach']));
    expect(r).toMatchObject({ ok: false, code: FEATURE_NOT_ACTIVE });
    expect(!r.ok && r.message).toMatch(/outbound_transfers_us_domestic_wire/);
  });
});
