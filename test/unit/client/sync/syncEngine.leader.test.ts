import { describe, expect, it } from 'vitest';
import { LEADER_LOCK } from '$lib/client/sync/SyncMessage';
import { makeIntent } from './doubles/makeIntent';
import { SimulatedBrowser } from './doubles/SimulatedBrowser';

describe('one sync leader per browser (Web Locks)', () => {
	it('the first tab leads; the others wait for the lock and never send', async () => {
		const browser = new SimulatedBrowser();
		const a = browser.openTab();
		const b = browser.openTab();
		const c = browser.openTab();
		await browser.settle();
		expect([a, b, c].map((t) => t.engine.getState().role)).toEqual(['leader', 'follower', 'follower']);
		expect(browser.locks.holder(LEADER_LOCK)).toBe(a.id);
		expect(browser.locks.waiting(LEADER_LOCK)).toEqual([b.id, c.id]);
		await b.engine.enqueue(makeIntent());
		await c.engine.enqueue(makeIntent());
		await browser.settle();
		expect(browser.bridge.requests.every((r) => r.tab === a.id)).toBe(true);
		expect(browser.bridge.inserts.length).toBe(2);
	});

	it('a follower’s "Sync now" and wakeups are passed to the leader, and followers show the leader’s status', async () => {
		const browser = new SimulatedBrowser();
		const a = browser.openTab();
		const b = browser.openTab();
		await browser.settle();
		browser.bridge.reachable = false;
		b.engine.trigger('manual');
		await browser.settle();
		expect(a.engine.getState().status.kind).toBe('offline');
		expect(b.engine.getState()).toMatchObject({ role: 'follower', status: { kind: 'offline' } });
		browser.bridge.reachable = true;
		const intent = makeIntent();
		await b.db.payments.add({ id: intent.id, intent, status: 'queued', updatedAt: intent.takenAt });
		await b.db.outbox.add({ paymentId: intent.id, enqueuedAt: 1, attempts: 0, mayBeAtBridge: false });
		b.wake('online');
		await browser.settle();
		expect(browser.bridge.inserts).toEqual([intent.id]);
		expect(b.engine.getState().status.kind).toBe('idle');
	});

	it('a tab opened later learns the leader’s status at once', async () => {
		const browser = new SimulatedBrowser();
		const a = browser.openTab();
		browser.bridge.reachable = false;
		await browser.settle();
		expect(a.engine.getState().status.kind).toBe('offline');
		const b = browser.openTab();
		await browser.settle();
		expect(b.engine.getState().status.kind).toBe('offline');
	});

	it('when the leader crashes mid-push, the next tab takes over and the payment reaches the journal once', async () => {
		const browser = new SimulatedBrowser();
		const a = browser.openTab();
		const b = browser.openTab();
		await browser.settle();
		browser.bridge.hold = true;
		const intent = makeIntent();
		await a.engine.enqueue(intent);
		await browser.settle();
		expect(browser.bridge.held.map((r) => r.tab)).toEqual([a.id]);
		browser.crash(a);
		await browser.settle();
		expect(b.engine.getState().role).toBe('leader');
		expect(browser.locks.holder(LEADER_LOCK)).toBe(b.id);
		expect(browser.bridge.held.map((r) => r.tab)).toEqual([a.id, b.id]);
		// The dead tab's request still reaches the bridge; its answer goes nowhere.
		browser.bridge.release(0, 'ok');
		browser.bridge.release(0, 'ok');
		await browser.settle();
		expect(browser.bridge.inserts).toEqual([intent.id]);
		expect((await b.db.payments.get(intent.id))?.status).toBe('accepted');
		expect(await b.db.outbox.count()).toBe(0);
	});

	it('stop() hands the leadership to the next tab', async () => {
		const browser = new SimulatedBrowser();
		const a = browser.openTab();
		const b = browser.openTab();
		await browser.settle();
		a.engine.stop();
		await browser.settle();
		expect(a.engine.getState().role).toBe('stopped');
		expect(b.engine.getState().role).toBe('leader');
		await b.engine.enqueue(makeIntent());
		await browser.settle();
		expect(browser.bridge.inserts.length).toBe(1);
		expect(browser.bridge.requests.every((r) => r.tab === b.id)).toBe(true);
	});

	it('resume() in a follower lifts the leader’s stop after a 401', async () => {
		const browser = new SimulatedBrowser();
		const a = browser.openTab();
		const b = browser.openTab();
		await browser.settle();
		browser.bridge.script = [{ status: 401 }];
		const intent = makeIntent();
		await b.engine.enqueue(intent);
		await browser.settle();
		expect(b.engine.getState().status.kind).toBe('unpaired');
		b.engine.resume();
		await browser.settle();
		expect(a.engine.getState().status.kind).toBe('idle');
		expect((await b.db.payments.get(intent.id))?.status).toBe('accepted');
	});

	it('a leader without an outbox entry for a queued payment (saved by older code) rebuilds it and sends the payment', async () => {
		const browser = new SimulatedBrowser();
		const db = browser.newDb();
		const intent = makeIntent();
		await db.payments.add({ id: intent.id, intent, status: 'queued', updatedAt: intent.takenAt });
		db.close();
		const a = browser.openTab();
		await browser.settle();
		expect(browser.bridge.inserts).toEqual([intent.id]);
		expect((await a.db.payments.get(intent.id))?.status).toBe('accepted');
	});
});
