import { describe, expect, it } from 'vitest';
import { backoffDelay } from '$lib/client/sync/backoffDelay';
import type { Fate } from './doubles/FakeBridge';
import { FakeBridge } from './doubles/FakeBridge';
import { makeIntent } from './doubles/makeIntent';
import { SimulatedBrowser, tick, type Tab } from './doubles/SimulatedBrowser';

async function setup(options: { bridge?: FakeBridge; batchSize?: number } = {}) {
	const browser = new SimulatedBrowser(options.bridge ?? new FakeBridge());
	const tab = browser.openTab(options.batchSize ? { batchSize: options.batchSize } : {});
	await browser.settle();
	return { browser, tab, bridge: browser.bridge };
}

async function save(tab: Tab, overrides: Parameters<typeof makeIntent>[0] = {}) {
	const intent = makeIntent(overrides);
	const saved = await tab.engine.enqueue(intent);
	if (!saved.ok) throw new Error(JSON.stringify(saved.error));
	return intent;
}

async function row(tab: Tab, id: string) {
	return { payment: await tab.db.payments.get(id), entry: await tab.db.outbox.get(id) };
}

describe('triggers are never lost', () => {
	it('a trigger while the last run is settling (it awaits the database before it ends) gets a run of its own', async () => {
		const { browser, tab } = await setup();
		let runs = 0;
		let triggered = false;
		const stop = tab.engine.subscribe((state) => {
			if (state.status.kind === 'syncing') runs += 1;
			// Called from inside the ending run, after it last looked for "run again": a payment saved
			// at this moment once waited for the next poll, 30 s later.
			if (state.status.kind === 'idle' && runs === 1 && !triggered) {
				triggered = true;
				tab.engine.trigger('saved');
			}
		});
		runs = 0;
		tab.engine.trigger('manual');
		await browser.settle();
		stop();
		expect(triggered).toBe(true);
		expect(runs).toBe(2);
	});
});

describe('per-item results (DESIGN §6)', () => {
	it('an accepted payment is marked accepted and leaves the outbox', async () => {
		const { browser, tab, bridge } = await setup();
		const intent = await save(tab);
		await browser.settle();
		expect(bridge.inserts).toEqual([intent.id]);
		const { payment, entry } = await row(tab, intent.id);
		expect(payment?.status).toBe('accepted');
		expect(entry).toBeUndefined();
		expect(tab.engine.getState()).toMatchObject({ role: 'leader', status: { kind: 'idle' } });
	});

	it('a duplicate (the bridge already had it after a lost response) is marked with the status the bridge reports', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.script = ['lose-response'];
		const intent = await save(tab);
		await browser.settle();
		expect((await row(tab, intent.id)).payment?.status).toBe('queued');
		bridge.setStatus(intent.id, 'awaiting_clearing');
		tab.engine.trigger('manual');
		await browser.settle();
		expect(bridge.inserts).toEqual([intent.id]);
		const { payment, entry } = await row(tab, intent.id);
		expect(payment?.status).toBe('awaiting_clearing');
		expect(entry).toBeUndefined();
	});

	it('a rejected payment gets the device status rejected with the bridge reason, and does not block the payments after it', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.hold = true;
		const first = await save(tab);
		const bad = await save(tab, { patientId: 'unknown-patient' });
		const last = await save(tab);
		bridge.hold = false;
		bridge.releaseAll('lose-request');
		tab.engine.trigger('manual');
		await browser.settle();
		expect(bridge.inserts.sort()).toEqual([first.id, last.id].sort());
		const refused = await row(tab, bad.id);
		expect(refused.payment).toMatchObject({ status: 'rejected', reason: expect.stringContaining('unknown-patient'), rejection: { code: 'unknown_patient' } });
		expect(refused.entry).toBeUndefined();
		expect((await row(tab, first.id)).payment?.status).toBe('accepted');
		expect((await row(tab, last.id)).payment?.status).toBe('accepted');
		expect(tab.engine.getState().status.kind).toBe('idle');
	});

	it('a conflict (another payment under this id at the bridge) becomes rejected with code conflict, and does not block the queue', async () => {
		const { browser, tab, bridge } = await setup();
		const intent = makeIntent();
		bridge.seed({ ...intent, amount: 9999 } as typeof intent);
		await tab.engine.enqueue(intent);
		const other = await save(tab);
		await browser.settle();
		const { payment, entry } = await row(tab, intent.id);
		expect(payment).toMatchObject({ status: 'rejected', rejection: { code: 'conflict' }, reason: expect.stringContaining('different details') });
		expect(entry).toBeUndefined();
		expect((await row(tab, other.id)).payment?.status).toBe('accepted');
	});
});

