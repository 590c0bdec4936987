import type { Adjustment, Claim, LedgerSplit, Procedure } from '../ledger/ledger';
import type { Result } from '../result';
import type { AllocationErrorCode } from './allocationErrorCode';
import type { AllocationError } from './allocationResult';
import type { AllocationInput } from './allocationInput';
import { describeValue } from './describeValue';
import { IdIndex } from './idIndex';
import type { ValidAllocationInput } from './ledgerRefs';

type Problem = { ok: false; error: AllocationError };

function refuse(code: AllocationErrorCode, path: string, message: string): Problem {
	return { ok: false, error: { code, path, message } };
}

/** `ledger.procedures[3]`: written only when there is a problem to report, never per entry. */
const at = (collection: 'procedures' | 'adjustments' | 'splits', index: number): string => `ledger.${collection}[${index}]`;

const CLAIM_AMOUNTS = ['insPayEst', 'writeOffEst', 'writeOffEstOverride', 'insPayAmt', 'writeOff'] as const;

/** The sum of the sizes of a claim's amounts (a missing one is 0). */
function claimAmounts(claim: Claim): number {
	return (
		Math.abs(claim.insPayEst ?? 0) +
		Math.abs(claim.writeOffEst ?? 0) +
		Math.abs(claim.writeOffEstOverride ?? 0) +
		Math.abs(claim.insPayAmt ?? 0) +
		Math.abs(claim.writeOff ?? 0)
	);
}

/**
 * The claim field at which `total` plus the claim's amounts, added in `CLAIM_AMOUNTS` order, first
 * passes the safe integers. Only asked once the claim's whole sum does; the sums are of whole
 * numbers, so both ways of adding pass at the same point.
 */
function firstUnsafeClaimField(total: number, claim: Claim): (typeof CLAIM_AMOUNTS)[number] {
	let sum = total;
	for (const field of CLAIM_AMOUNTS) {
		sum += Math.abs(claim[field] ?? 0);
		if (sum > Number.MAX_SAFE_INTEGER) return field;
	}
	return 'writeOff';
}

/** The index of the ids of `items`, or the problem of the first id used twice, naming both places. */
function indexIds(items: readonly { id: string }[], collection: string): IdIndex | Problem {
	const ids = new IdIndex(items);
	const index = ids.duplicateAt;
	if (index === -1) return ids;
	const id = (items[index] as { id: string }).id;
	const first = items.findIndex((item) => item.id === id);
	return refuse(
		'duplicate_id',
		`ledger.${collection}[${index}].id`,
		`ledger.${collection}[${index}].id ${describeValue(id)} is already used by ledger.${collection}[${first}]: ids must be unique within ${collection}.`
	);
}

