import { describe, expect, it } from 'vitest';
import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { SET_ASIDE_AFTER_FAILURES, SET_ASIDE_AFTER_MS } from '$lib/client/sync/noteBridgeErrors';
import { makeIntent } from './doubles/makeIntent';
import { SimulatedBrowser, type Tab } from './doubles/SimulatedBrowser';

/**
 * Issue "defence in depth on the device": a batch that keeps failing with a 5xx is split in halves
 * as a 413 is, so one payment the bridge cannot take never holds up the others; one that still
 * fails alone after several tries over at least 10 minutes is set aside for a person.
 */

const MINUTE = 60_000;

/** A leader tab with `count` payments queued, sent together by the next push (none sent yet). */
async function queued(count: number) {
	const browser = new SimulatedBrowser();
	const { bridge } = browser;
	const tab = browser.openTab();
	await browser.settle();
	bridge.hold = true;
	const intents: PaymentIntent[] = [];
	for (let i = 0; i < count; i++) {
		const intent = makeIntent();
		const saved = await tab.engine.enqueue(intent);
		if (!saved.ok) throw new Error(JSON.stringify(saved.error));
		intents.push(intent);
	}
	bridge.hold = false;
	bridge.releaseAll('lose-request');
	bridge.requests = [];
	return { browser, bridge, tab, intents };
}

/** Runs a push now and waits for it (and whatever it triggered) to end. */
async function push(browser: SimulatedBrowser, tab: Tab) {
	tab.engine.trigger('manual');
	await browser.settle();
}

async function row(tab: Tab, id: string) {
	return { payment: await tab.db.payments.get(id), entry: await tab.db.outbox.get(id) };
}

