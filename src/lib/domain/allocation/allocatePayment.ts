import type { AllocationResult } from './allocationResult';
import type { AllocationSplit } from './allocationSplit';
import { allocate } from './allocate';
import type { ValidAllocationInput } from './ledgerRefs';
import { mergeByProvider } from './mergeByProvider';
import { parseAllocationInput } from './parseAllocationInput';
import { prepaymentSplit } from './prepaymentSplit';
import { validateAllocationInput } from './validateAllocationInput';

function splitsFor(valid: ValidAllocationInput): AllocationSplit[] {
	const { input } = valid;
	const mode = input.mode;
	switch (mode) {
		case 'allocate':
			return allocate(valid);
		case 'post_only':
			return [prepaymentSplit(input, input.payment.amount, 'post_only')];
		case 'providers_only':
			return mergeByProvider(allocate(valid));
		default: {
			const unhandled: never = mode;
			return unhandled;
		}
	}
}

/**
 * Turns a payment into proposed splits (`shared/allocation.md`). Pure and deterministic, in integer
 * cents. Takes anything (it runs behind a Web Worker boundary) and never throws: a bad input is an
 * `ok: false` naming the field, its value and what is allowed.
 */
export function allocatePayment(input: unknown): AllocationResult {
	try {
		const parsed = parseAllocationInput(input);
		if (!parsed.ok) return parsed;
		const valid = validateAllocationInput(parsed.value);
		if (!valid.ok) return valid;
		return { ok: true, splits: splitsFor(valid.value) };
	} catch (error) {
		// Only a bug (or a hostile object, such as a throwing getter) gets here. It is reported, not
		// thrown, because a throw loses its detail crossing the worker boundary (STYLE.md).
		let detail = 'unknown error';
		try {
			if (error instanceof Error) detail = String(error.message);
		} catch {
			// Even reading the message may throw on a hostile value; the generic text stays.
		}
		return { ok: false, error: { code: 'internal_error', message: `The payment could not be allocated because of an internal error: ${detail.slice(0, 200)}` } };
	}
}
