import { decideSettlement, type SettlementCandidate, type SettlementDecision } from '$lib/domain/clearing/decideSettlement';
import { reportCause, type SettlementReport } from '$lib/domain/clearing/settlementReport';
import type { Cents } from '$lib/domain/money/cents';
import { lockJournal } from '../journal/lockJournal';
import { lockSettlementCandidates } from '../journal/settlementCandidates';
import { mustTransition } from '../journal/transition';
import type { SqlTx } from '../store/Sql';
import type { ClearingDeps } from './clearingDeps';

export type AppliedSettlement = SettlementDecision & { applied: boolean };

/** More payments under one reference than this is not a reference any more; the decision reports it. */
const MAX_CANDIDATES = 20;

/**
 * The one way a processor report reaches the journal, whatever carried it (the signed webhook, a
 * settlement file, the demo processor): finds the card or ACH payment by its reference, decides
 * with the pure `decideSettlement`, applies the resulting events through the state machine, and
 * keeps the gross and the fee beside the payment (the gross is what the PMS gets; the fee is kept
 * apart, pms-landscape §5). One transaction; wakes the posting worker when a payment cleared.
 */
export async function applySettlement(deps: ClearingDeps, report: SettlementReport): Promise<AppliedSettlement> {
	const result = await deps.sql.transaction((tx) => applySettlementIn(tx, deps.now(), report));
	afterSettlement(deps, report, result);
	return result;
}

/** `applySettlement` inside the caller's transaction (the webhook records the event id in the same one). */
export async function applySettlementIn(tx: SqlTx, at: Date, report: SettlementReport): Promise<AppliedSettlement> {
	// The journal's order lock before any row lock (lockJournal), as every journaling transaction takes them.
	await lockJournal(tx);
	// Locks the payments under this reference, so that two reports (or two bridge processes) about
	// one payment are decided one after the other, each seeing what the other did.
	const payments = await lockSettlementCandidates(tx, report.reference, MAX_CANDIDATES);
	const earlier = await earlierGross(tx, payments.map((p) => p.id), report.kind);
	const candidates: SettlementCandidate[] = payments.map((payment) => ({ ...payment, earlierGross: earlier.get(payment.id) ?? null }));
	const decision = decideSettlement(report, candidates);
	const paymentId = decision.paymentId;
	if (paymentId === null) return { ...decision, applied: false };
	for (const step of decision.steps) {
		// The rows are locked and the decision asked the same state machine: a refusal here is a bug.
		await mustTransition(tx, { paymentId, event: step.event, at, cause: step.cause, actor: step.actor });
	}
	if (decision.record !== 'none') await keepReport(tx, paymentId, report, at, decision.record);
	return { ...decision, applied: decision.steps.length > 0 };
}

/** What every source does once the transaction committed: log what a person must know, wake posting. */
export function afterSettlement(deps: Pick<ClearingDeps, 'log' | 'onSettled'>, report: SettlementReport, result: AppliedSettlement): void {
	const about = result.paymentId ? `payment ${result.paymentId}` : `reference "${report.reference}"`;
	// The reference stays in the text (support matches it against the processor's report); the logger
	// masks it should a card number have been typed there.
	const fields = { ...(result.paymentId ? { paymentId: result.paymentId } : {}), outcome: result.outcome, source: report.source };
	if (result.alert) deps.log('warn', `clearing (${reportCause(report)}): ${about}: ${result.message}`, fields);
	else if (result.outcome !== 'matched' && result.outcome !== 'already_settled') deps.log('info', `clearing (${reportCause(report)}): ${about}: ${result.outcome}`, fields);
	if (result.steps.some((s) => s.event.kind === 'settled')) deps.onSettled();
}

/** The gross already reported of this kind for each payment (a report repeated, or a file after the webhook). */
async function earlierGross(tx: SqlTx, paymentIds: string[], kind: SettlementReport['kind']): Promise<Map<string, Cents>> {
	if (paymentIds.length === 0) return new Map();
	const rows = await tx.query<{ payment_id: string; gross: number | string }>(`SELECT payment_id, gross FROM settlement WHERE payment_id = ANY($1::uuid[]) AND kind = $2`, [paymentIds, kind]);
	return new Map(rows.map((row) => [row.payment_id, toCents(row.gross)]));
}

async function keepReport(tx: SqlTx, paymentId: string, report: SettlementReport, at: Date, mode: 'replace' | 'keep'): Promise<void> {
	// `keep` leaves the earlier report as it was, only adding the fee it lacked when the gross agrees
	// (a webhook without a fee, then the day's settlement file with it).
	const onConflict =
		mode === 'replace'
			? `DO UPDATE SET source = excluded.source, origin = excluded.origin, reference = excluded.reference, gross = excluded.gross, fee = excluded.fee, occurred_at = excluded.occurred_at, recorded_at = excluded.recorded_at`
			: `DO UPDATE SET fee = COALESCE(settlement.fee, excluded.fee) WHERE settlement.gross = excluded.gross`;
	await tx.query(
		`INSERT INTO settlement (payment_id, kind, source, origin, reference, gross, fee, occurred_at, recorded_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (payment_id, kind) ${onConflict}`,
		[paymentId, report.kind, report.source, reportCause(report), report.reference, report.amountCents, report.feeCents, report.occurredAt, at]
	);
}

/** bigint comes back as a number from PGlite and as a string from node-postgres: accept both. */
function toCents(value: number | string): Cents {
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isSafeInteger(n)) throw new Error(`amount ${String(value)} in the journal is not a whole number of cents`);
	return n as Cents;
}
