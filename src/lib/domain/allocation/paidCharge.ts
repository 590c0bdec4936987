import type { Charge } from './charge';
import type { PaymentReason } from './paymentReason';

/** Part of the new payment given to one charge: how much, what the charge still owed before, and why. */
export type PaidCharge = {
	readonly charge: Charge;
	readonly amount: number;
	readonly owed: number;
	readonly reason: PaymentReason;
};
