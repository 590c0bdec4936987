import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { AllocationResult } from '$lib/domain/allocation/allocationResult';
import type { PreviewAnswer, PreviewRequest } from './previewRequest';

/**
 * The client's side of `PreviewRequest`: sends each ledger to the worker once, then only the
 * payment and options while it stays the same. A ledger's version is its identity: the first time a
 * ledger object is seen it gets the next number, so callers must hand over a new object whenever
 * the ledger changes and never change one they have handed over (the payment screen derives it
 * from the family row and the pending payments, and snapshots it, so typing keeps the same object).
 * The worker holds only the last ledger sent; if it answers `ledger_needed` (restarted, or a lost
 * message), the request goes again with the ledger.
 */
export function createLedgerPreview(call: (request: PreviewRequest) => Promise<PreviewAnswer>): (input: AllocationInput) => Promise<AllocationResult> {
	const versions = new WeakMap<object, number>();
	let nextVersion = 0;
	/** The version last sent with its ledger, which the worker holds as far as this side knows (messages arrive in order). */
	let sent: number | null = null;
	return async (input) => {
		const { ledger, ...rest } = input;
		let version = versions.get(ledger);
		if (version === undefined) {
			version = nextVersion++;
			versions.set(ledger, version);
		}
		const withLedger = (): PreviewRequest => {
			sent = version;
			return { ...rest, ledgerVersion: version, ledger };
		};
		let answer = await call(sent === version ? { ...rest, ledgerVersion: version } : withLedger());
		if (answer.kind === 'ledger_needed') answer = await call(withLedger());
		if (answer.kind === 'ledger_needed') {
			return { ok: false, error: { code: 'internal_error', message: `The allocation worker did not keep ledger version ${version} it was just sent.` } };
		}
		return answer.result;
	};
}
