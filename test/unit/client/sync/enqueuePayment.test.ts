import { describe, expect, it, vi } from 'vitest';
import { enqueuePayment } from '$lib/client/sync/enqueuePayment';
import { freshDb } from '../db/testDb';
import { makeIntent } from './doubles/makeIntent';

const now = () => Date.parse('2026-11-23T14:05:00.000Z');

describe('saving a payment (DESIGN §2 step 3)', () => {
	it('writes the payment (queued) and its outbox entry together', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		const saved = await enqueuePayment(db, intent, now);
		expect(saved).toEqual({ ok: true, payment: { id: intent.id, intent, status: 'queued', updatedAt: '2026-11-23T14:05:00.000Z' } });
		expect(await db.payments.get(intent.id)).toMatchObject({ status: 'queued' });
		expect(await db.outbox.get(intent.id)).toEqual({ paymentId: intent.id, enqueuedAt: now(), attempts: 0, mayBeAtBridge: false });
	});

	it('writes neither when one of the two writes fails (one transaction)', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		await db.outbox.add({ paymentId: intent.id, enqueuedAt: 1, attempts: 0, mayBeAtBridge: false });
		await expect(enqueuePayment(db, intent, now)).rejects.toMatchObject({ name: 'ConstraintError' });
		expect(await db.payments.get(intent.id)).toBeUndefined();
	});

	it('refuses an invalid payment with its issues and writes nothing', async () => {
		const { db } = freshDb();
		const saved = await enqueuePayment(db, { ...makeIntent(), amount: 0, note: '4111 1111 1111 1111' }, now);
		expect(saved.ok).toBe(false);
		if (saved.ok || saved.error.kind !== 'invalid') throw new Error('expected invalid');
		expect(saved.error.issues.map((i) => i.path).sort()).toEqual(['amount', 'note']);
		expect(await db.payments.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('saving the same payment twice keeps one payment and one entry', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		await enqueuePayment(db, intent, now);
		expect((await enqueuePayment(db, { ...intent, takenAt: '2026-11-23T14:09:00.000Z' }, now)).ok).toBe(true);
		expect(await db.payments.count()).toBe(1);
		expect(await db.outbox.count()).toBe(1);
	});

	it('refuses another payment under an id already saved', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		await enqueuePayment(db, intent, now);
		const other = await enqueuePayment(db, { ...intent, amount: 100 }, now);
		expect(other).toMatchObject({ ok: false, error: { kind: 'id_taken' } });
		expect((await db.payments.get(intent.id))?.intent.amount).toBe(2500);
	});

	it('does not scan or count the outbox, so saving stays fast with 10,000 payments waiting', async () => {
		const { db } = freshDb();
		const rows = Array.from({ length: 10_000 }, (_, i) => {
			const intent = makeIntent();
			return { payment: { id: intent.id, intent, status: 'queued' as const, updatedAt: intent.takenAt }, entry: { paymentId: intent.id, enqueuedAt: i, attempts: 0, mayBeAtBridge: false } };
		});
		await db.payments.bulkAdd(rows.map((r) => r.payment));
		await db.outbox.bulkAdd(rows.map((r) => r.entry));
		const scans = (['count', 'toArray', 'toCollection', 'orderBy', 'where', 'filter', 'each'] as const).map((method) => vi.spyOn(db.outbox, method));
		const started = performance.now();
		const saved = await enqueuePayment(db, makeIntent(), now);
		const elapsed = performance.now() - started;
		expect(saved.ok).toBe(true);
		for (const scan of scans) expect(scan).not.toHaveBeenCalled();
		// Informational: fake-indexeddb in Node, not a browser; the real measurement is issue 4's.
		console.info(`enqueuePayment with 10,000 queued: ${elapsed.toFixed(1)} ms`);
	}, 60_000);
});
