import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { Claim, Procedure } from '$lib/domain/ledger/ledger';

/**
 * A deliberately naive second engine: `shared/allocation.md` rules 1–9 and the other modes,
 * transcribed step by step with plain loops over plain arrays — every lookup re-scans a list, every
 * group is found by scanning everything. It is the test oracle for the real engine (oracle.test.ts)
 * and the baseline of the benchmark, so it shares no code with `src/lib/domain/allocation` beyond
 * the input type. It assumes a valid input (already parsed and checked). It stays one file, past
 * the usual size, so that it reads top to bottom beside allocation.md.
 */

/** A split as the vectors compare it (`reason` is not compared, so it has none). */
export type ReferenceSplit = {
	patientId: string;
	providerId: string | null;
	clinicId: string | null;
	amount: number;
	procedureId?: string;
	adjustmentId?: string;
	unearnedType?: string;
};

type Entry = {
	kind: 'procedure' | 'adjustment';
	id: string;
	patientId: string;
	providerId: string;
	clinicId: string | null;
	date: string;
	code: string | undefined;
	procedureId: string | null;
	balance: number;
};

type Credit = { id: string; patientId: string; providerId: string | null; clinicId: string | null; date: string; amount: number };

export function referenceAllocate(input: AllocationInput): ReferenceSplit[] {
	const { payment, options } = input;
	const clinic = (id: string | null) => (options.clinicsEnabled ? id : null);
	const prepayment = (amount: number): ReferenceSplit => ({
		patientId: payment.patientId,
		providerId: null,
		clinicId: clinic(payment.clinicId),
		amount,
		unearnedType: options.prepaymentType
	});
	if (input.mode === 'post_only') return [prepayment(payment.amount)];
	const splits = allocateByTheRules(input, prepayment);
	if (input.mode === 'allocate') return splits;
	// providers_only: merge by (patient, provider, clinic, unearned type), dropping the charge links.
	const merged: ReferenceSplit[] = [];
	for (const split of splits) {
		const same = merged.find(
			(m) => m.patientId === split.patientId && m.providerId === split.providerId && m.clinicId === split.clinicId && m.unearnedType === split.unearnedType
		);
		if (same) same.amount += split.amount;
		else {
			const copy: ReferenceSplit = { patientId: split.patientId, providerId: split.providerId, clinicId: split.clinicId, amount: split.amount };
			if (split.unearnedType !== undefined) copy.unearnedType = split.unearnedType;
			merged.push(copy);
		}
	}
	return merged;
}

