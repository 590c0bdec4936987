import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettlementReport } from '$lib/domain/clearing/settlementReport';
import { processorEventSchema } from '$lib/domain/clearing/processorEvent';
import type { Cents } from '$lib/domain/money/cents';
import { applySettlement } from '$lib/server/clearing/applySettlement';
import { importSettlementFile } from '$lib/server/clearing/importSettlementFile';
import { receiveProcessorEvent } from '$lib/server/clearing/receiveProcessorEvent';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { migrate } from '$lib/server/store/migrate';
import { ach, card, openClearingStore } from './clearingStore';

let store: Awaited<ReturnType<typeof openClearingStore>>;
beforeEach(async () => {
	store = await openClearingStore();
});
afterEach(async () => {
	await store.sql.close();
});

const settled = (reference: string, amount: number, extra: Partial<SettlementReport> = {}): SettlementReport =>
	({ source: 'webhook', eventId: 'evt_1', kind: 'settled', reference, amountCents: amount as Cents, feeCents: null, occurredAt: '2026-11-23T18:00:00Z', ...extra }) as SettlementReport;

describe('applySettlement', () => {
	it('clears a card payment settled for the amount taken, journals who said so, keeps gross and fee apart, and wakes posting', async () => {
		const id = await store.insertPayment(card('TRM-1001'), 12500);
		const result = await applySettlement(store.deps, settled('TRM-1001', 12500, { feeCents: 393 as Cents }));
		expect(result).toMatchObject({ outcome: 'matched', paymentId: id, applied: true });
		expect(await store.payment(id)).toMatchObject({ status: 'cleared', reason: null });
		expect((await store.events(id)).at(-1)).toMatchObject({ status: 'cleared', actor: 'processor', cause: 'processor event evt_1: payment settled' });
		expect(await store.settlements(id)).toEqual([{ kind: 'settled', source: 'webhook', gross: 12500, fee: 393, occurred_at: '2026-11-23T18:00:00Z', reference: 'TRM-1001' }]);
		expect(store.woken()).toBe(1);
	});

	it('matches the reference trimmed and in any case, and an ACH payment by its reference', async () => {
		const cardId = await store.insertPayment(card(' trm-AbC '), 500);
		const achId = await store.insertPayment(ach('ACH-77'), 9000);
		expect((await applySettlement(store.deps, settled('TRM-abc', 500))).paymentId).toBe(cardId);
		expect((await applySettlement(store.deps, settled('ach-77', 9000))).paymentId).toBe(achId);
		expect((await store.payment(achId)).status).toBe('cleared');
	});

	it('never matches cash or checks, which have no processor reference', async () => {
		await store.insertPayment({ kind: 'check', checkNumber: 'TRM-1' }, 500, 'accepted');
		expect(await applySettlement(store.deps, settled('TRM-1', 500))).toMatchObject({ outcome: 'unmatched', applied: false });
	});

	it('sends an amount that differs to needs_attention with the reason, once, however often it is reported', async () => {
		const id = await store.insertPayment(card('TRM-2'), 12500);
		expect(await applySettlement(store.deps, settled('TRM-2', 12000))).toMatchObject({ outcome: 'mismatched', applied: true });
		expect(await store.payment(id)).toMatchObject({ status: 'needs_attention', attention_from: 'awaiting_clearing' });
		expect((await store.payment(id)).reason).toContain('The processor settled $120.00 but $125.00 was taken');
		expect(await applySettlement(store.deps, settled('TRM-2', 12000))).toMatchObject({ outcome: 'mismatched', applied: false });
		expect((await store.events(id)).filter((e) => e.status === 'needs_attention')).toHaveLength(1);
		expect(store.woken()).toBe(0);
	});

	it('settles a payment the posting worker has not moved yet, journaling the wait first', async () => {
		const id = await store.insertPayment(card('TRM-3'), 700, 'accepted');
		await applySettlement(store.deps, settled('TRM-3', 700));
		expect((await store.events(id)).map((e) => [e.status, e.actor])).toEqual([
			['awaiting_clearing', 'bridge'],
			['cleared', 'processor']
		]);
	});

	it('flags a payment returned after it was posted; only logs one returned after it was verified', async () => {
		const posted = await store.insertPayment(ach('R-1'), 4000, 'posted');
		const verified = await store.insertPayment(ach('R-2'), 4000, 'verified');
		expect(await applySettlement(store.deps, settled('R-1', 4000, { kind: 'returned' }))).toMatchObject({ outcome: 'returned', applied: true });
		expect(await store.payment(posted)).toMatchObject({ status: 'needs_attention', attention_from: 'posted' });
		expect((await store.payment(posted)).reason).toMatch(/^The bank returned the ACH payment/);
		const late = await applySettlement(store.deps, settled('R-2', 4000, { kind: 'returned' }));
		expect(late).toMatchObject({ outcome: 'returned', applied: false, alert: true });
		expect((await store.payment(verified)).status).toBe('verified');
		expect(store.logs.some((l) => l.level === 'warn' && l.message.includes('returned after it was verified in the PMS: offset it in the PMS by hand'))).toBe(true);
		expect(await store.settlements(verified)).toMatchObject([{ kind: 'returned', gross: 4000 }]);
	});

	it('fills the fee a webhook left out from the settlement file, without a second journal event', async () => {
		const id = await store.insertPayment(card('TRM-4'), 2000);
		await applySettlement(store.deps, settled('TRM-4', 2000));
		const again = await applySettlement(store.deps, settled('TRM-4', 2000, { source: 'csv', line: 2, importedBy: 'Desk', feeCents: 88 as Cents, occurredAt: '2026-11-23' } as Partial<SettlementReport>));
		expect(again).toMatchObject({ outcome: 'already_settled', applied: false });
		expect(await store.settlements(id)).toMatchObject([{ source: 'webhook', gross: 2000, fee: 88 }]);
		expect((await store.events(id)).filter((e) => e.status === 'cleared')).toHaveLength(1);
	});
});

