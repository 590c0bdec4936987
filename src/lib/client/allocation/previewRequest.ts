import { z } from 'zod';
import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { AllocationResult } from '$lib/domain/allocation/allocationResult';

/*
 * The payment screen's preview message to the allocation worker. While staff type an amount only
 * the payment changes, yet the family ledger (2,000 entries for a large family) is most of what a
 * full `AllocationInput` costs to clone across the worker boundary. So the worker holds the last
 * ledger it was sent, under a version number; a request names the version it means and carries the
 * ledger only when the worker may not hold it yet. The engine still checks the whole input (ledger
 * included) on every call: holding the ledger saves the copy, not the validation.
 */

/** The envelope only: `payment`, `mode`, `options` and `ledger` are checked by `allocatePayment` itself. */
export const previewRequestSchema = z.object({
	ledgerVersion: z.number().int().min(0),
	ledger: z.unknown().optional(),
	payment: z.unknown(),
	mode: z.unknown(),
	options: z.unknown()
});

/** What the client sends: the input without its ledger, plus the ledger when the worker may not hold this version. */
export type PreviewRequest = Omit<AllocationInput, 'ledger'> & { ledgerVersion: number; ledger?: AllocationInput['ledger'] };

/** The worker's answer: an allocation, or "send me that ledger" when it holds another version (it restarted, or another caller sent one since). */
export type PreviewAnswer = { kind: 'allocated'; result: AllocationResult } | { kind: 'ledger_needed'; ledgerVersion: number };
