import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { Procedure } from '$lib/domain/ledger/ledger';

/**
 * A second, deliberately simple computation of what each charge can at most still owe, written
 * apart from the engine for the property tests: the patient portion (rule 1), attached adjustments
 * folded (rule 3) and the splits that certainly link to the charge (rule 4). Every later step
 * (offsetting, implicit links, the final step, pay first) only lowers positive balances, so the
 * engine can never give a charge more than this. A negative split that rule 4 might give to one of
 * several attached adjustments is counted for all of them, which keeps this an upper bound.
 * Keys are `procedure:ID` and `adjustment:ID`; values are at least 0.
 */
export function owedUpperBound(input: AllocationInput): Map<string, number> {
	const clinic = (id: string | null) => (input.options.clinicsEnabled ? id : null);
	const ownerOf = (entry: { patientId: string; providerId: string | null; clinicId: string | null }) =>
		`${entry.patientId}|${entry.providerId ?? '-'}|${clinic(entry.clinicId) ?? '-'}`;
	const procedures = new Map(input.ledger.procedures.map((procedure) => [procedure.id, procedure]));
	const adjustmentsById = new Map(input.ledger.adjustments.map((adjustment) => [adjustment.id, adjustment]));
	const owed = new Map<string, number>();

	for (const procedure of input.ledger.procedures) {
		if (procedure.status === 'complete') owed.set(`procedure:${procedure.id}`, patientPortionForTest(procedure, input.options.subtractInsuranceEstimates));
	}
	for (const adjustment of input.ledger.adjustments) {
		const target = adjustment.procedureId === null ? undefined : procedures.get(adjustment.procedureId);
		if (target && ownerOf(target) === ownerOf(adjustment)) {
			owed.set(`adjustment:${adjustment.id}`, 0);
			if (target.status === 'complete') owed.set(`procedure:${target.id}`, (owed.get(`procedure:${target.id}`) ?? 0) + adjustment.amount);
		} else {
			owed.set(`adjustment:${adjustment.id}`, adjustment.amount);
		}
	}
	for (const split of input.ledger.splits) {
		const procedure = split.procedureId === null ? undefined : procedures.get(split.procedureId);
		if (procedure && ownerOf(procedure) === ownerOf(split)) {
			if (procedure.status === 'complete') owed.set(`procedure:${procedure.id}`, (owed.get(`procedure:${procedure.id}`) ?? 0) - split.amount);
			continue;
		}
		const adjustment = split.adjustmentId === null ? undefined : adjustmentsById.get(split.adjustmentId);
		if (adjustment && ownerOf(adjustment) === ownerOf(split)) {
			owed.set(`adjustment:${adjustment.id}`, (owed.get(`adjustment:${adjustment.id}`) ?? 0) - split.amount);
			continue;
		}
		if (split.procedureId !== null && split.amount < 0) {
			for (const candidate of input.ledger.adjustments) {
				if (candidate.procedureId === split.procedureId && ownerOf(candidate) === ownerOf(split)) {
					owed.set(`adjustment:${candidate.id}`, (owed.get(`adjustment:${candidate.id}`) ?? 0) - split.amount);
				}
			}
		}
	}
	for (const [key, value] of owed) owed.set(key, Math.max(0, value));
	return owed;
}

/** Rule 1 again, in the plainest terms, so a slip in the engine's version shows up as a failure. */
export function patientPortionForTest(procedure: Procedure, subtractEstimates: boolean): number {
	let portion = procedure.fee * (procedure.units < 1 ? 1 : procedure.units);
	const counted = procedure.claims.filter((claim) => claim.status !== 'preauth');
	if (procedure.claims.length > 0 && counted.every((claim) => claim.noBillIns)) return portion;
	for (const claim of counted) {
		if (['estimate', 'not_received', 'cap_estimate', 'ins_hist'].includes(claim.status)) {
			if (!subtractEstimates) continue;
			const writeOff = claim.writeOffEstOverride !== null && claim.writeOffEstOverride !== undefined ? claim.writeOffEstOverride : (claim.writeOffEst ?? 0);
			portion -= (claim.insPayEst ?? 0) + writeOff;
		} else {
			portion -= (claim.insPayAmt ?? 0) + (claim.writeOff ?? 0);
		}
	}
	return portion;
}
