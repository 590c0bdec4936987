import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRIDGE_STATUSES, isFinalStatus, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import type { ChangesFate, Fate } from './doubles/FakeBridge';
import { makeIntent } from './doubles/makeIntent';
import { SimulatedBrowser } from './doubles/SimulatedBrowser';

type Action =
	| { kind: 'save'; tab: number; known: boolean }
	| { kind: 'trigger'; tab: number }
	| { kind: 'release'; index: number; fate: Fate }
	| { kind: 'crash'; tab: number }
	| { kind: 'open' }
	| { kind: 'advance'; ms: number }
	| { kind: 'reachable'; value: boolean }
	| { kind: 'discard'; payment: number; tab: number }
	| { kind: 'progress'; payment: number; status: BridgeStatus; reason: boolean }
	| { kind: 'foreign' }
	| { kind: 'changes-fate'; fate: ChangesFate };

const fate: fc.Arbitrary<Fate> = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom<Fate>('ok', 'lose-request', 'lose-response', 'duplicate') },
	{ weight: 2, arbitrary: fc.constantFrom<Fate>({ status: 429 }, { status: 500 }, { status: 502 }, { status: 503 }) },
	{ weight: 1, arbitrary: fc.constant<Fate>({ status: 401 }) },
	{ weight: 1, arbitrary: fc.nat(4).map((acceptFirst): Fate => ({ acceptFirst })) }
);

const action: fc.Arbitrary<Action> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant('save' as const), tab: fc.nat(2), known: fc.integer({ min: 0, max: 5 }).map((n) => n > 0) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('trigger' as const), tab: fc.nat(2) }) },
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant('release' as const), index: fc.nat(3), fate }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), tab: fc.nat(2) }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'open' as const }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(500, 2_000, 30_000, 5 * 60_000) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('reachable' as const), value: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('discard' as const), payment: fc.nat(40), tab: fc.nat(2) }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('progress' as const), payment: fc.nat(40), status: fc.constantFrom(...BRIDGE_STATUSES), reason: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'foreign' as const }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('changes-fate' as const), fate: fc.constantFrom<ChangesFate>('lose-request', { status: 401 }, { status: 500 }) }) }
);

const history = fc.record({
	tabs: fc.integer({ min: 1, max: 3 }),
	maxBatch: fc.constantFrom(1, 2, 3, 100),
	batchSize: fc.constantFrom(2, 3, 100),
	/** Which save (if any) is a payment the bridge always answers 500 on: a bug it sets off. */
	poisonAt: fc.option(fc.nat(6), { nil: null }),
	actions: fc.array(action, { minLength: 5, maxLength: 40 })
});

type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

