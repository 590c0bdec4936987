import type { Claim, ClaimStatus, Procedure } from '../ledger/ledger';

/** What one claim takes off the fee; a closed mapping, so a new claim status fails to build here. */
function insuranceShare(claim: Claim, subtractInsuranceEstimates: boolean): number {
	const status: ClaimStatus = claim.status;
	switch (status) {
		case 'estimate':
		case 'not_received':
		case 'cap_estimate':
		case 'ins_hist':
			// Open Dental's `BalancesDontSubtractIns` ignores estimates, never payments.
			if (!subtractInsuranceEstimates) return 0;
			// The write-off estimate is the override when set, else the estimate, else nothing
			// (Open Dental stores "blank" as -1; here it is null or absent).
			return (claim.insPayEst ?? 0) + (claim.writeOffEstOverride ?? claim.writeOffEst ?? 0);
		case 'received':
		case 'supplemental':
		case 'cap_complete':
		case 'cap_claim':
			return (claim.insPayAmt ?? 0) + (claim.writeOff ?? 0);
		case 'preauth':
			// A pre-authorization is a question to the insurer, not money: ignored (ClaimProcs.GetPatPortion).
			return 0;
		default: {
			const unhandled: never = status;
			return unhandled;
		}
	}
}

/**
 * Rule 1: what the patient owes on a procedure before any payment, Open Dental's
 * `ClaimProcs.GetPatPortion`: fee × max(1, units) less insurance. When every claim that is not a
 * preauth is `noBillIns` (insurance is not billed), the patient owes the whole fee. The result can
 * be negative when insurance paid more than the fee; rule 7's final step then spreads that credit.
 */
export function patientPortion(procedure: Procedure, subtractInsuranceEstimates: boolean): number {
	const fee = procedure.fee * Math.max(1, procedure.units);
	let portion = fee;
	let billsInsurance = false;
	// One pass, no intermediate arrays: this runs once per procedure of the family.
	for (const claim of procedure.claims) {
		if (claim.status === 'preauth') continue;
		if (claim.noBillIns !== true) billsInsurance = true;
		portion -= insuranceShare(claim, subtractInsuranceEstimates);
	}
	return procedure.claims.length > 0 && !billsInsurance ? fee : portion;
}
