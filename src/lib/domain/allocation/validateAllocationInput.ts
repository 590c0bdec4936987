import type { Adjustment, LedgerSplit, Procedure } from '../ledger/ledger';
import type { Result } from '../result';
import type { AllocationErrorCode } from './allocationErrorCode';
import type { AllocationError } from './allocationResult';
import type { AllocationInput } from './allocationInput';
import { describeValue } from './describeValue';
import type { ValidAllocationInput } from './ledgerIds';

type Problem = { ok: false; error: AllocationError };

function refuse(code: AllocationErrorCode, path: string, message: string): Problem {
	return { ok: false, error: { code, path, message } };
}

/** `ledger.procedures[3]`: written only when there is a problem to report, never per entry. */
const at = (collection: 'procedures' | 'adjustments' | 'splits', index: number): string => `ledger.${collection}[${index}]`;

function duplicate(items: readonly { id: string }[], collection: string, index: number): Problem {
	const id = (items[index] as { id: string }).id;
	const first = items.findIndex((item) => item.id === id);
	return refuse(
		'duplicate_id',
		`ledger.${collection}[${index}].id`,
		`ledger.${collection}[${index}].id ${describeValue(id)} is already used by ledger.${collection}[${first}]: ids must be unique within ${collection}.`
	);
}

/**
 * The ids of `items` with the index of each, or the problem of the first id used twice, naming
 * both places. The engine looks procedures and adjustments up in these maps. One map operation
 * per id (a repeated id leaves the size unchanged); the first place of a repeated id is looked for
 * only then.
 */
function indexIds(items: readonly { id: string }[], collection: string): Map<string, number> | Problem {
	const seen = new Map<string, number>();
	for (let index = 0; index < items.length; index++) {
		const size = seen.size;
		if (seen.set((items[index] as { id: string }).id, index).size === size) return duplicate(items, collection, index);
	}
	return seen;
}

/** The set of the ids of `items`, or the problem of the first id used twice (a set is lighter than `indexIds`' map). */
function idSet(items: readonly { id: string }[], collection: string): Set<string> | Problem {
	const seen = new Set<string>();
	for (let index = 0; index < items.length; index++) {
		const size = seen.size;
		if (seen.add((items[index] as { id: string }).id).size === size) return duplicate(items, collection, index);
	}
	return seen;
}

/**
 * Checks what the schema cannot see: references between collections, uniqueness, signs and sizes
 * (`shared/allocation.md`, "Errors"). Returns the first problem in input order, or the input with
 * the index of its ids. Paths are written only for a problem found: this walks every entry.
 */
