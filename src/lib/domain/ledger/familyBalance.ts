import type { Cents } from '../money/cents';
import { patientPortion } from '../allocation/patientPortion';
import type { Ledger } from './ledger';

/**
 * What a family owes, in cents (negative: the family has credit): the patient portion of every
 * completed procedure, plus adjustments, less payments. Treatment-planned procedures are not owed
 * yet (nor adjustments on them), and splits of a hidden unearned type (e.g. a treatment-plan
 * prepayment, which Open Dental keeps off the account) are left out, as Open Dental's account
 * module does.
 */
export function familyBalance(ledger: Ledger, subtractInsuranceEstimates = true): Cents {
	const planned = new Set(ledger.procedures.filter((p) => p.status === 'treatment_planned').map((p) => p.id));
	const hidden = new Set(ledger.unearnedTypes.filter((t) => t.hidden).map((t) => t.id));
	let balance = 0;
	for (const procedure of ledger.procedures) {
		if (procedure.status === 'complete') balance += patientPortion(procedure, subtractInsuranceEstimates);
	}
	for (const adjustment of ledger.adjustments) {
		if (adjustment.procedureId === null || !planned.has(adjustment.procedureId)) balance += adjustment.amount;
	}
	for (const split of ledger.splits) {
		if (split.unearnedType === null || !hidden.has(split.unearnedType)) balance -= split.amount;
	}
	return balance as Cents;
}
