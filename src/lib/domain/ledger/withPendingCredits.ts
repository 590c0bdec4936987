import type { AllocationSplit } from '../allocation/allocationSplit';
import type { Cents } from '../money/cents';
import type { Ledger, LedgerSplit } from './ledger';

/** A payment taken but not yet in the PMS ledger: it still counts against what the family owes. */
export type PendingCredit = {
	id: string;
	patientId: string;
	amount: Cents;
	payDate: string;
	clinicId: string | null;
	/** How it was split when it was taken, if a preview was made. */
	preview?: readonly AllocationSplit[];
};

/**
 * The ledger as it will be once pending payments reach the PMS (DESIGN §2): each pending payment is
 * added as existing paysplits — its previewed splits when it has them (so they pay the same
 * charges), else one split with no provider, which the engine matches by patient and clinic
 * (allocation.md rule 7), as Open Dental treats unallocated income.
 */
export function withPendingCredits(ledger: Ledger, pending: readonly PendingCredit[]): Ledger {
	const members = new Set(ledger.patients.map((p) => p.id));
	const procedures = new Set(ledger.procedures.map((p) => p.id));
	const adjustments = new Set(ledger.adjustments.map((a) => a.id));
	const splits: LedgerSplit[] = [...ledger.splits];
	for (const payment of pending) {
		if (!members.has(payment.patientId)) continue;
		const previewed = payment.preview && payment.preview.reduce((sum, s) => sum + s.amount, 0) === payment.amount ? payment.preview : null;
		const parts = previewed ?? [{ patientId: payment.patientId, providerId: null, clinicId: payment.clinicId, amount: payment.amount }];
		parts.forEach((part, index) => {
			const split = part as Partial<AllocationSplit> & Pick<AllocationSplit, 'patientId' | 'providerId' | 'clinicId' | 'amount'>;
			splits.push({
				id: `pending:${payment.id}:${index}`,
				paymentId: `pending:${payment.id}`,
				patientId: members.has(split.patientId) ? split.patientId : payment.patientId,
				providerId: split.providerId,
				clinicId: split.clinicId,
				date: payment.payDate,
				amount: split.amount,
				procedureId: split.procedureId && procedures.has(split.procedureId) ? split.procedureId : null,
				adjustmentId: split.adjustmentId && adjustments.has(split.adjustmentId) ? split.adjustmentId : null,
				unearnedType: split.unearnedType ?? null
			});
		});
	}
	return { ...ledger, splits };
}
