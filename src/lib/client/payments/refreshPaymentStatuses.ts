import { isFinalStatus } from '$lib/domain/payment/PaymentStatus';
import type { BridgeApi } from '../api/bridgeApi';
import type { PaysplitDb } from '../db/PaysplitDb';
import { paymentRowSchema } from '../db/rows';
import { readRows } from '../db/readRows';

/** Asks the bridge where each payment it has accepted stands now, and records the answers. */
export async function refreshPaymentStatuses(db: PaysplitDb, api: BridgeApi, now: () => Date): Promise<void> {
	const { good } = readRows(paymentRowSchema, await db.payments.toArray());
	const open = good.filter((row) => row.status !== 'queued' && row.status !== 'rejected' && !isFinalStatus(row.status));
	for (const row of open) {
		const detail = await api.payment(row.id);
		if (!detail.ok) continue;
		if (detail.value.status !== row.status || detail.value.reason !== row.reason) {
			await db.payments.update(row.id, { status: detail.value.status, reason: detail.value.reason, updatedAt: now().toISOString() });
		}
	}
}