function allocateByTheRules(input: AllocationInput, prepayment: (amount: number) => ReferenceSplit): ReferenceSplit[] {
	const { payment, options, ledger } = input;
	const clinic = (id: string | null) => (options.clinicsEnabled ? id : null);
	const sameOwner = (a: { patientId: string; providerId: string | null; clinicId: string | null }, b: Entry) =>
		a.patientId === b.patientId && a.providerId === b.providerId && clinic(a.clinicId) === b.clinicId;

	// Rule 1: the charges. Treatment-planned procedures are kept apart; they are never charges.
	let charges: Entry[] = [];
	for (const procedure of ledger.procedures) {
		if (procedure.status !== 'complete') continue;
		charges.push({
			kind: 'procedure', id: procedure.id, patientId: procedure.patientId, providerId: procedure.providerId,
			clinicId: clinic(procedure.clinicId), date: procedure.date, code: procedure.code, procedureId: null,
			balance: patientPortion(procedure, options.subtractInsuranceEstimates)
		});
	}
	for (const adjustment of ledger.adjustments) {
		charges.push({
			kind: 'adjustment', id: adjustment.id, patientId: adjustment.patientId, providerId: adjustment.providerId,
			clinicId: clinic(adjustment.clinicId), date: adjustment.date, code: undefined, procedureId: adjustment.procedureId,
			balance: adjustment.amount
		});
	}
	const planned = ledger.procedures.filter((p) => p.status === 'treatment_planned');

	// Rule 2: the order.
	charges.sort((a, b) => compareEntries(a, b, options.order));

	// Rule 3: attached adjustments fold into a procedure of the same owner (or just become 0 on a planned one).
	for (const adjustment of charges) {
		if (adjustment.kind !== 'adjustment' || adjustment.procedureId === null) continue;
		const target = charges.find((c) => c.kind === 'procedure' && c.id === adjustment.procedureId);
		if (target && target.patientId === adjustment.patientId && target.providerId === adjustment.providerId && target.clinicId === adjustment.clinicId) {
			target.balance += adjustment.balance;
			adjustment.balance = 0;
		}
		const plannedTarget = planned.find((p) => p.id === adjustment.procedureId);
		if (plannedTarget && plannedTarget.patientId === adjustment.patientId && plannedTarget.providerId === adjustment.providerId && clinic(plannedTarget.clinicId) === adjustment.clinicId) {
			adjustment.balance = 0;
		}
	}

	// Rule 4: explicit links. First procedures (planned ones too), then adjustments by adjustmentId,
	// then adjustments attached to the procedure a split names.
	const linked: boolean[] = ledger.splits.map(() => false);
	for (let i = 0; i < ledger.splits.length; i++) {
		const split = ledger.splits[i]!;
		if (split.procedureId === null) continue;
		const procedure = charges.find((c) => c.kind === 'procedure' && c.id === split.procedureId);
		if (procedure && sameOwner(split, procedure)) {
			procedure.balance -= split.amount;
			linked[i] = true;
			continue;
		}
		const plannedProcedure = planned.find((p) => p.id === split.procedureId);
		if (plannedProcedure && split.patientId === plannedProcedure.patientId && split.providerId === plannedProcedure.providerId && clinic(split.clinicId) === clinic(plannedProcedure.clinicId)) {
			linked[i] = true;
		}
	}
	for (let i = 0; i < ledger.splits.length; i++) {
		const split = ledger.splits[i]!;
		if (linked[i] || split.adjustmentId === null) continue;
		const adjustment = charges.find((c) => c.kind === 'adjustment' && c.id === split.adjustmentId);
		if (adjustment && sameOwner(split, adjustment)) {
			adjustment.balance -= split.amount;
			linked[i] = true;
		}
	}
	for (let i = 0; i < ledger.splits.length; i++) {
		const split = ledger.splits[i]!;
		if (linked[i] || split.procedureId === null) continue;
		const adjustment = charges.find((c) => c.kind === 'adjustment' && c.procedureId === split.procedureId && sameOwner(split, c));
		if (adjustment) {
			adjustment.balance -= split.amount;
			linked[i] = true;
		}
	}

	// Rule 5: unattached adjustments of one owner offset each other.
	const unattached = (c: Entry) => c.kind === 'adjustment' && c.procedureId === null;
	if (options.adjustmentsOffsetEachOther) {
		for (const positive of charges) {
			if (!unattached(positive) || positive.balance <= 0) continue;
			for (const negative of charges) {
				if (!unattached(negative) || negative.balance >= 0) continue;
				if (negative.patientId !== positive.patientId || negative.providerId !== positive.providerId || negative.clinicId !== positive.clinicId) continue;
				const amount = Math.min(positive.balance, -negative.balance);
				positive.balance -= amount;
				negative.balance += amount;
			}
		}
	}

	// Rule 6: pay first, from the new payment.
	const made: ReferenceSplit[] = [];
	let remaining: number = payment.amount;
	const pay = (charge: Entry) => {
		if (remaining <= 0 || charge.balance <= 0) return;
		const amount = Math.min(remaining, charge.balance);
		const split: ReferenceSplit = { patientId: charge.patientId, providerId: charge.providerId, clinicId: charge.clinicId, amount };
		if (charge.kind === 'procedure') split.procedureId = charge.id;
		else split.adjustmentId = charge.id;
		made.push(split);
		charge.balance -= amount;
		remaining -= amount;
	};
	const isPayFirst = (c: Entry) => c.kind === 'procedure' && options.payFirst.includes(c.id);
	for (const charge of charges) if (isPayFirst(charge)) pay(charge);

	// Rule 7: the linking order, then free credit in eight passes, then the final step.
	const own = (c: Entry) => options.preferPatient && c.patientId === payment.patientId;
	const linkingOrder = [
		...charges.filter((c) => !isPayFirst(c) && !own(c)),
		...charges.filter((c) => !isPayFirst(c) && own(c)),
		...charges.filter((c) => isPayFirst(c))
	];
	const hidden = (type: string | null) => type !== null && ledger.unearnedTypes.some((t) => t.id === type && t.hidden);
	const credits: Credit[] = [];
	for (let i = 0; i < ledger.splits.length; i++) {
		const split = ledger.splits[i]!;
		if (linked[i] || hidden(split.unearnedType)) continue;
		credits.push({ id: split.id, patientId: split.patientId, providerId: split.providerId, clinicId: clinic(split.clinicId), date: split.date, amount: split.amount });
	}
	credits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIdsByTheRule(a.id, b.id)));
	for (const fields of PASSES) {
		const keyOf = (e: { patientId: string; providerId: string | null; clinicId: string | null }) => JSON.stringify(fields.map((f) => e[f]));
		const chargeKeys = linkingOrder.map(keyOf);
		const creditKeys = credits.map(keyOf);
		const keys: string[] = [];
		for (const key of [...chargeKeys, ...creditKeys]) if (!keys.includes(key)) keys.push(key);
		for (const key of keys) {
			linkGroup(
				linkingOrder.filter((_, i) => chargeKeys[i] === key),
				credits.filter((_, i) => creditKeys[i] === key)
			);
		}
	}
	for (const negative of linkingOrder) {
		for (const positive of linkingOrder) {
			if (negative.balance >= 0) break;
			if (positive.balance <= 0) continue;
			const amount = Math.min(-negative.balance, positive.balance);
			negative.balance += amount;
			positive.balance -= amount;
		}
	}

	// Rule 8: the new payment, rule 2 order, the paying patient's charges first when preferred.
	const walk = options.preferPatient
		? [...charges.filter((c) => c.patientId === payment.patientId), ...charges.filter((c) => c.patientId !== payment.patientId)]
		: charges;
	for (const charge of walk) pay(charge);

	// Rule 9: the remainder.
	if (remaining > 0) made.push(prepayment(remaining));
	return made;
}