describe('whole-request errors (DESIGN §6)', () => {
	it('401 stops syncing and asks for pairing, keeps every payment queued, and resumes after resume()', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.script = [{ status: 401 }];
		const intent = await save(tab);
		await browser.settle();
		expect(tab.engine.getState().status).toMatchObject({ kind: 'unpaired' });
		expect(await row(tab, intent.id)).toMatchObject({ payment: { status: 'queued' }, entry: { paymentId: intent.id } });
		const requests = bridge.requests.length;
		await browser.advance(60 * 60_000);
		tab.engine.trigger('online');
		tab.engine.trigger('manual');
		await browser.settle();
		expect(bridge.requests.length).toBe(requests);
		expect(browser.clock.nextTimerAt()).toBeNull();
		tab.engine.resume();
		await browser.settle();
		expect((await row(tab, intent.id)).payment?.status).toBe('accepted');
		expect(tab.engine.getState().status.kind).toBe('idle');
	});

	it('a resume() while the 401 is on its way is not lost (the device was paired again meanwhile)', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.hold = true;
		const intent = await save(tab);
		await browser.settle();
		tab.engine.resume();
		bridge.hold = false;
		bridge.release(0, { status: 401 });
		await browser.settle();
		expect((await row(tab, intent.id)).payment?.status).toBe('accepted');
		expect(tab.engine.getState().status.kind).toBe('idle');
	});

	it('413 splits the batch in halves until the bridge takes them', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.maxBatch = 2;
		bridge.hold = true;
		const intents = [];
		for (let i = 0; i < 5; i++) intents.push(await save(tab));
		bridge.hold = false;
		bridge.releaseAll('lose-request');
		bridge.requests = [];
		tab.engine.trigger('manual');
		await browser.settle();
		expect(bridge.requests.map((r) => r.ids.length)).toEqual([5, 3, 2, 1, 2]);
		expect(bridge.inserts.sort()).toEqual(intents.map((i) => i.id).sort());
		for (const intent of intents) expect((await row(tab, intent.id)).payment?.status).toBe('accepted');
	});

	it('413 for a single payment marks it rejected (too_large) and sends the others', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.hold = true;
		const small = await save(tab);
		const huge = await save(tab, { note: 'x'.repeat(500) });
		bridge.tooLarge = (p) => (p as { note?: string }).note?.length === 500;
		bridge.hold = false;
		bridge.releaseAll('lose-request');
		tab.engine.trigger('manual');
		await browser.settle();
		expect(bridge.inserts).toEqual([small.id]);
		expect((await row(tab, huge.id)).payment).toMatchObject({ status: 'rejected', rejection: { code: 'too_large' } });
		expect((await row(tab, huge.id)).entry).toBeUndefined();
	});

	const transient: [string, Fate, 'offline' | 'error'][] = [
		['a network error', 'lose-request', 'offline'],
		['429', { status: 429 }, 'error'],
		['500', { status: 500 }, 'error'],
		['503', { status: 503 }, 'error']
	];
	for (const [name, fate, kind] of transient) {
		it(`${name} keeps the payment queued and retries after an exponential backoff with jitter`, async () => {
			const { browser, tab, bridge } = await setup();
			browser.random = () => 0.5;
			bridge.script = [fate, fate, fate];
			const intent = await save(tab);
			await browser.settle();
			const delays = [backoffDelay(1, () => 0.5), backoffDelay(2, () => 0.5), backoffDelay(3, () => 0.5)];
			expect(delays).toEqual([1000, 2000, 4000]);
			for (const [attempt, delay] of delays.entries()) {
				expect(bridge.requests.length).toBe(attempt + 1);
				const state = tab.engine.getState().status;
				expect(state).toMatchObject({ kind, nextAttemptAt: browser.clock.now() + delay });
				expect((await row(tab, intent.id)).entry).toMatchObject({ attempts: attempt + 1, lastError: expect.any(String), nextAttemptAt: browser.clock.now() + delay });
				await browser.advance(delay - 1);
				expect(bridge.requests.length).toBe(attempt + 1);
				await browser.advance(1);
			}
			expect(bridge.requests.length).toBe(4);
			expect(bridge.inserts).toEqual([intent.id]);
			expect((await row(tab, intent.id)).payment?.status).toBe('accepted');
			// Success resets the backoff: the next failure waits the first delay again.
			bridge.script = [fate];
			await save(tab);
			await browser.settle();
			expect(tab.engine.getState().status).toMatchObject({ kind, nextAttemptAt: browser.clock.now() + delays[0]! });
		});
	}

	it('the backoff is capped at 5 minutes', () => {
		expect(backoffDelay(50, () => 0.999999)).toBe(299_999);
		expect(backoffDelay(1, () => 0)).toBe(100);
	});

	it('a partly journaled request (503 after some) is resent whole, and the bridge journals each payment once', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.hold = true;
		const intents = [await save(tab), await save(tab), await save(tab)];
		bridge.hold = false;
		bridge.releaseAll('lose-request');
		bridge.script = [{ acceptFirst: 2 }];
		tab.engine.trigger('manual');
		await browser.settle();
		expect(bridge.inserts.length).toBe(2);
		await browser.advance(5 * 60_000);
		expect(bridge.inserts.sort()).toEqual(intents.map((i) => i.id).sort());
		for (const intent of intents) expect((await row(tab, intent.id)).payment?.status).toBe('accepted');
	});
});