/**
 * Checks what the schema cannot see: references between collections, uniqueness, signs and sizes
 * (`shared/allocation.md`, "Errors"). Returns the first problem in input order, or the input with
 * every reference resolved to an index (`LedgerRefs`). Paths are written only for a problem found:
 * this walks every entry.
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
	const patients = indexIds(ledger.patients, 'patients');
	if (!(patients instanceof IdIndex)) return patients;
	const unearnedTypes = indexIds(ledger.unearnedTypes, 'unearnedTypes');
	if (!(unearnedTypes instanceof IdIndex)) return unearnedTypes;
	const procedures = indexIds(ledger.procedures, 'procedures');
	if (!(procedures instanceof IdIndex)) return procedures;
	const adjustments = indexIds(ledger.adjustments, 'adjustments');
	if (!(adjustments instanceof IdIndex)) return adjustments;
	const splits = indexIds(ledger.splits, 'splits');
	if (!(splits instanceof IdIndex)) return splits;

	const unknownPatient = (path: string, id: string): Problem =>
		refuse('unknown_patient', path, `${path} ${describeValue(id)} is not one of the family's patients (ledger.patients).`);
	const unknownProcedure = (path: string, id: string): Problem =>
		refuse('unknown_procedure', path, `${path} ${describeValue(id)} is not one of the family's procedures (ledger.procedures).`);

	const payingPatient = patients.indexOf(payment.patientId);
	if (payingPatient === -1) return unknownPatient('payment.patientId', payment.patientId);

	// Every sum the engine makes is bounded by the sum of all amounts' sizes (fee × units counted as
	// one amount); when that stays a safe integer, no step can lose a cent to float rounding. It is
	// added up in the same walk, but only reported once every other check has passed. (A plain
	// local, not a closure's: a captured number past 2^31 is boxed anew on every addition.)
	let total = Math.abs(payment.amount);
	let tooLargeAt: string | undefined;

	const procedurePatients = new Int32Array(ledger.procedures.length);
	for (let index = 0; index < ledger.procedures.length; index++) {
		const procedure = ledger.procedures[index] as Procedure;
		total += Math.abs(procedure.fee * Math.max(1, procedure.units));
		if (tooLargeAt === undefined && total > Number.MAX_SAFE_INTEGER) tooLargeAt = `${at('procedures', index)}.fee`;
		for (let claimIndex = 0; claimIndex < procedure.claims.length; claimIndex++) {
			const claim = procedure.claims[claimIndex] as Procedure['claims'][number];
			const claimTotal = claimAmounts(claim);
			if (tooLargeAt === undefined && total + claimTotal > Number.MAX_SAFE_INTEGER) {
				tooLargeAt = `${at('procedures', index)}.claims[${claimIndex}].${firstUnsafeClaimField(total, claim)}`;
			}
			total += claimTotal;
		}
		const patient = patients.indexOf(procedure.patientId);
		if (patient === -1) return unknownPatient(`${at('procedures', index)}.patientId`, procedure.patientId);
		procedurePatients[index] = patient;
		if (procedure.fee < 0) {
			return refuse('negative_fee', `${at('procedures', index)}.fee`, `${at('procedures', index)}.fee ${describeValue(procedure.fee)} is not allowed: a fee must be 0 or more cents (discounts are adjustments).`);
		}
		if (procedure.units < 0) {
			return refuse('invalid_units', `${at('procedures', index)}.units`, `${at('procedures', index)}.units ${describeValue(procedure.units)} is not allowed: units must be a whole number, 0 or more.`);
		}
	}

	const adjustmentPatients = new Int32Array(ledger.adjustments.length);
	const adjustmentProcedures = new Int32Array(ledger.adjustments.length);
	for (let index = 0; index < ledger.adjustments.length; index++) {
		const adjustment = ledger.adjustments[index] as Adjustment;
		total += Math.abs(adjustment.amount);
		if (tooLargeAt === undefined && total > Number.MAX_SAFE_INTEGER) tooLargeAt = `${at('adjustments', index)}.amount`;
		const patient = patients.indexOf(adjustment.patientId);
		if (patient === -1) return unknownPatient(`${at('adjustments', index)}.patientId`, adjustment.patientId);
		adjustmentPatients[index] = patient;
		const procedure = adjustment.procedureId === null ? -1 : procedures.indexOf(adjustment.procedureId);
		if (adjustment.procedureId !== null && procedure === -1) return unknownProcedure(`${at('adjustments', index)}.procedureId`, adjustment.procedureId);
		adjustmentProcedures[index] = procedure;
	}

	const splitPatients = new Int32Array(ledger.splits.length);
	const splitProcedures = new Int32Array(ledger.splits.length);
	const splitAdjustments = new Int32Array(ledger.splits.length);
	for (let index = 0; index < ledger.splits.length; index++) {
		const split = ledger.splits[index] as LedgerSplit;
		total += Math.abs(split.amount);
		if (tooLargeAt === undefined && total > Number.MAX_SAFE_INTEGER) tooLargeAt = `${at('splits', index)}.amount`;
		const patient = patients.indexOf(split.patientId);
		if (patient === -1) return unknownPatient(`${at('splits', index)}.patientId`, split.patientId);
		splitPatients[index] = patient;
		const procedure = split.procedureId === null ? -1 : procedures.indexOf(split.procedureId);
		if (split.procedureId !== null && procedure === -1) return unknownProcedure(`${at('splits', index)}.procedureId`, split.procedureId);
		splitProcedures[index] = procedure;
		const adjustment = split.adjustmentId === null ? -1 : adjustments.indexOf(split.adjustmentId);
		if (split.adjustmentId !== null && adjustment === -1) {
			return refuse(
				'unknown_adjustment',
				`${at('splits', index)}.adjustmentId`,
				`${at('splits', index)}.adjustmentId ${describeValue(split.adjustmentId)} is not one of the family's adjustments (ledger.adjustments).`
			);
		}
		splitAdjustments[index] = adjustment;
	}

	const payFirst = new Int32Array(options.payFirst.length);
	for (let index = 0; index < options.payFirst.length; index++) {
		const id = options.payFirst[index] as string;
		const procedure = procedures.indexOf(id);
		if (procedure === -1) return unknownProcedure(`options.payFirst[${index}]`, id);
		payFirst[index] = procedure;
	}

	if (tooLargeAt !== undefined) {
		return refuse(
			'amount_out_of_range',
			tooLargeAt,
			`${tooLargeAt} makes the family's amounts add up past ${Number.MAX_SAFE_INTEGER} cents, which cannot be counted to the cent: amounts must stay below that in total.`
		);
	}
	const refs = { procedures, adjustments, splits, payingPatient, procedurePatients, adjustmentPatients, splitPatients, adjustmentProcedures, splitProcedures, splitAdjustments, payFirst };
	return { ok: true, value: { input, refs } };
}
