import { cents } from '../money/cents';
import type { AllocationInput } from './allocationInput';
import type { AllocationSplit } from './allocationSplit';
import { chargeOf } from './charge';
import { explainPaidCharge } from './explainPaidCharge';
import type { PaidCharge } from './paidCharge';

/** Rule 8: the split for money given to a charge carries that charge's patient, provider and clinic, and names it. */
export function chargeSplit(input: AllocationInput, paid: PaidCharge): AllocationSplit {
	const charge = chargeOf(input, paid.charge);
	const link = charge.kind === 'procedure' ? { procedureId: charge.id } : { adjustmentId: charge.id };
	return {
		patientId: charge.patientId,
		providerId: charge.providerId,
		clinicId: charge.clinicId,
		amount: cents(paid.amount),
		...link,
		reason: explainPaidCharge(charge, paid)
	};
}