describe('the settlement reference column (migration 5)', () => {
	it('is filled for payments journaled before the migration', async () => {
		const { openPglite } = await import('$lib/server/store/openPglite');
		const sql = await openPglite(undefined);
		try {
			const before = bridgeMigrations.filter((m) => m.id < 5);
			await migrate(sql, before);
			await sql.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ('00000000-0000-4000-8000-000000000001', 'Desk', 'h', now())`);
			await sql.query(
				`INSERT INTO payment (id, intent, content_key, patient_id, family_id, method_kind, amount, status, device_id, received_at, updated_at)
				 VALUES ('01900000-0000-7000-8000-000000000001', $1, 'k', '1', '1', 'card', 100, 'awaiting_clearing', '00000000-0000-4000-8000-000000000001', now(), now())`,
				[JSON.stringify({ method: { kind: 'card', terminalRef: 'Old-Ref', brand: 'Visa', last4: '1111' } })]
			);
			expect(await migrate(sql, bridgeMigrations.filter((m) => m.id <= 5))).toEqual([5]);
			expect(await sql.query(`SELECT settlement_ref FROM payment`)).toEqual([{ settlement_ref: 'old-ref' }]);
		} finally {
			await sql.close();
		}
	});
});

describe('receiveProcessorEvent', () => {
	const event = (overrides: Record<string, unknown> = {}) => processorEventSchema.parse({ id: 'evt_100', type: 'payment.settled', reference: 'TRM-9', amount: 3300, occurredAt: '2026-11-23T18:00:00Z', fee: 126, ...overrides });

	it('applies each event id once, even when the same event arrives twice at the same moment', async () => {
		const id = await store.insertPayment(card('TRM-9'), 3300);
		const answers = await Promise.all([receiveProcessorEvent(store.deps, event()), receiveProcessorEvent(store.deps, event())]);
		expect(answers.filter((a) => a.duplicate)).toHaveLength(1);
		expect(answers.find((a) => !a.duplicate)).toMatchObject({ outcome: 'matched', applied: true, paymentId: id });
		expect((await store.events(id)).filter((e) => e.status === 'cleared')).toHaveLength(1);
		expect(await store.sql.query(`SELECT id, outcome, payment_id FROM processor_event`)).toEqual([{ id: 'evt_100', outcome: 'matched', payment_id: id }]);
	});

	it('keeps an event about an unknown reference, answering that it matched nothing', async () => {
		expect(await receiveProcessorEvent(store.deps, event({ id: 'evt_x', reference: 'nobody' }))).toMatchObject({ duplicate: false, outcome: 'unmatched', applied: false });
		expect(await receiveProcessorEvent(store.deps, event({ id: 'evt_x', reference: 'nobody' }))).toEqual({ duplicate: true, eventId: 'evt_x' });
	});
});

describe('importSettlementFile', () => {
	it('reports each row, and importing the same file again changes nothing', async () => {
		const a = await store.insertPayment(card('TRM-A'), 12550);
		const b = await store.insertPayment(ach('ACH-B'), 5000);
		const file = 'reference,amount,settled_at,fee\nTRM-A,125.50,2026-11-23,3.94\nACH-B,49.00,2026-11-23,0.40\nnope,1.00,2026-11-23,\nTRM-A,12.345,2026-11-23,\n';
		const first = await importSettlementFile(store.deps, 'Desk', file);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect(first.value.rows.map((r) => [r.line, r.outcome, r.paymentId ?? null])).toEqual([
			[2, 'matched', a],
			[3, 'mismatched', b],
			[4, 'unmatched', null],
			[5, 'invalid', null]
		]);
		expect(first.value.totals).toEqual({ matched: 1, unmatched: 1, mismatched: 1, invalid: 1, already_settled: 0 });
		expect((await store.events(a)).at(-1)).toMatchObject({ actor: 'settlement import (Desk)', cause: 'settlement file, line 2: payment settled' });
		expect(await store.settlements(a)).toMatchObject([{ source: 'csv', gross: 12550, fee: 394, occurred_at: '2026-11-23' }]);

		const second = await importSettlementFile(store.deps, 'Desk', file);
		expect(second.ok && second.value.rows.map((r) => r.outcome)).toEqual(['already_settled', 'mismatched', 'unmatched', 'invalid']);
		expect((await store.events(a)).filter((e) => e.status === 'cleared')).toHaveLength(1);
		expect((await store.events(b)).filter((e) => e.status === 'needs_attention')).toHaveLength(1);
	});
});
