import { formatMoney } from '../money/formatMoney';
import type { Charge } from './charge';
import { describeCharge } from './describeCharge';
import type { PaidCharge } from './paidCharge';
import type { PaymentReason } from './paymentReason';

function opening(reason: PaymentReason): string {
	switch (reason) {
		case 'pay_first':
			return 'Picked to be paid first';
		case 'oldest_first':
			return 'Oldest balance due';
		case 'own_first':
			return "This patient's own balance first";
		case 'family_after_own':
			return "Family member's balance, reached once this patient's own charges were paid";
		default: {
			const unhandled: never = reason;
			return unhandled;
		}
	}
}

/** The one plain sentence staff read beside a split to `charge`: why this charge, and what it owed. */
export function explainPaidCharge(charge: Charge, paid: PaidCharge): string {
	const owed = formatMoney(paid.owed);
	const tail = paid.amount < paid.owed ? `; this pays ${formatMoney(paid.amount)} of it` : '';
	return `${opening(paid.reason)}: ${describeCharge(charge)} — ${owed} owed${tail}.`;
}
