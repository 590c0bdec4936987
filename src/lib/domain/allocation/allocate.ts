import type { AllocationSplit } from './allocationSplit';
import { buildCharges } from './buildCharges';
import { chargeOrder } from './chargeOrder';
import { chargeSplit } from './chargeSplit';
import { freeCredits } from './freeCredits';
import type { ValidAllocationInput } from './ledgerRefs';
import { linkExplicitCredits } from './linkExplicitCredits';
import { linkImplicitCredits } from './linkImplicitCredits';
import { linkingOrder } from './linkingOrder';
import { offsetAdjustments } from './offsetAdjustments';
import { numberOwners } from './ownerNumbers';
import { payCharges } from './payCharges';
import { payFirstCharges } from './payFirstCharges';
import { paymentOrder } from './paymentOrder';
import type { PaymentReason } from './paymentReason';
import { prepaymentSplit } from './prepaymentSplit';

/**
 * Mode `allocate`: rules 1–9 of `shared/allocation.md`, Open Dental's `PaymentEdit` auto-split.
 * Takes a validated input; works on columns of its own (`Charges`, `Credits`), so the input is
 * never changed. Charges are numbers throughout (procedures, then adjustments); only the few the
 * new payment reaches are read back from the input to write their splits.
 */
export function allocate({ input, refs }: ValidAllocationInput): AllocationSplit[] {
	const { payment, options, ledger } = input;
	const owners = numberOwners(input, refs);
	const charges = buildCharges(input, refs, owners); // rules 1, 3
	const order = chargeOrder(input, refs, charges); // rule 2
	const unlinked = linkExplicitCredits(input, refs, charges, order, owners); // rule 4
	if (options.adjustmentsOffsetEachOther) offsetAdjustments(charges, order, owners.list.length); // rule 5

	const picked = new Uint8Array(charges.count);
	for (let index = 0; index < refs.payFirst.length; index++) picked[refs.payFirst[index] as number] = 1;
	const own = new Uint8Array(charges.count);
	if (options.preferPatient) {
		// Patient ids are unique, so the same index is the same patient.
		const { procedurePatients, adjustmentPatients, payingPatient } = refs;
		for (let index = 0; index < procedurePatients.length; index++) if (procedurePatients[index] === payingPatient) own[index] = 1;
		for (let index = 0; index < adjustmentPatients.length; index++) if (adjustmentPatients[index] === payingPatient) own[charges.procedureCount + index] = 1;
	}
	const first = payFirstCharges(charges, order, picked, payment.amount); // rule 6
	const credits = freeCredits(ledger, refs, unlinked, owners);
	linkImplicitCredits(charges, linkingOrder(order, own, picked), credits, owners.list); // rule 7

	const reason: PaymentReason = options.preferPatient ? 'own_first' : 'oldest_first';
	const reasonFor = (charge: number): PaymentReason => (reason === 'own_first' && own[charge] === 0 ? 'family_after_own' : reason);
	const walk = payCharges(charges.balance, paymentOrder(order, options.preferPatient, own), first.remaining, reasonFor); // rule 8
	const splits: AllocationSplit[] = [];
	for (const paid of first.paid) splits.push(chargeSplit(input, paid));
	for (const paid of walk.paid) splits.push(chargeSplit(input, paid));
	if (walk.remaining > 0) {
		// Rule 9: what is left is kept as prepayment.
		splits.push(prepaymentSplit(input, walk.remaining, splits.length === 0 ? 'nothing_owed' : 'remainder'));
	}
	return splits;
}