describe('online means the health check answered within 2 s', () => {
	it('a bridge that does not answer its health check in 2 s is offline, and nothing is sent', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.healthHangs = true;
		await save(tab);
		for (let i = 0; i < 20; i++) await tick();
		expect(tab.engine.getState().status.kind).toBe('syncing');
		browser.clock.advance(1_999);
		for (let i = 0; i < 20; i++) await tick();
		expect(tab.engine.getState().status.kind).toBe('syncing');
		browser.clock.advance(1);
		await browser.settle();
		expect(tab.engine.getState().status).toMatchObject({ kind: 'offline', message: expect.stringContaining('2 s') });
		expect(bridge.requests).toEqual([]);
	});
});

describe('the queue during a push', () => {
	it('payments saved while a request is out are kept and sent after it', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.hold = true;
		const first = await save(tab);
		await browser.settle();
		expect(bridge.held.length).toBe(1);
		const during = await save(tab);
		bridge.release(0, 'ok');
		await browser.settle();
		expect((await row(tab, first.id)).payment?.status).toBe('accepted');
		expect(await row(tab, during.id)).toMatchObject({ payment: { status: 'queued' }, entry: { paymentId: during.id } });
		expect(bridge.held.map((r) => r.payments.length)).toEqual([1]);
		bridge.release(0, 'ok');
		await browser.settle();
		expect((await row(tab, during.id)).payment?.status).toBe('accepted');
		expect(bridge.inserts).toEqual([first.id, during.id]);
	});

	it('batches hold at most batchSize payments (≤ 100), oldest first', async () => {
		const { browser, tab, bridge } = await setup({ batchSize: 2 });
		bridge.hold = true;
		const intents = [];
		for (let i = 0; i < 5; i++) {
			intents.push(await save(tab));
			browser.clock.advance(1);
		}
		bridge.hold = false;
		bridge.releaseAll('lose-request');
		bridge.requests = [];
		tab.engine.trigger('manual');
		await browser.settle();
		expect(bridge.requests.map((r) => r.ids)).toEqual([
			[intents[0]!.id, intents[1]!.id],
			[intents[2]!.id, intents[3]!.id],
			[intents[4]!.id]
		]);
	});
});

