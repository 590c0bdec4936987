import { describe, expect, it } from 'vitest';
import { enqueuePayment } from '$lib/client/sync/enqueuePayment';
import { findRecentSimilar } from '$lib/client/sync/findRecentSimilar';
import { freshDb } from '../db/testDb';
import { makeIntent } from './doubles/makeIntent';

const at = (time: string) => Date.parse(`2026-11-23T${time}:00.000Z`);

describe('"already taken?" (DESIGN §2 step 1)', () => {
	it('finds payments in the last 10 minutes with the same patient, amount and method, and only those', async () => {
		const { db } = freshDb();
		const save = (overrides: Parameters<typeof makeIntent>[0]) => enqueuePayment(db, makeIntent(overrides), () => at('14:00'));
		const same = makeIntent({ takenAt: '2026-11-23T14:05:00.000Z' });
		await enqueuePayment(db, same, () => at('14:05'));
		await save({ takenAt: '2026-11-23T13:59:00.000Z' }); // 11 minutes before
		await save({ takenAt: '2026-11-23T14:06:00.000Z', patientId: '2' });
		await save({ takenAt: '2026-11-23T14:06:00.000Z', amount: 2501 });
		await save({ takenAt: '2026-11-23T14:06:00.000Z', method: { kind: 'check', checkNumber: '12' } });
		const voided = makeIntent({ takenAt: '2026-11-23T14:07:00.000Z' });
		await enqueuePayment(db, voided, () => at('14:07'));
		await db.payments.update(voided.id, { status: 'voided' });
		const found = await findRecentSimilar(db, { patientId: '1', amount: 2500, methodKind: 'cash' }, at('14:10'));
		expect(found.map((p) => p.id)).toEqual([same.id]);
	});
});
