import { demoProcessorFee } from '$lib/domain/clearing/demoProcessorFee';
import type { Cents } from '$lib/domain/money/cents';
import { storedPaymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import type { Logger } from '../log/createLogger';
import type { Sql } from '../store/Sql';
import { applySettlement } from './applySettlement';
import { awaitingClearingSince } from '../journal/settlementCandidates';

export type DemoProcessorDeps = {
	sql: Sql;
	now: () => Date;
	/** How long a card or ACH payment waits in `awaiting_clearing` before the demo settles it. */
	settleAfterMs: number;
	/** Called after payments cleared (wire it to the posting worker's `wake`). */
	onSettled: () => void;
	log: Logger;
	/** How often it looks for payments to settle. */
	intervalMs?: number;
};

/** Payments settled per look; the rest wait for the next one. */
const BATCH = 50;

/**
 * The demo practice's pretend card processor: it settles each card or ACH payment that has waited
 * `settleAfterMs` in `awaiting_clearing`, for the amount taken, with a plausible fee, through the
 * same `applySettlement` as the real sources, so the demo shows the whole life of a payment. Only
 * for PMS=demo: with a real PMS, money moves only when a real processor says so.
 */
export function createDemoProcessor(deps: DemoProcessorDeps) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let running = false;
	let inFlight: Promise<unknown> | null = null;
	// Payments the demo could not settle by their reference (typed twice for the same amount, say):
	// reported once, then left to a person rather than retried and logged every few seconds.
	const skipped = new Set<string>();

	/** Settles what is due now; returns how many payments it settled. */
	async function runOnce(): Promise<number> {
		const cutoff = new Date(deps.now().getTime() - deps.settleAfterMs);
		const due = await awaitingClearingSince(deps.sql, cutoff, [...skipped], BATCH);
		let settled = 0;
		for (const row of due) {
			const { method } = storedPaymentIntentSchema.parse(row.intent);
			if (method.kind !== 'card' && method.kind !== 'ach') continue;
			const amount = row.amountCents;
			const result = await applySettlement(
				{ sql: deps.sql, now: deps.now, log: deps.log, onSettled: () => undefined },
				{
					source: 'demo',
					afterSeconds: Math.round(deps.settleAfterMs / 1000),
					kind: 'settled',
					reference: method.kind === 'card' ? method.terminalRef : method.reference,
					amountCents: amount,
					feeCents: demoProcessorFee(method.kind, amount),
					occurredAt: deps.now().toISOString()
				}
			);
			if (result.outcome === 'matched') settled += 1;
			if (result.outcome !== 'matched' || result.paymentId !== row.id) {
				skipped.add(row.id);
				deps.log('warn', `demo processor: payment ${row.id} was not settled (${result.outcome}): ${result.message}`, { paymentId: row.id, outcome: result.outcome });
			}
		}
		if (settled > 0) deps.onSettled();
		return settled;
	}

	function schedule(): void {
		if (!running) return;
		timer = setTimeout(() => {
			inFlight = runOnce()
				.catch((error: unknown) => deps.log('error', `demo processor step failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
				.finally(() => {
					inFlight = null;
					schedule();
				});
		}, deps.intervalMs ?? 2_000);
		// The demo processor alone must not keep the process alive.
		timer.unref?.();
	}

	return {
		runOnce,
		start() {
			if (running) return;
			running = true;
			schedule();
		},
		async stop() {
			running = false;
			if (timer) clearTimeout(timer);
			timer = null;
			await inFlight;
		}
	};
}

export type DemoProcessor = ReturnType<typeof createDemoProcessor>;