/** Rule 7's passes, tightest first. */
const PASSES: ('providerId' | 'patientId' | 'clinicId')[][] = [
	['providerId', 'patientId', 'clinicId'],
	['providerId', 'patientId'],
	['providerId', 'clinicId'],
	['patientId', 'clinicId'],
	['providerId'],
	['patientId'],
	['clinicId'],
	[]
];

/** Rule 7 within one group: the four steps, each a plain double loop. */
function linkGroup(charges: Entry[], credits: Credit[]): void {
	for (const positive of credits) {
		if (positive.amount <= 0) continue;
		for (const negative of credits) {
			if (positive.amount <= 0) break;
			if (negative.amount >= 0) continue;
			const amount = Math.min(positive.amount, -negative.amount);
			positive.amount -= amount;
			negative.amount += amount;
		}
	}
	for (const positive of credits) {
		for (const charge of charges) {
			if (positive.amount <= 0) break;
			if (charge.balance <= 0) continue;
			const amount = Math.min(positive.amount, charge.balance);
			positive.amount -= amount;
			charge.balance -= amount;
		}
	}
	for (const negative of credits) {
		for (const adjustment of charges) {
			if (negative.amount >= 0) break;
			if (adjustment.kind !== 'adjustment' || adjustment.procedureId !== null || adjustment.balance >= 0) continue;
			const amount = Math.min(-negative.amount, -adjustment.balance);
			negative.amount += amount;
			adjustment.balance += amount;
		}
	}
	for (const adjustment of charges) {
		if (adjustment.kind !== 'adjustment' || adjustment.procedureId !== null) continue;
		for (const procedure of charges) {
			if (adjustment.balance >= 0) break;
			if (procedure.kind !== 'procedure' || procedure.balance <= 0) continue;
			const amount = Math.min(-adjustment.balance, procedure.balance);
			adjustment.balance += amount;
			procedure.balance -= amount;
		}
	}
}

/** Rule 1: fee × max(1, units), less insurance. */
function patientPortion(procedure: Procedure, subtractEstimates: boolean): number {
	const full = procedure.fee * Math.max(1, procedure.units);
	const counted: Claim[] = procedure.claims.filter((claim) => claim.status !== 'preauth');
	if (procedure.claims.length > 0 && counted.every((claim) => claim.noBillIns === true)) return full;
	let portion = full;
	for (const claim of counted) {
		const estimate = claim.status === 'estimate' || claim.status === 'not_received' || claim.status === 'cap_estimate' || claim.status === 'ins_hist';
		if (estimate) {
			if (subtractEstimates) portion -= (claim.insPayEst ?? 0) + (claim.writeOffEstOverride ?? claim.writeOffEst ?? 0);
		} else {
			portion -= (claim.insPayAmt ?? 0) + (claim.writeOff ?? 0);
		}
	}
	return portion;
}

/** Rule 2: by date; procedures before adjustments; by code (none first); by id. `adjustments_first` puts adjustments first. */
function compareEntries(a: Entry, b: Entry, order: AllocationInput['options']['order']): number {
	if (order === 'adjustments_first' && a.kind !== b.kind) return a.kind === 'adjustment' ? -1 : 1;
	if (a.date !== b.date) return a.date < b.date ? -1 : 1;
	if (a.kind !== b.kind) return a.kind === 'procedure' ? -1 : 1;
	if (a.code !== b.code) {
		if (a.code === undefined) return -1;
		if (b.code === undefined) return 1;
		return a.code < b.code ? -1 : 1;
	}
	return compareIdsByTheRule(a.id, b.id);
}

/** Rule 2's id order, with BigInt for the values (a different route from the engine's digit strings). */
export function compareIdsByTheRule(a: string, b: string): number {
	const aWhole = /^[0-9]+$/.test(a);
	const bWhole = /^[0-9]+$/.test(b);
	if (aWhole && bWhole) {
		const x = BigInt(a);
		const y = BigInt(b);
		if (x !== y) return x < y ? -1 : 1;
	} else if (aWhole !== bWhole) {
		return aWhole ? -1 : 1;
	}
	if (a === b) return 0;
	return a < b ? -1 : 1;
}
