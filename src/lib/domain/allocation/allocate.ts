import type { AllocationSplit } from './allocationSplit';
import { buildCharges } from './buildCharges';
import type { Charge } from './charge';
import { chargeSplit } from './chargeSplit';
import { freeCredits } from './freeCredits';
import type { ValidAllocationInput } from './ledgerIds';
import { linkExplicitCredits } from './linkExplicitCredits';
import { linkImplicitCredits } from './linkImplicitCredits';
import { linkingOrder } from './linkingOrder';
import { offsetAdjustments } from './offsetAdjustments';
import { OwnerNumbers } from './ownerNumbers';
import { payCharges } from './payCharges';
import { payFirstCharges } from './payFirstCharges';
import { paymentOrder } from './paymentOrder';
import type { PaymentReason } from './paymentReason';
import { prepaymentSplit } from './prepaymentSplit';

/**
 * Mode `allocate`: rules 1–9 of `shared/allocation.md`, Open Dental's `PaymentEdit` auto-split.
 * Takes a validated input; works on a fresh list of charges, so the input is never changed.
 */
export function allocate({ input, ids }: ValidAllocationInput): AllocationSplit[] {
	const { payment, options, ledger } = input;
	const owners = new OwnerNumbers();
	const list = buildCharges(input, ids, owners); // rules 1–3
	const { charges } = list;
	const unlinked = linkExplicitCredits(input, ids, list, owners); // rule 4
	if (options.adjustmentsOffsetEachOther) offsetAdjustments(charges); // rule 5
	const first = payFirstCharges(list, ids, options.payFirst, options.order, payment.amount); // rule 6
	const ordered = linkingOrder(charges, { preferPatient: options.preferPatient, payingPatientId: payment.patientId, payFirst: options.payFirst });
	const credits = freeCredits(unlinked, ledger.unearnedTypes, options.clinicsEnabled, owners);
	linkImplicitCredits(ordered, credits, owners.owners); // rule 7

	const reasonFor = (charge: Charge): PaymentReason => {
		if (!options.preferPatient) return 'oldest_first';
		return charge.patientId === payment.patientId ? 'own_first' : 'family_after_own';
	};
	const walk = payCharges(paymentOrder(charges, options.preferPatient, payment.patientId), first.remaining, reasonFor); // rule 8
	const splits = [...first.paid, ...walk.paid].map(chargeSplit);
	if (walk.remaining > 0) {
		// Rule 9: what is left is kept as prepayment.
		splits.push(prepaymentSplit(input, walk.remaining, splits.length === 0 ? 'nothing_owed' : 'remainder'));
	}
	return splits;
}
