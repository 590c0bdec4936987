import { parseSettlementCsv, type SettlementCsvError } from '$lib/domain/clearing/parseSettlementCsv';
import type { SettlementOutcome } from '$lib/domain/clearing/decideSettlement';
import { countOutcomes, type SettlementImportResult, type SettlementImportRow, type SettlementRowOutcome } from '$lib/domain/clearing/settlementImportResult';
import { assertNever } from '$lib/domain/payment/PaymentStatus';
import { err, ok, type Result } from '$lib/domain/result';
import { applySettlement } from './applySettlement';
import type { ClearingDeps } from './clearingDeps';

/** Rows applied between two yields to the event loop (PGlite answers through microtasks only). */
const ROWS_PER_YIELD = 50;

/**
 * Imports a processor's settlement file (DESIGN §6): each valid row is a `settled` report through
 * `applySettlement`, in its own transaction, and every row gets a line in the report, in file order.
 * A malformed row is reported as `invalid` and the import goes on; only a wrong header or too many
 * rows refuse the file. Importing the same file again changes nothing (rows come back
 * `already_settled`), so a person may import overlapping days without fear.
 */
export async function importSettlementFile(deps: ClearingDeps, importedBy: string, text: string): Promise<Result<SettlementImportResult, SettlementCsvError>> {
	const parsed = parseSettlementCsv(text);
	if (!parsed.ok) return err(parsed.error);
	const rows: SettlementImportRow[] = [];
	for (const [index, row] of parsed.value.entries()) {
		// Without this a large file would hold every other request until it ended.
		if (index > 0 && index % ROWS_PER_YIELD === 0) await new Promise<void>((resolve) => setImmediate(resolve));
		if (!row.ok) {
			rows.push({ line: row.line, reference: row.reference, outcome: 'invalid', message: row.message });
			continue;
		}
		const result = await applySettlement(deps, {
			source: 'csv',
			line: row.line,
			importedBy,
			kind: 'settled',
			reference: row.reference,
			amountCents: row.amountCents,
			feeCents: row.feeCents,
			occurredAt: row.settledAt
		});
		rows.push({ line: row.line, reference: row.reference, outcome: rowOutcome(result.outcome), ...(result.paymentId ? { paymentId: result.paymentId } : {}), message: result.message });
	}
	return ok({ rows, totals: countOutcomes(rows) });
}

function rowOutcome(outcome: SettlementOutcome): SettlementRowOutcome {
	switch (outcome) {
		case 'matched':
		case 'mismatched':
		case 'unmatched':
		case 'already_settled':
			return outcome;
		case 'declined':
		case 'returned':
			// A file row is always a settlement; these come only from processor events.
			throw new Error(`a settlement file row cannot be ${outcome}`);
		default:
			return assertNever(outcome);
	}
}
