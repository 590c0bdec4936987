import type { ProcessorEventAnswer } from '$lib/domain/clearing/processorEventAnswer';
import { reportFromProcessorEvent, type ProcessorEvent } from '$lib/domain/clearing/processorEvent';
import { afterSettlement, applySettlementIn } from './applySettlement';
import type { ClearingDeps } from './clearingDeps';

/**
 * Applies one authenticated processor event, once per event id (DESIGN §6). The id is recorded in
 * the same transaction as what the event did, under a primary key: a repeat, even one arriving at the
 * same moment on another connection, waits for the first and then finds the id taken, so it changes
 * nothing. If applying fails, the id is not kept either, and the processor's own retry applies it.
 * Events about references Paysplit does not know are kept (outcome `unmatched`) and answered 200:
 * the processor also settles payments taken outside Paysplit, and refusing them would only make it
 * retry them.
 */
export async function receiveProcessorEvent(deps: ClearingDeps, event: ProcessorEvent): Promise<ProcessorEventAnswer> {
	const at = deps.now();
	const report = reportFromProcessorEvent(event);
	const result = await deps.sql.transaction(async (tx) => {
		const fresh = await tx.query(
			`INSERT INTO processor_event (id, type, reference, amount, fee, occurred_at, received_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			 ON CONFLICT (id) DO NOTHING RETURNING id`,
			[event.id, event.type, event.reference, event.amount, event.fee ?? null, event.occurredAt, at, JSON.stringify(event)]
		);
		if (fresh.length === 0) return null;
		const applied = await applySettlementIn(tx, at, report);
		await tx.query(`UPDATE processor_event SET outcome = $2, payment_id = $3, message = $4 WHERE id = $1`, [event.id, applied.outcome, applied.paymentId, applied.message]);
		return applied;
	});
	if (!result) return { duplicate: true, eventId: event.id };
	afterSettlement(deps, report, result);
	return {
		duplicate: false,
		eventId: event.id,
		outcome: result.outcome,
		applied: result.applied,
		...(result.paymentId ? { paymentId: result.paymentId } : {}),
		message: result.message
	};
}
