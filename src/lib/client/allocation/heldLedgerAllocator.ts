import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { formatPath } from '$lib/domain/allocation/formatPath';
import { previewRequestSchema, type PreviewAnswer } from './previewRequest';

/**
 * The worker's side of `PreviewRequest`: keeps the last ledger it was sent, with its version, and
 * allocates each request against the ledger it names. A request carrying a ledger replaces the held
 * one (whatever the allocation's outcome); a request naming a version not held gets
 * `ledger_needed`, never an allocation against another ledger. Never throws: a malformed envelope is
 * an `internal_error` result naming the field.
 */
export function createHeldLedgerAllocator(): (request: unknown) => PreviewAnswer {
	let held: { version: number; ledger: unknown } | null = null;
	return (request) => {
		const parsed = previewRequestSchema.safeParse(request);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const where = issue ? formatPath(issue.path) : '';
			return {
				kind: 'allocated',
				result: { ok: false, error: { code: 'invalid_input', message: `The preview request${where ? `'s ${where}` : ''} was refused: ${issue?.message ?? 'not a preview request'}.` } }
			};
		}
		const { ledgerVersion, ledger, payment, mode, options } = parsed.data;
		if (ledger !== undefined) held = { version: ledgerVersion, ledger };
		else if (held === null || held.version !== ledgerVersion) return { kind: 'ledger_needed', ledgerVersion };
		return { kind: 'allocated', result: allocatePayment({ payment, mode, options, ledger: held.ledger }) };
	};
}
