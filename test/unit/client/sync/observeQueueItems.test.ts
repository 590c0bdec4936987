import 'fake-indexeddb/auto'; // liveQuery needs Dexie to have seen a global indexedDB (see db/quarantine.test.ts)
import { describe, expect, it } from 'vitest';
import { applyVerdicts } from '$lib/client/sync/applyVerdicts';
import { claimBatch } from '$lib/client/sync/claimBatch';
import { enqueuePayment } from '$lib/client/sync/enqueuePayment';
import { observeQueueItems, type QueueItem } from '$lib/client/sync/observeQueueItems';
import { observeQueueSummary, type QueueSummary } from '$lib/client/sync/observeQueueSummary';
import { bridgeErrorVerdict } from '$lib/client/sync/Verdict';
import { freshDb } from '../db/testDb';
import { makeIntent } from './doubles/makeIntent';

describe('the Queue page and the header see the queue live (issue 4 item 6)', () => {
	it('lists queued and refused payments with what a person may do, and the header counts what waits and since when', async () => {
		const { db } = freshDb();
		const conflict = makeIntent({ takenAt: '2026-11-23T13:00:00.000Z' });
		const sent = makeIntent({ takenAt: '2026-11-23T13:30:00.000Z' });
		await enqueuePayment(db, conflict, () => 1_000);
		await enqueuePayment(db, sent, () => 2_000);
		const claim = await claimBatch(db, { after: null, limit: 100, now: () => 3_000 });
		await applyVerdicts(db, claim.items, [{ kind: 'refused', code: 'conflict', message: 'other payment', issues: [] }, undefined], () => 3_000);
		const fresh = makeIntent({ takenAt: '2026-11-23T14:00:00.000Z' });
		await enqueuePayment(db, fresh, () => 4_000);

		let items: QueueItem[] = [];
		let summary: QueueSummary | null = null;
		const subscriptions = [observeQueueItems(db, () => 5_000).subscribe((v) => (items = v)), observeQueueSummary(db, () => 5_000).subscribe((v) => (summary = v))];
		await expect.poll(() => items.length).toBe(3);
		expect(items.map((i) => [i.payment.id, i.payment.status, i.canRetry, i.retryNeedsNewId, i.canDiscard, i.setAside, i.entry?.attempts ?? null])).toEqual([
			[conflict.id, 'rejected', true, true, true, false, null],
			[sent.id, 'queued', false, false, false, false, 1],
			[fresh.id, 'queued', false, false, true, false, 0]
		]);
		expect(summary).toEqual({ waiting: 2, oldestEnqueuedAt: 2_000, rejected: 1, quarantined: 0 });

		await enqueuePayment(db, makeIntent(), () => 6_000);
		await expect.poll(() => (summary as QueueSummary | null)?.waiting).toBe(3);
		for (const s of subscriptions) s.unsubscribe();
	});

	it('a payment set aside after the bridge kept failing on it may be sent again, not deleted (the bridge may have it)', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		await enqueuePayment(db, intent, () => 1_000);
		const claim = await claimBatch(db, { after: null, limit: 100, now: () => 2_000 });
		await applyVerdicts(db, claim.items, [bridgeErrorVerdict({ status: 500, code: 'http_error', message: 'The bridge answered 500.' })], () => 3_000);
		let items: QueueItem[] = [];
		const subscription = observeQueueItems(db, () => 5_000).subscribe((v) => (items = v));
		await expect.poll(() => items.length).toBe(1);
		expect(items[0]).toMatchObject({ canRetry: true, retryNeedsNewId: false, canDiscard: false, setAside: true, payment: { status: 'rejected', rejection: { code: 'bridge_error' } } });
		expect(items[0]?.payment.reason).toBe('The bridge could not take this payment (error 500). It was set aside so the others could be sent. Send it again, or call support.');
		subscription.unsubscribe();
	});
});
