import type { PaymentStatus } from '$lib/domain/payment/PaymentStatus';
import type { PaysplitDb } from '../db/PaysplitDb';
import { observeParsed, type LiveView } from '../db/observeParsed';
import { readRows } from '../db/readRows';
import { outboxRowSchema, paymentRowSchema, type OutboxRow, type PaymentRow } from '../db/rows';
import type { BadRow } from '../db/tableSchemas';

/**
 * One line of the Queue page: the payment (status, `reason`, `rejection`), its outbox entry while
 * queued (attempts, last error, next try), and what a person may do with it.
 */
export type QueueItem = {
	payment: PaymentRow;
	entry: OutboxRow | null;
	/** Refused by the bridge: may be fixed and sent again (`engine.retry`). */
	canRetry: boolean;
	/** A retry will give it a new id (the bridge holds another payment under this one). */
	retryNeedsNewId: boolean;
	/**
	 * Set aside after the bridge kept failing on it (`bridge_error`): not refused, and the bridge may
	 * have it, so it may be sent again but not deleted.
	 */
	setAside: boolean;
	/** The bridge cannot have it: may be deleted after confirmation (`engine.discard`). */
	canDiscard: boolean;
};

export const QUEUE_STATUSES: readonly PaymentStatus[] = ['queued', 'rejected'];

/**
 * The live list for the Queue page: payments with the given statuses (default: those only on this
 * device), oldest first. Unreadable rows go to the quarantine (see `observeParsed`).
 */
export function observeQueueItems(db: PaysplitDb, now: () => number, statuses: readonly PaymentStatus[] = QUEUE_STATUSES): LiveView<QueueItem[]> {
	return observeParsed(
		db,
		async () => {
			const rawPayments: unknown[] = await db.payments.where('status').anyOf([...statuses]).toArray();
			const rawEntries: unknown[] = await db.outbox.where('paymentId').anyOf(rawPayments.map(idOf).filter((id) => id !== null)).toArray();
			const payments = readRows(paymentRowSchema, rawPayments);
			const entries = readRows(outboxRowSchema, rawEntries);
			const bad: BadRow[] = [
				...payments.bad.map((b) => ({ table: 'payments' as const, ...b })),
				...entries.bad.map((b) => ({ table: 'outbox' as const, ...b }))
			];
			const entryOf = new Map(entries.good.map((e) => [e.paymentId, e]));
			const items = payments.good.map((payment): QueueItem => {
				const entry = entryOf.get(payment.id) ?? null;
				const setAside = payment.status === 'rejected' && payment.rejection?.code === 'bridge_error';
				return {
					payment,
					entry,
					canRetry: payment.status === 'rejected',
					retryNeedsNewId: payment.status === 'rejected' && payment.rejection?.code === 'conflict',
					setAside,
					canDiscard: (payment.status === 'rejected' && !setAside) || (payment.status === 'queued' && entry !== null && !entry.mayBeAtBridge)
				};
			});
			items.sort((a, b) => (a.payment.intent.takenAt < b.payment.intent.takenAt ? -1 : a.payment.intent.takenAt > b.payment.intent.takenAt ? 1 : 0));
			return { value: items, bad };
		},
		now
	);
}

function idOf(row: unknown): string | null {
	const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
	return typeof id === 'string' ? id : null;
}
