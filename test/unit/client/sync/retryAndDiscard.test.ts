import { describe, expect, it } from 'vitest';
import { applyVerdicts } from '$lib/client/sync/applyVerdicts';
import { claimBatch } from '$lib/client/sync/claimBatch';
import { discardPayment } from '$lib/client/sync/discardPayment';
import { enqueuePayment } from '$lib/client/sync/enqueuePayment';
import { retryPayment } from '$lib/client/sync/retryPayment';
import type { Verdict } from '$lib/client/sync/Verdict';
import type { PaysplitDb } from '$lib/client/db/PaysplitDb';
import type { RejectionCode } from '$lib/client/db/RejectionCode';
import { freshDb } from '../db/testDb';
import { makeIntent, nextPaymentId } from './doubles/makeIntent';

const now = () => 5_000;

/** Saves, sends (claims) and records the bridge's refusal, as the engine does. */
async function refused(db: PaysplitDb, code: RejectionCode, overrides: Parameters<typeof makeIntent>[0] = {}) {
	const intent = makeIntent(overrides);
	await enqueuePayment(db, intent, () => 1_000);
	const claim = await claimBatch(db, { after: null, limit: 100, now });
	const verdict: Verdict = { kind: 'refused', code, message: `refused: ${code}`, issues: [] };
	await applyVerdicts(db, claim.items, [verdict], now);
	return intent;
}

describe('retry of a refused payment', () => {
	it('an invalid or unknown-patient payment, once fixed, is queued again under the same id (the bridge wrote nothing)', async () => {
		const { db } = freshDb();
		const intent = await refused(db, 'unknown_patient', { patientId: 'ghost' });
		const result = await retryPayment(db, intent.id, { edited: { ...intent, patientId: '7' }, now });
		expect(result).toEqual({ ok: true, id: intent.id, newId: false });
		const row = await db.payments.get(intent.id);
		expect(row).toMatchObject({ status: 'queued', intent: { patientId: '7' } });
		expect(row?.reason).toBeUndefined();
		expect(row?.rejection).toBeUndefined();
		expect(await db.outbox.get(intent.id)).toEqual({ paymentId: intent.id, enqueuedAt: 5_000, attempts: 0, mayBeAtBridge: false });
	});

	it('a conflicting payment is queued under a new id, replacing the old row (the bridge holds another payment under that id)', async () => {
		const { db } = freshDb();
		const intent = await refused(db, 'conflict');
		const fresh = nextPaymentId();
		const result = await retryPayment(db, intent.id, { now, newId: () => fresh });
		expect(result).toEqual({ ok: true, id: fresh, newId: true });
		expect(await db.payments.get(intent.id)).toBeUndefined();
		expect(await db.payments.get(fresh)).toMatchObject({ status: 'queued', replaces: intent.id, intent: { ...intent, id: fresh } });
		expect(await db.outbox.get(fresh)).toMatchObject({ paymentId: fresh });
	});

	it('a payment set aside after the bridge kept failing on it (bridge_error) goes out again unchanged under the same id, as possibly at the bridge', async () => {
		const { db } = freshDb();
		const intent = await refused(db, 'bridge_error');
		expect(await retryPayment(db, intent.id, { edited: { ...intent, amount: 1 }, now })).toMatchObject({ ok: false, error: { kind: 'may_be_at_bridge' } });
		expect(await retryPayment(db, intent.id, { now })).toEqual({ ok: true, id: intent.id, newId: false });
		expect(await db.payments.get(intent.id)).toMatchObject({ status: 'queued', intent });
		expect(await db.outbox.get(intent.id)).toEqual({ paymentId: intent.id, enqueuedAt: 5_000, attempts: 0, mayBeAtBridge: true });
	});

	it('an edit may not change the id, nor make the payment invalid; only refused payments are retried', async () => {
		const { db } = freshDb();
		const intent = await refused(db, 'invalid');
		expect(await retryPayment(db, intent.id, { edited: { ...intent, id: nextPaymentId() }, now })).toMatchObject({ ok: false, error: { kind: 'id_changed' } });
		expect(await retryPayment(db, intent.id, { edited: { ...intent, amount: -1 }, now })).toMatchObject({ ok: false, error: { kind: 'invalid', issues: [{ path: 'amount' }] } });
		expect((await db.payments.get(intent.id))?.status).toBe('rejected');
		const queued = makeIntent();
		await enqueuePayment(db, queued, now);
		expect(await retryPayment(db, queued.id, { now })).toMatchObject({ ok: false, error: { kind: 'not_rejected' } });
	});
});

describe('discard, only while the bridge cannot have the payment', () => {
	it('a queued payment never sent may be discarded', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		await enqueuePayment(db, intent, now);
		expect(await discardPayment(db, intent.id)).toEqual({ ok: true });
		expect(await db.payments.get(intent.id)).toBeUndefined();
		expect(await db.outbox.get(intent.id)).toBeUndefined();
	});

	it('a queued payment already handed to a request may not (its answer may have been lost)', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		await enqueuePayment(db, intent, now);
		await claimBatch(db, { after: null, limit: 100, now });
		expect(await discardPayment(db, intent.id)).toMatchObject({ ok: false, error: { kind: 'may_be_at_bridge' } });
		expect(await db.payments.get(intent.id)).toBeDefined();
	});

	it('a payment set aside after the bridge kept failing on it (bridge_error) may not: the bridge may have journaled it', async () => {
		const { db } = freshDb();
		const intent = await refused(db, 'bridge_error');
		expect(await discardPayment(db, intent.id)).toMatchObject({ ok: false, error: { kind: 'may_be_at_bridge' } });
		expect((await db.payments.get(intent.id))?.status).toBe('rejected');
	});

	it('a refused payment may be discarded; one the bridge accepted may not', async () => {
		const { db } = freshDb();
		const bad = await refused(db, 'invalid');
		expect(await discardPayment(db, bad.id)).toEqual({ ok: true });
		const good = makeIntent();
		await enqueuePayment(db, good, now);
		const claim = await claimBatch(db, { after: null, limit: 100, now });
		await applyVerdicts(db, claim.items, [{ kind: 'at_bridge', status: 'accepted' }], now);
		expect(await discardPayment(db, good.id)).toMatchObject({ ok: false, error: { kind: 'at_bridge' } });
	});
});

describe('acknowledgement', () => {
	it('a late answer to an older send does not touch a payment retried since', async () => {
		const { db } = freshDb();
		const intent = await refused(db, 'unknown_patient');
		await retryPayment(db, intent.id, { now: () => 9_000 });
		// The answer to the first send arrives again (a duplicated delivery, or an old leader's).
		const stale = { intent, enqueuedAt: 1_000 };
		await applyVerdicts(db, [stale], [{ kind: 'refused', code: 'unknown_patient', message: 'old', issues: [] }], now);
		expect((await db.payments.get(intent.id))?.status).toBe('queued');
		expect(await db.outbox.get(intent.id)).toMatchObject({ enqueuedAt: 9_000 });
	});
});
