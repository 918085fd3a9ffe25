// Stripe's `treasury_shared_resource_billing_details`: the holder of the other
// side of a money movement, as the movements store it (camelCased JSON).
import { builder } from './builder.ts';

export interface BillingDetailsShape {
  name: string | null;
  email: string | null;
  address: { city: string | null; country: string | null; line1: string | null; line2: string | null; postalCode: string | null; state: string | null };
}

const TreasuryAddress = builder.objectRef<BillingDetailsShape['address']>('TreasuryAddress').implement({
  description: 'An address; every part is null when not known.',
  fields: (t) => ({
    city: t.exposeString('city', { nullable: true, description: 'City, district, suburb, town, or village.' }),
    country: t.exposeString('country', { nullable: true, description: 'Two-letter ISO country code.' }),
    line1: t.exposeString('line1', { nullable: true, description: 'Address line 1.' }),
    line2: t.exposeString('line2', { nullable: true, description: 'Address line 2.' }),
    postalCode: t.exposeString('postalCode', { nullable: true, description: 'ZIP or postal code.' }),
    state: t.exposeString('state', { nullable: true, description: 'State, county, province, or region.' }),
  }),
});

export const TreasuryBillingDetails = builder.objectRef<BillingDetailsShape>('TreasuryBillingDetails').implement({
  description: 'Who holds the account on the other side of a money movement (Stripe\'s `billing_details`).',
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: 'Full name.' }),
    email: t.exposeString('email', { nullable: true, description: 'Email address.' }),
    address: t.field({ type: TreasuryAddress, description: 'Address.', resolve: (b) => b.address }),
  }),
});
