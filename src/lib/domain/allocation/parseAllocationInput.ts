import type { Result } from '../result';
import type { AllocationErrorCode } from './allocationErrorCode';
import type { AllocationError } from './allocationResult';
import { allocationInputSchema, type AllocationInput } from './allocationInput';
import { describeValue } from './describeValue';
import { formatPath } from './formatPath';
import { isValidAllocationInput } from './isValidAllocationInput';

const AMOUNT_FIELDS = new Set(['amount', 'fee', 'insPayEst', 'writeOffEst', 'writeOffEstOverride', 'insPayAmt', 'writeOff']);
const DATE_FIELDS = new Set(['date', 'payDate']);

/** Picks the error code from the field that failed, so callers can react to the kind of mistake. */
function codeFor(path: readonly PropertyKey[]): AllocationErrorCode {
	const field = path[path.length - 1];
	if (typeof field !== 'string') return 'invalid_input';
	if (field === 'amount' && path.length === 2 && path[0] === 'payment') return 'invalid_payment_amount';
	if (AMOUNT_FIELDS.has(field)) return 'invalid_amount';
	if (DATE_FIELDS.has(field)) return 'invalid_date';
	if (field === 'units') return 'invalid_units';
	return 'invalid_input';
}

/** The value found at `path` in the raw input, or undefined; never throws (a getter might). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let value: unknown = input;
	for (const key of path) {
		if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
		try {
			value = (value as Record<PropertyKey, unknown>)[key];
		} catch {
			return undefined;
		}
	}
	return value;
}

/**
 * Parses the raw input (from a worker message, so anything at all) into a typed `AllocationInput`,
 * or names the first thing wrong with it: its path, the value found there and what is allowed.
 * Plainly valid input is taken as it is (`isValidAllocationInput`); the schema decides, copies and
 * explains everything else.
 */
export function parseAllocationInput(input: unknown): Result<AllocationInput, AllocationError> {
	if (isValidAllocationInput(input)) return { ok: true, value: input };
	const parsed = allocationInputSchema.safeParse(input);
	if (parsed.success) return { ok: true, value: parsed.data };
	const issues = parsed.error.issues;
	const issue = issues[0];
	if (!issue) return { ok: false, error: { code: 'invalid_input', message: 'The allocation input was refused.' } };
	const path = formatPath(issue.path);
	const value = describeValue(valueAt(input, issue.path));
	const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
	const where = path === '' ? 'The allocation input' : path;
	const error: AllocationError = {
		code: codeFor(issue.path),
		message: `${where} is ${value}, which is not allowed: ${issue.message}${more}.`
	};
	if (path !== '') error.path = path;
	return { ok: false, error };
}
