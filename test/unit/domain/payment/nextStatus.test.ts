import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextStatus, type BridgeState } from '$lib/domain/payment/nextStatus';
import { BRIDGE_TRANSITIONS, canTransition } from '$lib/domain/payment/bridgeTransitions';
import { BRIDGE_STATUSES, isFinalStatus, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import { paymentEventSchema, type PaymentEvent } from '$lib/domain/payment/paymentEvent';

const EVENTS: PaymentEvent[] = [
	{ kind: 'received' },
	{ kind: 'clears_at_once' },
	{ kind: 'awaits_settlement' },
	{ kind: 'settled' },
	{ kind: 'write_back_off' },
	{ kind: 'waits_for_date', payDate: '2026-12-07' },
	{ kind: 'waits_for_pms', reason: 'Dentrix is not taking payments now' },
	{ kind: 'posting_started' },
	{ kind: 'submitted' },
	{ kind: 'posted' },
	{ kind: 'verified' },
	{ kind: 'problem', reason: 'the PMS refused it' },
	{ kind: 'retry' },
	{ kind: 'void', reason: 'taken twice' },
	{ kind: 'mark_posted' }
];
const status = fc.constantFrom(...BRIDGE_STATUSES);
const state = fc.record({ status, attentionFrom: fc.option(status, { nil: null }) });
const event = fc.constantFrom(...EVENTS);

describe('the payment state machine', () => {
	it('never moves outside the transition table', () => {
		fc.assert(
			fc.property(state, event, (s, e) => {
				const move = nextStatus(s, e);
				if (move.ok) expect(canTransition(s.status, move.value.status), `${s.status} → ${move.value.status} on ${e.kind}`).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});

	it('can take every move of the table, from some state, on some event', () => {
		for (const [from, targets] of Object.entries(BRIDGE_TRANSITIONS) as [BridgeStatus, BridgeStatus[]][]) {
			for (const to of targets) {
				const reached = BRIDGE_STATUSES.some((attentionFrom) => EVENTS.some((e) => {
					const move = nextStatus({ status: from, attentionFrom }, e);
					return move.ok && move.value.status === to;
				}));
				expect(reached, `${from} → ${to}`).toBe(true);
			}
		}
	});

	it('gives every non-final state a way forward to a final one', () => {
		for (const start of BRIDGE_STATUSES.filter((s) => !isFinalStatus(s))) {
			const seen = new Set<string>();
			let frontier: BridgeState[] = [{ status: start, attentionFrom: null }];
			let reachedFinal = false;
			while (frontier.length > 0 && !reachedFinal) {
				const next: BridgeState[] = [];
				for (const s of frontier) {
					for (const e of EVENTS) {
						const move = nextStatus(s, e);
						if (!move.ok) continue;
						if (isFinalStatus(move.value.status)) reachedFinal = true;
						const key = `${move.value.status}/${move.value.attentionFrom}`;
						if (!seen.has(key)) {
							seen.add(key);
							next.push({ status: move.value.status, attentionFrom: move.value.attentionFrom });
						}
					}
				}
				frontier = next;
			}
			expect(reachedFinal, start).toBe(true);
		}
	});

	it('gives every needs_attention a reason a person can act on, and remembers where it came from', () => {
		fc.assert(
			fc.property(state, event, (s, e) => {
				const move = nextStatus(s, e);
				if (move.ok && move.value.status === 'needs_attention') {
					expect(move.value.reason?.trim().length ?? 0).toBeGreaterThan(0);
					expect(move.value.attentionFrom).toBe(s.status);
				}
			}),
			{ numRuns: 2000 }
		);
		expect(paymentEventSchema.safeParse({ kind: 'problem', reason: '' }).success).toBe(false);
	});

	it('lets nothing happen to a final payment', () => {
		for (const final of BRIDGE_STATUSES.filter(isFinalStatus)) {
			for (const e of EVENTS) expect(nextStatus({ status: final, attentionFrom: null }, e).ok, `${final} on ${e.kind}`).toBe(false);
		}
	});

	it('retries a payment to the state it came from; one being posted goes back to posting (read back first)', () => {
		const flagged = nextStatus({ status: 'posting', attentionFrom: null }, { kind: 'problem', reason: 'PMS refused' });
		expect(flagged.ok && flagged.value).toEqual({ status: 'needs_attention', attentionFrom: 'posting', reason: 'PMS refused' });
		expect(nextStatus({ status: 'needs_attention', attentionFrom: 'posting' }, { kind: 'retry' })).toEqual({ ok: true, value: { status: 'posting', attentionFrom: null, reason: null } });
		expect(nextStatus({ status: 'needs_attention', attentionFrom: 'awaiting_clearing' }, { kind: 'retry' }).ok && 'awaiting_clearing').toBe('awaiting_clearing');
	});

	it('voids only before posting or from needs_attention, and explains a refusal', () => {
		expect(nextStatus({ status: 'cleared', attentionFrom: null }, { kind: 'void', reason: 'x' }).ok).toBe(true);
		const refused = nextStatus({ status: 'posting', attentionFrom: null }, { kind: 'void', reason: 'x' });
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.error.message).toContain('posting');
	});

	it('a payment enters the journal only by being received, as accepted; nothing else happens to one it does not hold', () => {
		expect(nextStatus(null, { kind: 'received' })).toEqual({ ok: true, value: { status: 'accepted', attentionFrom: null, reason: null } });
		for (const e of EVENTS.filter((e) => e.kind !== 'received')) expect(nextStatus(null, e).ok, e.kind).toBe(false);
		for (const s of BRIDGE_STATUSES) expect(nextStatus({ status: s, attentionFrom: null }, { kind: 'received' }).ok, s).toBe(false);
	});
});