describe('one payment the bridge fails on never holds up the others', () => {
	for (const status of [500, 502, 504] as const) {
		it(`a batch of 10 answered ${status} because of one payment is split in halves: the 9 others reach the bridge in the same push, each once; the bad one stays queued with its failure noted`, async () => {
			const { browser, bridge, tab, intents } = await queued(10);
			const bad = intents[2]!;
			bridge.failsOn.set(bad.id, status);
			await push(browser, tab);
			const others = intents.filter((i) => i !== bad).map((i) => i.id);
			expect([...bridge.inserts].sort()).toEqual([...others].sort());
			// 10 → 5 (the bad one in it) → 3 → 2 (taken) + the bad one alone, then the rest of each half;
			// no half the bridge answered is sent again.
			expect(bridge.requests.map((r) => r.ids.length)).toEqual([10, 5, 3, 2, 1, 2, 5]);
			for (const id of others) expect((await row(tab, id)).payment?.status).toBe('accepted');
			const { payment, entry } = await row(tab, bad.id);
			expect(payment?.status).toBe('queued');
			expect(entry).toMatchObject({ bridgeErrors: 1, firstBridgeErrorAt: browser.clock.now(), othersTaken: true, mayBeAtBridge: true, lastError: expect.stringContaining(`error ${status}`) });
			expect(tab.engine.getState().status).toMatchObject({ kind: 'error', message: expect.stringContaining('the others were sent') });
		});
	}

	it('after failing alone 5 times over at least 10 minutes it is set aside (rejected, bridge_error, with the bridge’s answer), leaves the outbox, and the queue is unblocked', async () => {
		const { browser, bridge, tab, intents } = await queued(10);
		const bad = intents[0]!;
		bridge.failsOn.set(bad.id, 500);
		const start = browser.clock.now();
		await push(browser, tab);
		expect(bridge.inserts.length).toBe(9);
		const firstPush = bridge.requests.length;

		// The backoff brings 5 failures within a minute: not yet 10 minutes, so it still waits.
		await browser.advance(MINUTE);
		let entry = (await row(tab, bad.id)).entry;
		expect(entry?.bridgeErrors).toBeGreaterThanOrEqual(SET_ASIDE_AFTER_FAILURES);
		expect(entry?.firstBridgeErrorAt).toBe(start);
		expect((await row(tab, bad.id)).payment?.status).toBe('queued');
		// Every try after the first push carried it alone.
		expect(bridge.requests.slice(firstPush).every((r) => r.ids.length === 1 && r.ids[0] === bad.id)).toBe(true);

		await browser.advance(SET_ASIDE_AFTER_MS - MINUTE - 1_000);
		expect((await row(tab, bad.id)).payment?.status).toBe('queued');
		await browser.advance(5 * MINUTE);
		const { payment } = await row(tab, bad.id);
		entry = (await row(tab, bad.id)).entry;
		expect(payment).toMatchObject({ status: 'rejected', rejection: { code: 'bridge_error', issues: [] } });
		expect(payment?.reason).toBe(`The bridge could not take this payment (error 500, internal: Failed on payment ${bad.id}.). It was set aside so the others could be sent. Send it again, or call support.`);
		expect(entry).toBeUndefined();
		expect(bridge.journal.has(bad.id)).toBe(false);
		expect(tab.engine.getState().status.kind).toBe('idle');

		// Nothing waits behind it: a new payment goes alone, at once, and is taken.
		const sentBefore = bridge.requests.length;
		const next = makeIntent();
		await tab.engine.enqueue(next);
		await browser.settle();
		expect(bridge.requests.slice(sentBefore).map((r) => r.ids)).toEqual([[next.id]]);
		expect((await row(tab, next.id)).payment?.status).toBe('accepted');
	});

	it('a set-aside payment cannot be deleted (the bridge may have it); "Send again" queues it under the same id, counting afresh, and the bridge answers duplicate if it had it', async () => {
		const { browser, bridge, tab, intents } = await queued(3);
		const bad = intents[1]!;
		bridge.failsOn.set(bad.id, 500);
		await push(browser, tab);
		await browser.advance(SET_ASIDE_AFTER_MS + 5 * MINUTE);
		expect((await row(tab, bad.id)).payment?.rejection?.code).toBe('bridge_error');

		expect(await tab.engine.discard(bad.id)).toMatchObject({ ok: false, error: { kind: 'may_be_at_bridge' } });
		expect(await tab.engine.retry(bad.id, { ...bad, amount: 1 })).toMatchObject({ ok: false, error: { kind: 'may_be_at_bridge' } });

		// Still failing: it is queued again under its id, may not be deleted, and counts from one.
		const retriedAt = browser.clock.now();
		expect(await tab.engine.retry(bad.id)).toEqual({ ok: true, id: bad.id, newId: false });
		await browser.settle();
		let { payment, entry } = await row(tab, bad.id);
		expect(payment).toMatchObject({ status: 'queued', intent: bad });
		expect(payment?.rejection).toBeUndefined();
		expect(entry).toMatchObject({ enqueuedAt: retriedAt, mayBeAtBridge: true, bridgeErrors: 1, firstBridgeErrorAt: retriedAt });
		expect(await tab.engine.discard(bad.id)).toMatchObject({ ok: false, error: { kind: 'may_be_at_bridge' } });

		// The bridge had in fact journaled it before failing (a 500 after the commit).
		bridge.failsOn.delete(bad.id);
		bridge.seed(bad, 'posted');
		await browser.advance(5 * MINUTE);
		({ payment, entry } = await row(tab, bad.id));
		expect(payment?.status).toBe('posted');
		expect(entry).toBeUndefined();
		expect(bridge.inserts.filter((id) => id === bad.id)).toEqual([]);
	});

	it('a payment that failed alone and then gets through leaves the outbox with its failures, and is never set aside', async () => {
		const { browser, bridge, tab, intents } = await queued(4);
		const flaky = intents[3]!;
		bridge.failsOn.set(flaky.id, 500);
		await push(browser, tab);
		await browser.advance(MINUTE);
		expect((await row(tab, flaky.id)).entry?.bridgeErrors).toBeGreaterThanOrEqual(2);
		bridge.failsOn.delete(flaky.id);
		await browser.advance(5 * MINUTE);
		expect(await row(tab, flaky.id)).toMatchObject({ payment: { status: 'accepted' }, entry: undefined });
		await browser.advance(SET_ASIDE_AFTER_MS);
		expect((await row(tab, flaky.id)).payment?.status).toBe('accepted');
	});
});

