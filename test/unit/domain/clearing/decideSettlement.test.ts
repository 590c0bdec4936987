import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideSettlement, type SettlementCandidate } from '$lib/domain/clearing/decideSettlement';
import type { SettlementReport } from '$lib/domain/clearing/settlementReport';
import type { Cents } from '$lib/domain/money/cents';
import { nextStatus } from '$lib/domain/payment/nextStatus';
import { BRIDGE_STATUSES, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';

const c = (n: number) => n as Cents;

function report(overrides: Partial<SettlementReport> = {}): SettlementReport {
	return { source: 'webhook', eventId: 'evt_1', kind: 'settled', reference: 'TRM-1', amountCents: c(12500), feeCents: c(393), occurredAt: '2026-11-23T18:00:00Z', ...overrides } as SettlementReport;
}

function payment(overrides: Partial<SettlementCandidate> = {}): SettlementCandidate {
	return { id: 'p1', method: 'card', amountCents: c(12500), status: 'awaiting_clearing', attentionFrom: null, reason: null, earlierGross: null, ...overrides };
}

describe('decideSettlement: which payment a report is about', () => {
	it('reports an unknown reference as unmatched, changing nothing', () => {
		const decision = decideSettlement(report(), []);
		expect(decision).toMatchObject({ outcome: 'unmatched', paymentId: null, steps: [], record: 'none' });
		expect(decision.message).toContain('"TRM-1"');
	});

	it('prefers the live payment over a voided one under the same reference (taken again)', () => {
		const decision = decideSettlement(report(), [payment({ id: 'old', status: 'voided' }), payment({ id: 'new' })]);
		expect(decision).toMatchObject({ outcome: 'matched', paymentId: 'new' });
	});

	it('tells payments under one reference apart by amount', () => {
		const decision = decideSettlement(report({ amountCents: c(3000) }), [payment({ id: 'a' }), payment({ id: 'b', amountCents: c(3000) })]);
		expect(decision).toMatchObject({ outcome: 'matched', paymentId: 'b' });
	});

	it('does not guess between payments with the same reference and amount', () => {
		const decision = decideSettlement(report(), [payment({ id: 'a' }), payment({ id: 'b' })]);
		expect(decision).toMatchObject({ outcome: 'unmatched', paymentId: null, steps: [] });
		expect(decision.message).toContain('a, b');
	});
});

describe('decideSettlement: what a settlement does', () => {
	it('settles a waiting payment for the amount taken, naming the source and keeping the fee', () => {
		const decision = decideSettlement(report(), [payment()]);
		expect(decision).toMatchObject({ outcome: 'matched', paymentId: 'p1', record: 'replace', alert: false });
		expect(decision.steps).toEqual([{ event: { kind: 'settled' }, cause: 'processor event evt_1: payment settled', actor: 'processor' }]);
		expect(decision.message).toContain('fee $3.93 kept apart');
	});

	it('names the importing device as the actor of a settlement file row', () => {
		const decision = decideSettlement(report({ source: 'csv', line: 4, importedBy: 'Front desk' } as Partial<SettlementReport>), [payment()]);
		expect(decision.steps[0]).toMatchObject({ actor: 'settlement import (Front desk)', cause: 'settlement file, line 4: payment settled' });
	});

	it('moves a payment the posting worker has not reached yet to awaiting_clearing first', () => {
		const decision = decideSettlement(report(), [payment({ status: 'accepted' })]);
		expect(decision.steps.map((s) => [s.event.kind, s.actor])).toEqual([
			['awaits_settlement', 'bridge'],
			['settled', 'processor']
		]);
	});

	it('sends a different amount to a person with both amounts and what to do', () => {
		const decision = decideSettlement(report({ amountCents: c(12000) }), [payment()]);
		expect(decision.outcome).toBe('mismatched');
		expect(decision.steps).toHaveLength(1);
		const event = decision.steps[0]!.event;
		expect(event.kind).toBe('problem');
		if (event.kind === 'problem') {
			expect(event.reason).toContain('The processor settled $120.00 but $125.00 was taken');
			expect(event.reason).toContain('check the terminal receipt, then retry or void');
		}
	});

	it('says "already settled" and changes nothing for a payment past clearing (a file imported twice)', () => {
		for (const status of ['cleared', 'posting', 'posted', 'verified', 'recorded', 'posted_manually'] as const) {
			const decision = decideSettlement(report(), [payment({ status, earlierGross: c(12500) })]);
			expect(decision, status).toMatchObject({ outcome: 'already_settled', steps: [], record: 'keep' });
		}
	});

	it('flags a later report of another amount for a payment already settled, when the state machine allows', () => {
		const posted = decideSettlement(report({ amountCents: c(100) }), [payment({ status: 'posted', earlierGross: c(12500) })]);
		expect(posted).toMatchObject({ outcome: 'mismatched', record: 'keep', alert: false });
		expect(posted.steps.map((s) => s.event.kind)).toEqual(['problem']);
		const verified = decideSettlement(report({ amountCents: c(100) }), [payment({ status: 'verified', earlierGross: c(12500) })]);
		expect(verified).toMatchObject({ outcome: 'mismatched', steps: [], alert: true });
	});

	it('does not flag twice: a repeated mismatch on a payment needing attention changes nothing', () => {
		const decision = decideSettlement(report({ amountCents: c(12000) }), [payment({ status: 'needs_attention', attentionFrom: 'awaiting_clearing', reason: 'The processor settled $120.00 …', earlierGross: c(12000) })]);
		expect(decision).toMatchObject({ outcome: 'mismatched', steps: [], record: 'keep' });
		expect(decision.message).toMatch(/^Already reported/);
	});

	it('settles a payment that was retried after a mismatch once the corrected report comes', () => {
		const decision = decideSettlement(report(), [payment({ status: 'awaiting_clearing', earlierGross: c(12000) })]);
		expect(decision).toMatchObject({ outcome: 'matched', record: 'replace' });
	});

	it('alerts when the processor settles money for a voided payment', () => {
		const decision = decideSettlement(report(), [payment({ status: 'voided' })]);
		expect(decision).toMatchObject({ outcome: 'mismatched', steps: [], alert: true });
		expect(decision.message).toContain('voided');
	});
});

describe('decideSettlement: declines and returns', () => {
	it('sends a declined card to a person with a reason they can act on', () => {
		const decision = decideSettlement(report({ kind: 'declined' }), [payment()]);
		expect(decision.outcome).toBe('declined');
		const event = decision.steps[0]?.event;
		expect(event?.kind === 'problem' && event.reason).toMatch(/^The card was declined by the processor \(reference "TRM-1", \$125\.00\): ask the patient for another way to pay/);
	});

	it('says an ACH return is the bank\'s, and what to do once it is in the PMS', () => {
		const decision = decideSettlement(report({ kind: 'returned' }), [payment({ method: 'ach', status: 'posted' })]);
		const event = decision.steps[0]?.event;
		expect(event?.kind === 'problem' && event.reason).toMatch(/^The bank returned the ACH payment .*Offset it in the PMS \(do not delete it\)/);
	});

	it('cannot flag a payment verified in the PMS: it says to offset it by hand, and alerts', () => {
		const decision = decideSettlement(report({ kind: 'returned' }), [payment({ status: 'verified' })]);
		expect(decision).toMatchObject({ outcome: 'returned', steps: [], alert: true });
		expect(decision.message).toContain('returned after it was verified in the PMS: offset it in the PMS by hand');
	});

	it('does nothing for a voided payment', () => {
		expect(decideSettlement(report({ kind: 'declined' }), [payment({ status: 'voided' })])).toMatchObject({ steps: [], alert: false });
	});
});

describe('decideSettlement: properties', () => {
	const status = fc.constantFrom(...BRIDGE_STATUSES);
	const candidate = fc.record({
		id: fc.constantFrom('a', 'b', 'c'),
		method: fc.constantFrom('card' as const, 'ach' as const),
		amountCents: fc.constantFrom(c(100), c(12500)),
		status,
		attentionFrom: fc.option(status, { nil: null }),
		reason: fc.option(fc.constant('something'), { nil: null }),
		earlierGross: fc.option(fc.constantFrom(c(100), c(12500)), { nil: null })
	});
	const anyReport = fc.record({ kind: fc.constantFrom('settled' as const, 'declined' as const, 'returned' as const), amountCents: fc.constantFrom(c(100), c(12500)) });

	it('only ever proposes moves the state machine allows, in order, for the payment it names', () => {
		fc.assert(
			fc.property(anyReport, fc.uniqueArray(candidate, { selector: (p) => p.id, maxLength: 3 }), (r, candidates) => {
				const decision = decideSettlement(report(r), candidates);
				const picked = candidates.find((p) => p.id === decision.paymentId);
				if (decision.paymentId !== null) expect(picked).toBeDefined();
				else expect(decision.steps).toEqual([]);
				let state: { status: BridgeStatus; attentionFrom: BridgeStatus | null } = { status: picked?.status ?? 'accepted', attentionFrom: picked?.attentionFrom ?? null };
				for (const step of decision.steps) {
					const move = nextStatus(state, step.event);
					expect(move.ok, `${state.status} on ${step.event.kind}`).toBe(true);
					if (move.ok) state = move.value;
				}
				// A settlement clears a payment only for the amount taken.
				if (decision.steps.some((s) => s.event.kind === 'settled')) expect(picked?.amountCents).toBe(r.amountCents);
			})
		);
	});
});
