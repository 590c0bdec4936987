import { BRIDGE_STATUSES, bridgeStatusSchema, isFinalStatus, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import type { PaysplitDb } from '../db/PaysplitDb';
import { paymentRowSchema, type PaymentRow } from '../db/rows';
import { readTable } from '../db/readTable';
import { withReopen } from '../db/withReopen';
import type { SyncApi } from './platform';

/** Bridge statuses after which something may still happen to a payment. */
export const OPEN_BRIDGE_STATUSES: readonly BridgeStatus[] = BRIDGE_STATUSES.filter((s) => !isFinalStatus(s));

/** How many payments one sync asks about, least recently checked first. */
export const REFRESH_LIMIT = 50;

export type RefreshOutcome = { kind: 'done'; changed: number } | { kind: 'offline'; message: string } | { kind: 'unpaired'; message: string };

/**
 * Asks the bridge where the payments it holds but has not finished stand (`GET /payments/:id`) and
 * records the answers: the small version of DESIGN §2 step 7. When `GET /changes?since=` exists,
 * it replaces this function (same outcome type) and the engine calls it in the same place.
 * A row whose status changed on this device meanwhile is left alone.
 */
export async function refreshStatuses(db: PaysplitDb, api: SyncApi, now: () => number, limit = REFRESH_LIMIT): Promise<RefreshOutcome> {
	const open = await readTable(db, 'payments', (t) => t.where('status').anyOf([...OPEN_BRIDGE_STATUSES]).toArray(), now);
	const due = open.sort((a, b) => ((a.checkedAt ?? '') < (b.checkedAt ?? '') ? -1 : 1)).slice(0, limit);
	const answers: { row: PaymentRow; status: BridgeStatus | null; reason: string | undefined }[] = [];
	let stop: RefreshOutcome | null = null;
	for (const row of due) {
		const detail = await api.payment(row.id);
		if (detail.ok) {
			const status = bridgeStatusSchema.safeParse(detail.value.status);
			answers.push({ row, status: status.success ? status.data : null, reason: detail.value.reason });
			continue;
		}
		if (detail.kind === 'offline') stop = { kind: 'offline', message: detail.message };
		else if (detail.status === 401) stop = { kind: 'unpaired', message: detail.message };
		else {
			// 404 or a bad answer: note the check so the others get their turn; the next sync asks again.
			answers.push({ row, status: null, reason: undefined });
			continue;
		}
		break;
	}
	const changed = await withReopen(db, () => record(db, answers, now));
	return stop ?? { kind: 'done', changed };
}

async function record(db: PaysplitDb, answers: readonly { row: PaymentRow; status: BridgeStatus | null; reason: string | undefined }[], now: () => number): Promise<number> {
	if (answers.length === 0) return 0;
	return db.transaction('rw', db.payments, async () => {
		const at = new Date(now()).toISOString();
		let changed = 0;
		for (const { row, status, reason } of answers) {
			const current = paymentRowSchema.safeParse(await db.payments.get(row.id));
			if (!current.success || current.data.status !== row.status) continue;
			const { reason: _old, ...rest } = current.data;
			if (status && (status !== row.status || reason !== row.reason)) {
				changed += 1;
				await db.payments.put({ ...rest, status, ...(reason === undefined ? {} : { reason }), updatedAt: at, checkedAt: at });
			} else {
				await db.payments.put({ ...current.data, checkedAt: at });
			}
		}
		return changed;
	});
}