describe('a payment that waits at the device while the bridge has it still ends as the change feed says', () => {
	// A push answered `duplicate` gives the bridge's status but no reason (DESIGN §6), and a sync pulls
	// the change feed even when the bridge failed on a payment alone: the feed's cursor moves past the
	// changes of a payment still queued (or set aside) here, which the row cannot take then.
	const reason = 'The PMS refused the payment type.';

	it('a payment journaled by a request that failed, then failed alone (502) while the bridge moved it on, ends with the status and reason of the feed once the bridge answers duplicate', async () => {
		const browser = new SimulatedBrowser();
		const { bridge } = browser;
		const tab = browser.openTab();
		await browser.settle();
		// Journaled, but the request still fails (503 after the commit): it stays queued.
		bridge.script = [{ acceptFirst: 1 }];
		const intent = makeIntent();
		await tab.engine.enqueue(intent);
		await browser.settle();
		expect(bridge.inserts).toEqual([intent.id]);
		bridge.setStatus(intent.id, 'needs_attention', reason);
		// Sent alone, a proxy answers 502: the push ends partial and the sync pulls the feed past that change.
		bridge.script = [{ status: 502 }];
		await push(browser, tab);
		expect((await row(tab, intent.id)).payment?.status).toBe('queued');
		expect(bridge.changesRequests.length).toBeGreaterThan(0);
		// The next push is answered duplicate (status, no reason); nothing later is in the feed.
		await browser.advance(5 * MINUTE);
		await push(browser, tab);
		expect(await row(tab, intent.id)).toMatchObject({ payment: { status: 'needs_attention', reason }, entry: undefined });
		expect(bridge.inserts).toEqual([intent.id]);
	});

	it('a set-aside payment the bridge had journaled, sent again, ends with the status and reason the feed gave while it was set aside', async () => {
		const { browser, bridge, tab, intents } = await queued(3);
		const bad = intents[1]!;
		// The bridge journals it and then fails on it (a 500 after the commit), every time.
		bridge.seed(bad);
		bridge.failsOn.set(bad.id, 500);
		await push(browser, tab);
		bridge.setStatus(bad.id, 'needs_attention', reason);
		await browser.advance(SET_ASIDE_AFTER_MS + 5 * MINUTE);
		expect((await row(tab, bad.id)).payment?.rejection?.code).toBe('bridge_error');
		bridge.setStatus(bad.id, 'needs_attention', `${reason} (again)`);
		await browser.advance(5 * MINUTE);

		bridge.failsOn.delete(bad.id);
		expect(await tab.engine.retry(bad.id)).toEqual({ ok: true, id: bad.id, newId: false });
		await browser.settle();
		expect(await row(tab, bad.id)).toMatchObject({ payment: { status: 'needs_attention', reason: `${reason} (again)` }, entry: undefined });
	});
});

describe('what says the bridge as a whole cannot serve is not split, and sets nothing aside', () => {
	it('503 (the PMS cannot be read): the batch is retried whole, every payment waits, none is set aside', async () => {
		const { browser, bridge, tab, intents } = await queued(10);
		bridge.failsOn.set(intents[0]!.id, 503);
		await push(browser, tab);
		await browser.advance(30 * MINUTE);
		expect(bridge.requests.length).toBeGreaterThan(5);
		expect(bridge.requests.every((r) => r.ids.length === 10)).toBe(true);
		for (const intent of intents) {
			const { payment, entry } = await row(tab, intent.id);
			expect(payment?.status).toBe('queued');
			expect(entry?.bridgeErrors).toBeUndefined();
		}
		expect(tab.engine.getState().status).toMatchObject({ kind: 'error', message: expect.stringContaining('503') });
	});

	it('a network failure: the batch is retried whole, every payment waits, none is set aside', async () => {
		const { browser, bridge, tab, intents } = await queued(10);
		bridge.script = Array.from({ length: 100 }, () => 'lose-request' as const);
		await push(browser, tab);
		await browser.advance(30 * MINUTE);
		expect(bridge.requests.length).toBeGreaterThan(5);
		expect(bridge.requests.every((r) => r.ids.length === 10)).toBe(true);
		for (const intent of intents) {
			const { payment, entry } = await row(tab, intent.id);
			expect(payment?.status).toBe('queued');
			expect(entry?.bridgeErrors).toBeUndefined();
		}
		expect(tab.engine.getState().status.kind).toBe('offline');
	});

	it('a bridge that answers 500 to every payment is failing as a whole: a push gives up after 3 payments failed alone, and after an hour none is set aside', async () => {
		const { browser, bridge, tab, intents } = await queued(6);
		for (const intent of intents) bridge.failsOn.set(intent.id, 500);
		await push(browser, tab);
		// 6 → 3 → 2 → 1, 1, then the third alone: it stops there (with 100: 11 requests, not 199).
		expect(bridge.requests.map((r) => r.ids.length)).toEqual([6, 3, 2, 1, 1, 1]);
		expect(tab.engine.getState().status).toMatchObject({ kind: 'error', message: expect.stringContaining('failing as a whole') });
		await browser.advance(60 * MINUTE);
		for (const intent of intents) {
			const { payment, entry } = await row(tab, intent.id);
			expect(payment?.status).toBe('queued');
			// Each failed alone often enough to be set aside, had the bridge taken anything meanwhile.
			expect(entry?.bridgeErrors).toBeGreaterThanOrEqual(SET_ASIDE_AFTER_FAILURES);
		}
		// The next pushes tried the others first, not the same three again.
		const failedAlone = new Set(bridge.requests.filter((r) => r.ids.length === 1).map((r) => r.ids[0]));
		expect(failedAlone.size).toBeGreaterThan(3);

		// When the bridge is well again, everything goes, each payment once.
		bridge.failsOn.clear();
		await browser.advance(5 * MINUTE);
		expect([...bridge.inserts].sort()).toEqual(intents.map((i) => i.id).sort());
		for (const intent of intents) expect((await row(tab, intent.id)).payment?.status).toBe('accepted');
	});
});