describe('status changes (GET /changes)', () => {
	it('accepted payments not yet final get the status the bridge reports', async () => {
		const { browser, tab, bridge } = await setup();
		const intent = await save(tab);
		await browser.settle();
		bridge.setStatus(intent.id, 'needs_attention', 'The PMS refused the payment type.');
		await browser.advance(60_000);
		expect((await row(tab, intent.id)).payment).toMatchObject({ status: 'needs_attention', reason: 'The PMS refused the payment type.' });
		bridge.setStatus(intent.id, 'verified');
		tab.engine.trigger('visible');
		await browser.settle();
		expect((await row(tab, intent.id)).payment?.status).toBe('verified');
	});

	it('a change feed the bridge cannot serve ends the run as an error with its message and a backoff; the push before it stands', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.changesScript = [{ status: 500 }];
		const intent = await save(tab);
		await browser.settle();
		expect((await row(tab, intent.id)).payment?.status).toBe('accepted');
		expect(tab.engine.getState().status).toMatchObject({ kind: 'error', message: 'Status changes could not be read: Refused with 500.' });
		bridge.setStatus(intent.id, 'cleared');
		await browser.advance(backoffDelay(1, () => 0.5));
		expect((await row(tab, intent.id)).payment?.status).toBe('cleared');
		expect(tab.engine.getState().status.kind).toBe('idle');
	});

	it('401 on the change feed stops syncing and asks for pairing, as on a push', async () => {
		const { browser, tab, bridge } = await setup();
		const intent = await save(tab);
		await browser.settle();
		bridge.setStatus(intent.id, 'cleared');
		bridge.changesScript = [{ status: 401 }];
		tab.engine.trigger('manual');
		await browser.settle();
		expect(tab.engine.getState().status).toMatchObject({ kind: 'unpaired' });
		expect((await row(tab, intent.id)).payment?.status).toBe('accepted');
		tab.engine.resume();
		await browser.settle();
		expect((await row(tab, intent.id)).payment?.status).toBe('cleared');
	});
});

describe('the database under the engine', () => {
	it('a payment whose row is corrupted goes to the quarantine and does not block the others', async () => {
		const { browser, tab, bridge } = await setup();
		bridge.hold = true;
		const bad = await save(tab);
		const good = await save(tab);
		await tab.db.payments.update(bad.id, { 'intent.method': { kind: 'barter' } } as never);
		bridge.hold = false;
		bridge.releaseAll('lose-request');
		tab.engine.trigger('manual');
		await browser.settle();
		expect(bridge.inserts).toEqual([good.id]);
		expect((await tab.db.quarantine.toArray()).map((q) => [q.table, q.key])).toEqual([
			['payments', bad.id],
			['outbox', bad.id]
		]);
		expect(tab.engine.getState().status.kind).toBe('idle');
	});

	it('after the connection is lost under the app (iOS), the next save and sync reopen it', async () => {
		const { browser, tab, bridge } = await setup();
		tab.db.close();
		const intent = await save(tab);
		await browser.settle();
		expect(bridge.inserts).toEqual([intent.id]);
		expect((await tab.db.payments.get(intent.id))?.status).toBe('accepted');
		// And a sync that finds the connection gone between runs.
		bridge.reachable = false;
		const later = await save(tab);
		await browser.settle();
		tab.db.close();
		bridge.reachable = true;
		tab.engine.trigger('visible');
		await browser.settle();
		expect(bridge.inserts).toEqual([intent.id, later.id]);
	});
});