async function play(h: History): Promise<void> {
	const browser = new SimulatedBrowser();
	const { bridge, clock } = browser;
	bridge.hold = true;
	bridge.maxBatch = h.maxBatch;
	const open = () => browser.openTab({ batchSize: h.batchSize });
	for (let i = 0; i < h.tabs; i++) open();
	await browser.settle();
	let saved: { intent: PaymentIntent; known: boolean }[] = [];
	const discarded: string[] = [];
	let saves = 0;
	let poison: string | null = null;

	for (const step of h.actions) {
		const live = browser.liveTabs();
		const tabAt = (n: number) => live[n % Math.max(1, live.length)];
		switch (step.kind) {
			case 'save': {
				const tab = tabAt(step.tab) ?? open();
				const intent = makeIntent({ patientId: step.known ? '1' : 'unknown-patient', takenAt: new Date(clock.now()).toISOString() });
				if (saves++ === h.poisonAt) {
					poison = intent.id;
					bridge.failsOn.set(intent.id, 500);
				}
				const result = await tab.engine.enqueue(intent);
				expect(result.ok).toBe(true);
				if (intent.id !== poison) saved.push({ intent, known: step.known });
				break;
			}
			case 'trigger':
				tabAt(step.tab)?.engine.trigger('manual');
				break;
			case 'release':
				if (bridge.held.length > 0) bridge.release(step.index % bridge.held.length, step.fate);
				break;
			case 'crash': {
				const tab = tabAt(step.tab);
				if (tab) browser.crash(tab);
				break;
			}
			case 'open':
				if (live.length < 3) open();
				break;
			case 'advance':
				await browser.advance(step.ms);
				break;
			case 'reachable':
				bridge.reachable = step.value;
				break;
			case 'progress': {
				// The pipeline moves a journaled payment on (never out of a final status, as the bridge).
				const target = saved[step.payment % Math.max(1, saved.length)];
				const held = target ? bridge.journal.get(target.intent.id) : undefined;
				if (target && held && !isFinalStatus(held.status)) bridge.setStatus(target.intent.id, step.status, step.reason ? `reason ${step.status}` : undefined);
				break;
			}
			case 'foreign': {
				// Another device's payment, and its progress, in the same feed.
				const intent = makeIntent();
				bridge.seed(intent);
				bridge.setStatus(intent.id, 'cleared');
				break;
			}
			case 'changes-fate':
				bridge.changesScript.push(step.fate);
				break;
			case 'discard': {
				// A person deletes a payment from the Queue page; allowed only while the bridge cannot have it.
				const target = saved[step.payment % Math.max(1, saved.length)];
				const tab = tabAt(step.tab);
				if (!target || !tab) break;
				const result = await tab.engine.discard(target.intent.id);
				if (result.ok) {
					discarded.push(target.intent.id);
					saved = saved.filter((s) => s !== target);
				}
				break;
			}
		}
		await browser.settle();
	}

	// Finally everything is online and answers, the staff reopen the app if every tab died and
	// pair again if the bridge said 401, and the sync runs until nothing waits.
	bridge.reachable = true;
	bridge.hold = false;
	bridge.changesScript = [];
	bridge.releaseAll('ok');
	if (browser.liveTabs().length === 0) open();
	await browser.settle();
	for (const tab of browser.liveTabs()) tab.engine.resume();
	const db = browser.newDb();
	// The poison payment (if any) never goes: it waits, or is set aside; nothing else may wait.
	const othersWaiting = async () => (await db.outbox.toCollection().primaryKeys()).filter((id) => id !== poison).length;
	for (let round = 0; round < 60; round++) {
		await browser.settle();
		// A person sends again what was set aside after server errors (the poison would only fail again).
		const setAside = (await db.payments.where('status').equals('rejected').toArray()).filter((r) => r.rejection?.code === 'bridge_error' && r.id !== poison);
		for (const row of setAside) expect(await browser.liveTabs()[0]?.engine.retry(row.id)).toMatchObject({ ok: true });
		if (setAside.length === 0 && (await othersWaiting()) === 0 && bridge.held.length === 0) break;
		await browser.advance(5 * 60_000);
	}
	// One more sync with nothing failing, so the last status changes have been pulled.
	browser.liveTabs()[0]?.engine.trigger('manual');
	await browser.settle();

	const ids = saved.map((s) => s.intent.id);
	// The bridge's journal holds each saved payment exactly once, and nothing else: in particular
	// no payment a person discarded.
	expect(new Set(bridge.inserts).size).toBe(bridge.inserts.length);
	expect([...bridge.inserts].sort()).toEqual(saved.filter((s) => s.known).map((s) => s.intent.id).sort());
	for (const id of discarded) expect(bridge.journal.has(id)).toBe(false);
	for (const { intent, known } of saved) {
		if (known) expect(bridge.journal.get(intent.id)?.intent).toEqual(intent);
	}
	// No payment is lost from the device, none is left queued, and each ends as the bridge said.
	const rows = (await db.payments.toArray()).filter((r) => r.id !== poison);
	expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
	for (const { intent, known } of saved) {
		const row = rows.find((r) => r.id === intent.id);
		if (known) {
			// The device shows where the bridge says the payment stands, reason included.
			const held = bridge.journal.get(intent.id);
			expect(BRIDGE_STATUSES).toContain(row?.status);
			expect({ status: row?.status, reason: row?.reason }).toEqual({ status: held?.status, reason: held?.reason });
		} else expect(row).toMatchObject({ status: 'rejected', rejection: { code: 'unknown_patient' } });
	}
	expect(await othersWaiting()).toBe(0);
	if (poison !== null) {
		// The poison payment is never journaled nor lost: it waits, or was set aside for a person.
		expect(bridge.journal.has(poison)).toBe(false);
		const row = await db.payments.get(poison);
		expect(row?.status === 'queued' || row?.rejection?.code === 'bridge_error').toBe(true);
	}
	expect(await db.quarantine.count()).toBe(0);
	db.close();
}

describe('exactly once, whatever happens (issue 4 item 2)', () => {
	it('for any interleaving of saves on 1–3 tabs, lost requests, lost responses, duplicated deliveries, server errors, tab crashes and discards, and a payment the bridge always fails on, every other saved payment reaches the journal exactly once (and a discarded one never), none is lost or left queued, and each ends with the status the bridge’s change feed gives it', async () => {
		await fc.assert(fc.asyncProperty(history, play), {
			numRuns: Math.max(200, Number(process.env.SYNC_PROPERTY_RUNS ?? 200)),
			// Replays a reported counterexample: FC_SEED and FC_PATH as fast-check printed them.
			...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true } : {})
		});
	}, 600_000);
});