export function validateAllocationInput(input: AllocationInput): Result<ValidAllocationInput, AllocationError> {
	const { payment, options, ledger } = input;

	// Refunds are not allocated automatically (Open Dental leaves negative payments to staff).
	if (payment.amount <= 0) {
		return refuse(
			'invalid_payment_amount',
			'payment.amount',
			`payment.amount ${describeValue(payment.amount)} is not allowed: a payment must be at least 1 cent; refunds are allocated by hand.`
		);
	}

	// Uniqueness first, collection by collection, as the contract lists them.
	const patients = idSet(ledger.patients, 'patients');
	if (!(patients instanceof Set)) return patients;
	const unearnedTypes = idSet(ledger.unearnedTypes, 'unearnedTypes');
	if (!(unearnedTypes instanceof Set)) return unearnedTypes;
	const procedures = indexIds(ledger.procedures, 'procedures');
	if (!(procedures instanceof Map)) return procedures;
	const adjustments = indexIds(ledger.adjustments, 'adjustments');
	if (!(adjustments instanceof Map)) return adjustments;
	const splits = idSet(ledger.splits, 'splits');
	if (!(splits instanceof Set)) return splits;

	const unknownPatient = (path: string, id: string): Problem =>
		refuse('unknown_patient', path, `${path} ${describeValue(id)} is not one of the family's patients (ledger.patients).`);
	const unknownProcedure = (path: string, id: string): Problem =>
		refuse('unknown_procedure', path, `${path} ${describeValue(id)} is not one of the family's procedures (ledger.procedures).`);

	if (!patients.has(payment.patientId)) return unknownPatient('payment.patientId', payment.patientId);

	// Every sum the engine makes is bounded by the sum of all amounts' sizes (fee × units counted as
	// one amount); when that stays a safe integer, no step can lose a cent to float rounding. It is
	// added up in the same walk, but only reported once every other check has passed.
	let total = Math.abs(payment.amount);
	let tooLargeAt: string | undefined;
	/** Adds `amount` to the total; true the first time the total stops being safe. */
	const overflows = (amount: number): boolean => {
		total += Math.abs(amount);
		return tooLargeAt === undefined && !Number.isSafeInteger(total);
	};

	for (let index = 0; index < ledger.procedures.length; index++) {
		const procedure = ledger.procedures[index] as Procedure;
		if (overflows(procedure.fee * Math.max(1, procedure.units))) tooLargeAt = `${at('procedures', index)}.fee`;
		for (let claimIndex = 0; claimIndex < procedure.claims.length; claimIndex++) {
			const claim = procedure.claims[claimIndex] as Procedure['claims'][number];
			for (const field of CLAIM_AMOUNTS) {
				if (overflows(claim[field] ?? 0)) tooLargeAt = `${at('procedures', index)}.claims[${claimIndex}].${field}`;
			}
		}
		if (!patients.has(procedure.patientId)) return unknownPatient(`${at('procedures', index)}.patientId`, procedure.patientId);
		if (procedure.fee < 0) {
			return refuse('negative_fee', `${at('procedures', index)}.fee`, `${at('procedures', index)}.fee ${describeValue(procedure.fee)} is not allowed: a fee must be 0 or more cents (discounts are adjustments).`);
		}
		if (procedure.units < 0) {
			return refuse('invalid_units', `${at('procedures', index)}.units`, `${at('procedures', index)}.units ${describeValue(procedure.units)} is not allowed: units must be a whole number, 0 or more.`);
		}
	}
	for (let index = 0; index < ledger.adjustments.length; index++) {
		const adjustment = ledger.adjustments[index] as Adjustment;
		if (overflows(adjustment.amount)) tooLargeAt = `${at('adjustments', index)}.amount`;
		if (!patients.has(adjustment.patientId)) return unknownPatient(`${at('adjustments', index)}.patientId`, adjustment.patientId);
		if (adjustment.procedureId !== null && !procedures.has(adjustment.procedureId)) {
			return unknownProcedure(`${at('adjustments', index)}.procedureId`, adjustment.procedureId);
		}
	}
	for (let index = 0; index < ledger.splits.length; index++) {
		const split = ledger.splits[index] as LedgerSplit;
		if (overflows(split.amount)) tooLargeAt = `${at('splits', index)}.amount`;
		if (!patients.has(split.patientId)) return unknownPatient(`${at('splits', index)}.patientId`, split.patientId);
		if (split.procedureId !== null && !procedures.has(split.procedureId)) {
			return unknownProcedure(`${at('splits', index)}.procedureId`, split.procedureId);
		}
		if (split.adjustmentId !== null && !adjustments.has(split.adjustmentId)) {
			return refuse(
				'unknown_adjustment',
				`${at('splits', index)}.adjustmentId`,
				`${at('splits', index)}.adjustmentId ${describeValue(split.adjustmentId)} is not one of the family's adjustments (ledger.adjustments).`
			);
		}
	}
	for (const [index, id] of options.payFirst.entries()) {
		if (!procedures.has(id)) return unknownProcedure(`options.payFirst[${index}]`, id);
	}

	if (tooLargeAt !== undefined) {
		return refuse(
			'amount_out_of_range',
			tooLargeAt,
			`${tooLargeAt} makes the family's amounts add up past ${Number.MAX_SAFE_INTEGER} cents, which cannot be counted to the cent: amounts must stay below that in total.`
		);
	}
	return { ok: true, value: { input, ids: { procedures, adjustments } } };
}

const CLAIM_AMOUNTS = ['insPayEst', 'writeOffEst', 'writeOffEstOverride', 'insPayAmt', 'writeOff'] as const;
