import type { AllocationInput } from './allocationInput';
import { isIdText } from '../ledger/ledger';

/*
 * The fast path of `parseAllocationInput` (issue 3, item 5: 10,000 entries in 5 ms). The zod schema
 * costs about a microsecond per ledger entry — more than the whole engine — because every field
 * goes through zod's checks and refinements, and it copies the whole ledger, which for a large
 * family keeps the garbage collector busy copying live objects. Almost every input is valid (the
 * worker and the bridge build it from typed data), so this checks the same shape with plain
 * `typeof` tests, in place. It only ever says "certainly valid": anything else — including valid
 * input it is unsure of — goes to the schema, which stays the single definition of the shape and
 * writes the error messages. isValidAllocationInput.test.ts holds the two to the same answers.
 *
 * Checking in place (rather than copying as zod does) is safe because the engine never changes its
 * input and ignores fields it does not know. Only plain objects and plain arrays — what structured
 * cloning and object literals make — are accepted here; anything more exotic (a class instance, a
 * subclassed array, a proxy of one) is left to the schema, which copies it.
 */

type Fields = Record<string, unknown>;

const MODES: ReadonlySet<unknown> = new Set(['allocate', 'post_only', 'providers_only']);
const ORDERS: ReadonlySet<unknown> = new Set(['adjustments_first', 'oldest_first']);
const STATUSES: ReadonlySet<unknown> = new Set(['complete', 'treatment_planned']);
const CLAIM_STATUSES: ReadonlySet<unknown> = new Set([
	'estimate', 'not_received', 'cap_estimate', 'ins_hist', 'received', 'supplemental', 'cap_complete', 'cap_claim', 'preauth'
]);

function isPlainObject(value: unknown): value is Fields {
	if (typeof value !== 'object' || value === null) return false;
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/** A plain array whose every element (holes read as `undefined`) passes `check`. */
function isListOf(value: unknown, check: (element: unknown) => boolean): boolean {
	if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return false;
	for (let index = 0; index < value.length; index++) if (!check(value[index])) return false;
	return true;
}

/** `idSchema`: 1 to 64 characters. */
const isId = (value: unknown): boolean => typeof value === 'string' && value.length >= 1 && value.length <= 64 && isIdText(value);
const isIdOrNull = (value: unknown): boolean => value === null || isId(value);
/** `centsSchema`, and `units` (`z.number().int()`, safe integers only): a safe integer. */
const isSafeInteger = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value);
const isOptional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);
const isText = (value: unknown): boolean => typeof value === 'string';
const isFlag = (value: unknown): boolean => typeof value === 'boolean';

/** The digit at `index` of `text` as a number, or NaN when it is not one of 0–9 (checked just below). */
function digitAt(text: string, index: number): number {
	const code = text.charCodeAt(index) - 48;
	return code >= 0 && code <= 9 ? code : Number.NaN;
}

/** `isoDateSchema` (`isIsoDate`): a real calendar date written YYYY-MM-DD, read character by character. */
function isDate(value: unknown): boolean {
	if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
	const year = digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
	const month = digitAt(value, 5) * 10 + digitAt(value, 6);
	const day = digitAt(value, 8) * 10 + digitAt(value, 9);
	if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
	return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

function isClaim(value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	return (
		CLAIM_STATUSES.has(value.status) &&
		isOptional(value.insPayEst, isSafeInteger) &&
		(value.writeOffEst === null || isOptional(value.writeOffEst, isSafeInteger)) &&
		(value.writeOffEstOverride === null || isOptional(value.writeOffEstOverride, isSafeInteger)) &&
		isOptional(value.insPayAmt, isSafeInteger) &&
		isOptional(value.writeOff, isSafeInteger) &&
		isOptional(value.noBillIns, isFlag)
	);
}

function isProcedure(value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	return (
		isId(value.id) &&
		isId(value.patientId) &&
		isId(value.providerId) &&
		isIdOrNull(value.clinicId) &&
		isDate(value.date) &&
		STATUSES.has(value.status) &&
		isOptional(value.code, isText) &&
		isOptional(value.description, isText) &&
		isSafeInteger(value.fee) &&
		isSafeInteger(value.units) &&
		isListOf(value.claims, isClaim)
	);
}

function isAdjustment(value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	return (
		isId(value.id) &&
		isId(value.patientId) &&
		isId(value.providerId) &&
		isIdOrNull(value.clinicId) &&
		isDate(value.date) &&
		isSafeInteger(value.amount) &&
		isIdOrNull(value.procedureId) &&
		isOptional(value.description, isText)
	);
}

function isSplit(value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	return (
		isId(value.id) &&
		isId(value.paymentId) &&
		isId(value.patientId) &&
		isIdOrNull(value.providerId) &&
		isIdOrNull(value.clinicId) &&
		isDate(value.date) &&
		isSafeInteger(value.amount) &&
		isIdOrNull(value.procedureId) &&
		isIdOrNull(value.adjustmentId) &&
		isIdOrNull(value.unearnedType)
	);
}

const isPatient = (value: unknown): boolean =>
	isPlainObject(value) && isId(value.id) && isId(value.guarantorId) && isId(value.primaryProviderId);
const isUnearnedType = (value: unknown): boolean => isPlainObject(value) && isId(value.id) && isText(value.name) && isFlag(value.hidden);

function isLedger(value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	return (
		isListOf(value.patients, isPatient) &&
		isListOf(value.unearnedTypes, isUnearnedType) &&
		isListOf(value.procedures, isProcedure) &&
		isListOf(value.adjustments, isAdjustment) &&
		isListOf(value.splits, isSplit)
	);
}

function isPayment(value: unknown): boolean {
	return isPlainObject(value) && isId(value.patientId) && isSafeInteger(value.amount) && isDate(value.payDate) && isIdOrNull(value.clinicId);
}

function isOptions(value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	return (
		ORDERS.has(value.order) &&
		isFlag(value.preferPatient) &&
		isListOf(value.payFirst, isId) &&
		isFlag(value.subtractInsuranceEstimates) &&
		isFlag(value.adjustmentsOffsetEachOther) &&
		isId(value.prepaymentType) &&
		isFlag(value.clinicsEnabled)
	);
}

/**
 * True when `input` certainly satisfies `allocationInputSchema` (and is made of plain objects and
 * arrays); false when it does not or when unsure, including when reading it throws (a hostile
 * getter), so that the schema decides and explains. Never throws.
 */
export function isValidAllocationInput(input: unknown): input is AllocationInput {
	try {
		return isPlainObject(input) && MODES.has(input.mode) && isPayment(input.payment) && isOptions(input.options) && isLedger(input.ledger);
	} catch {
		return false;
	}
}
