import type { Result } from '../result';
import type { AllocationErrorCode } from './allocationErrorCode';
import type { AllocationError } from './allocationResult';
import type { AllocationInput } from './allocationInput';
import { describeValue } from './describeValue';

type Problem = Result<AllocationInput, AllocationError>;

function refuse(code: AllocationErrorCode, path: string, message: string): Problem {
	return { ok: false, error: { code, path, message } };
}

/** The first id used twice in `items`, with both places, or undefined. */
function findDuplicate(items: readonly { id: string }[], collection: string): Problem | undefined {
	const seen = new Map<string, number>();
	for (const [index, item] of items.entries()) {
		const first = seen.get(item.id);
		if (first !== undefined) {
			return refuse(
				'duplicate_id',
				`ledger.${collection}[${index}].id`,
				`ledger.${collection}[${index}].id ${describeValue(item.id)} is already used by ledger.${collection}[${first}]: ids must be unique within ${collection}.`
			);
		}
		seen.set(item.id, index);
	}
	return undefined;
}

/**
 * Checks what the schema cannot see: references between collections, uniqueness, signs and sizes
 * (`shared/allocation.md`, "Errors"). Returns the first problem in input order, or the input itself.
 */
export function validateAllocationInput(input: AllocationInput): Result<AllocationInput, AllocationError> {
	const { payment, options, ledger } = input;

	// Refunds are not allocated automatically (Open Dental leaves negative payments to staff).
	if (payment.amount <= 0) {
		return refuse(
			'invalid_payment_amount',
			'payment.amount',
			`payment.amount ${describeValue(payment.amount)} is not allowed: a payment must be at least 1 cent; refunds are allocated by hand.`
		);
	}

	for (const collection of ['patients', 'unearnedTypes', 'procedures', 'adjustments', 'splits'] as const) {
		const duplicate = findDuplicate(ledger[collection], collection);
		if (duplicate) return duplicate;
	}

	const patients = new Set(ledger.patients.map((patient) => patient.id));
	const procedures = new Set(ledger.procedures.map((procedure) => procedure.id));
	const adjustments = new Set(ledger.adjustments.map((adjustment) => adjustment.id));
	const unknownPatient = (path: string, id: string): Problem =>
		refuse('unknown_patient', path, `${path} ${describeValue(id)} is not one of the family's patients (ledger.patients).`);
	const unknownProcedure = (path: string, id: string): Problem =>
		refuse('unknown_procedure', path, `${path} ${describeValue(id)} is not one of the family's procedures (ledger.procedures).`);

	if (!patients.has(payment.patientId)) return unknownPatient('payment.patientId', payment.patientId);

	for (const [index, procedure] of ledger.procedures.entries()) {
		const at = `ledger.procedures[${index}]`;
		if (!patients.has(procedure.patientId)) return unknownPatient(`${at}.patientId`, procedure.patientId);
		if (procedure.fee < 0) {
			return refuse('negative_fee', `${at}.fee`, `${at}.fee ${describeValue(procedure.fee)} is not allowed: a fee must be 0 or more cents (discounts are adjustments).`);
		}
		if (procedure.units < 0) {
			return refuse('invalid_units', `${at}.units`, `${at}.units ${describeValue(procedure.units)} is not allowed: units must be a whole number, 0 or more.`);
		}
	}
	for (const [index, adjustment] of ledger.adjustments.entries()) {
		const at = `ledger.adjustments[${index}]`;
		if (!patients.has(adjustment.patientId)) return unknownPatient(`${at}.patientId`, adjustment.patientId);
		if (adjustment.procedureId !== null && !procedures.has(adjustment.procedureId)) {
			return unknownProcedure(`${at}.procedureId`, adjustment.procedureId);
		}
	}
	for (const [index, split] of ledger.splits.entries()) {
		const at = `ledger.splits[${index}]`;
		if (!patients.has(split.patientId)) return unknownPatient(`${at}.patientId`, split.patientId);
		if (split.procedureId !== null && !procedures.has(split.procedureId)) {
			return unknownProcedure(`${at}.procedureId`, split.procedureId);
		}
		if (split.adjustmentId !== null && !adjustments.has(split.adjustmentId)) {
			return refuse(
				'unknown_adjustment',
				`${at}.adjustmentId`,
				`${at}.adjustmentId ${describeValue(split.adjustmentId)} is not one of the family's adjustments (ledger.adjustments).`
			);
		}
	}
	for (const [index, id] of options.payFirst.entries()) {
		if (!procedures.has(id)) return unknownProcedure(`options.payFirst[${index}]`, id);
	}

	return checkTotalIsSafe(input);
}

/**
 * Every sum the engine makes is bounded by the sum of all amounts' sizes (fee × units counted as
 * one amount); when that stays a safe integer, no step can lose a cent to float rounding.
 */
function checkTotalIsSafe(input: AllocationInput): Result<AllocationInput, AllocationError> {
	let total = Math.abs(input.payment.amount);
	const tooLarge = (path: string): Problem =>
		refuse(
			'amount_out_of_range',
			path,
			`${path} makes the family's amounts add up past ${Number.MAX_SAFE_INTEGER} cents, which cannot be counted to the cent: amounts must stay below that in total.`
		);
	for (const [index, procedure] of input.ledger.procedures.entries()) {
		total += Math.abs(procedure.fee) * Math.max(1, procedure.units);
		if (!Number.isSafeInteger(total)) return tooLarge(`ledger.procedures[${index}].fee`);
		for (const [claimIndex, claim] of procedure.claims.entries()) {
			for (const field of ['insPayEst', 'writeOffEst', 'writeOffEstOverride', 'insPayAmt', 'writeOff'] as const) {
				total += Math.abs(claim[field] ?? 0);
				if (!Number.isSafeInteger(total)) return tooLarge(`ledger.procedures[${index}].claims[${claimIndex}].${field}`);
			}
		}
	}
	for (const [index, adjustment] of input.ledger.adjustments.entries()) {
		total += Math.abs(adjustment.amount);
		if (!Number.isSafeInteger(total)) return tooLarge(`ledger.adjustments[${index}].amount`);
	}
	for (const [index, split] of input.ledger.splits.entries()) {
		total += Math.abs(split.amount);
		if (!Number.isSafeInteger(total)) return tooLarge(`ledger.splits[${index}].amount`);
	}
	return { ok: true, value: input };
}
