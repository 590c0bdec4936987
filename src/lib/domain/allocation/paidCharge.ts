import type { PaymentReason } from './paymentReason';

/** Part of the new payment given to one charge (a row of `Charges`): how much, what the charge still owed before, and why. */
export type PaidCharge = {
	readonly charge: number;
	readonly amount: number;
	readonly owed: number;
	readonly reason: PaymentReason;
};
