import { MAX_PAYMENTS_PER_BATCH, type PaymentResult } from '$lib/domain/api/paymentsBatch';
import type { BridgeApi } from '../api/bridgeApi';
import type { PaysplitDb } from '../db/PaysplitDb';
import { paymentRowSchema, type PaymentRow } from '../db/rows';
import { readRows } from '../db/readRows';

export type SendOutcome = { sent: number; unauthorized: boolean; offline: boolean; message?: string };

/**
 * Sends the payments saved on this device that the bridge has not acknowledged, in batches of at
 * most 100, and records each answer. The fetch happens outside any IndexedDB transaction; each
 * answer is applied afterwards, and only to the rows that were sent.
 */
export async function sendQueuedPayments(db: PaysplitDb, api: BridgeApi, now: () => Date): Promise<SendOutcome> {
	const { good } = readRows(paymentRowSchema, await db.payments.where('status').equals('queued').toArray());
	let sent = 0;
	for (let start = 0; start < good.length; start += MAX_PAYMENTS_PER_BATCH) {
		const batch = good.slice(start, start + MAX_PAYMENTS_PER_BATCH);
		const answer = await api.sendPayments(batch.map((row) => row.intent));
		if (!answer.ok) {
			if (answer.kind === 'offline') return { sent, unauthorized: false, offline: true, message: answer.message };
			return { sent, unauthorized: answer.status === 401, offline: false, message: answer.message };
		}
		await applyResults(db, batch, answer.value.results, now);
		sent += batch.length;
	}
	return { sent, unauthorized: false, offline: false };
}

async function applyResults(db: PaysplitDb, batch: PaymentRow[], results: PaymentResult[], now: () => Date): Promise<void> {
	await db.transaction('rw', db.payments, async () => {
		for (const [index, row] of batch.entries()) {
			const result = results[index];
			if (!result) continue;
			const updatedAt = now().toISOString();
			switch (result.outcome) {
				case 'accepted':
				case 'duplicate':
					await db.payments.update(row.id, { status: result.status, updatedAt });
					break;
				case 'rejected':
					await db.payments.update(row.id, { status: 'rejected', reason: result.error.message, updatedAt });
					break;
				case 'conflict':
					await db.payments.update(row.id, { status: 'rejected', reason: result.error.message, updatedAt });
					break;
			}
		}
	});
}
