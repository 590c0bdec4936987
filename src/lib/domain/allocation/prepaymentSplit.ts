import { cents } from '../money/cents';
import { formatMoney } from '../money/formatMoney';
import type { AllocationInput } from './allocationInput';
import type { AllocationSplit } from './allocationSplit';
import { effectiveClinic } from './effectiveClinic';

/** Why money was kept unearned rather than put on a charge; the split is the same, the sentence differs. */
export type PrepaymentCause = 'remainder' | 'nothing_owed' | 'post_only';

function sentence(cause: PrepaymentCause, amount: string, typeName: string, patientId: string): string {
	switch (cause) {
		case 'remainder':
			return `Remaining ${amount} left after every charge was paid: kept as ${typeName} (unearned) for patient ${patientId}.`;
		case 'nothing_owed':
			return `Nothing is owed on the family's account, so the whole ${amount} is kept as ${typeName} (unearned) for patient ${patientId}.`;
		case 'post_only':
			return `Posted without allocating: the whole ${amount} is kept as ${typeName} (unearned) for patient ${patientId}.`;
		default: {
			const unhandled: never = cause;
			return unhandled;
		}
	}
}

/**
 * Rule 9 and `post_only`: one split of the prepayment unearned type for the paying patient, with no
 * provider and no charge, at the payment's clinic when clinics are on (Open Dental's remainder split
 * in `AutoSplitForPayment`, and the API's `isPrepayment`).
 */
export function prepaymentSplit(input: AllocationInput, amount: number, cause: PrepaymentCause): AllocationSplit {
	const { payment, options, ledger } = input;
	const type = ledger.unearnedTypes.find((candidate) => candidate.id === options.prepaymentType);
	const typeName = type && type.name.trim() !== '' ? type.name.slice(0, 40) : 'prepayment';
	return {
		patientId: payment.patientId,
		providerId: null,
		clinicId: effectiveClinic(payment.clinicId, options.clinicsEnabled),
		amount: cents(amount),
		unearnedType: options.prepaymentType,
		reason: sentence(cause, formatMoney(amount), typeName, payment.patientId)
	};
}
