import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoProcessor } from '$lib/server/clearing/createDemoProcessor';
import { demoProcessorFee } from '$lib/domain/clearing/demoProcessorFee';
import type { Cents } from '$lib/domain/money/cents';
import { ach, card, openClearingStore } from './clearingStore';

let store: Awaited<ReturnType<typeof openClearingStore>>;
let woken = 0;
beforeEach(async () => {
	store = await openClearingStore();
	woken = 0;
});
afterEach(async () => {
	await store.sql.close();
});

const processor = (settleAfterMs = 20_000, intervalMs?: number) =>
	createDemoProcessor({ sql: store.sql, now: store.now, settleAfterMs, onSettled: () => (woken += 1), log: store.deps.log, ...(intervalMs ? { intervalMs } : {}) });

describe('the demo processor', () => {
	it('settles card and ACH payments once they have waited the configured time, not before, for the amount taken', async () => {
		const demo = processor(20_000);
		const cardId = await store.insertPayment(card('D-1'), 12500);
		const achId = await store.insertPayment(ach('D-2'), 100_000);
		const cash = await store.insertPayment({ kind: 'cash' }, 500, 'cleared');
		store.advance(19_999);
		expect(await demo.runOnce()).toBe(0);
		expect((await store.payment(cardId)).status).toBe('awaiting_clearing');
		expect(woken).toBe(0);
		store.advance(1);
		expect(await demo.runOnce()).toBe(2);
		expect(woken).toBe(1);
		for (const id of [cardId, achId]) {
			expect((await store.payment(id)).status).toBe('cleared');
			expect((await store.events(id)).at(-1)).toMatchObject({ status: 'cleared', actor: 'demo processor', cause: 'the demo processor settled it after 20 s' });
		}
		expect((await store.events(cash)).length).toBe(0);
		expect(await demo.runOnce()).toBe(0);
	});

	it('keeps a plausible fee apart from the gross: 2.9% + 30¢ for cards, 0.8% capped at $5 for ACH', async () => {
		const cardId = await store.insertPayment(card('F-1'), 12500);
		const small = await store.insertPayment(ach('F-2'), 10_000);
		const large = await store.insertPayment(ach('F-3'), 100_000);
		await processor(0).runOnce();
		expect(await store.settlements(cardId)).toMatchObject([{ source: 'demo', gross: 12500, fee: 393 }]);
		expect(await store.settlements(small)).toMatchObject([{ gross: 10_000, fee: 80 }]);
		expect(await store.settlements(large)).toMatchObject([{ gross: 100_000, fee: 500 }]);
		expect(demoProcessorFee('card', 1 as Cents)).toBe(30);
	});

	it('counts the wait from when the payment began to wait for clearing', async () => {
		const id = await store.insertPayment(card('W-1'), 500);
		store.advance(60_000);
		// Moved back to waiting just now (a person retried it): the wait starts again.
		await store.sql.query(`UPDATE payment SET updated_at = $2 WHERE id = $1`, [id, store.now()]);
		expect(await processor(20_000).runOnce()).toBe(0);
	});

	it('leaves payments it cannot tell apart by reference to a person, and says so once', async () => {
		const a = await store.insertPayment(card('SAME'), 500);
		const b = await store.insertPayment(card('SAME'), 500);
		const demo = processor(0);
		expect(await demo.runOnce()).toBe(0);
		expect(await demo.runOnce()).toBe(0);
		expect((await store.payment(a)).status).toBe('awaiting_clearing');
		expect((await store.payment(b)).status).toBe('awaiting_clearing');
		expect(store.logs.filter((l) => l.message.startsWith('demo processor:'))).toHaveLength(2);
	});

	it('runs on its own timer once started, and stops', async () => {
		const id = await store.insertPayment(card('T-1'), 500);
		const demo = processor(0, 10);
		demo.start();
		const deadline = Date.now() + 5_000;
		while ((await store.payment(id)).status !== 'cleared' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		await demo.stop();
		expect((await store.payment(id)).status).toBe('cleared');
		const later = await store.insertPayment(card('T-2'), 500);
		await new Promise((r) => setTimeout(r, 100));
		expect((await store.payment(later)).status).toBe('awaiting_clearing');
	});
});
