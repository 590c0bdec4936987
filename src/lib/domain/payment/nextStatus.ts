import { err, ok, type Result } from '../result';
import type { BridgeStatus } from './PaymentStatus';
import { assertNever } from './PaymentStatus';
import type { PaymentEvent } from './paymentEvent';

/** Where a payment stands on the bridge; `attentionFrom` is the state it left for `needs_attention`. */
export type BridgeState = { status: BridgeStatus; attentionFrom: BridgeStatus | null };

export type Move = { status: BridgeStatus; attentionFrom: BridgeStatus | null; reason: string | null };
export type MoveRefused = { code: 'not_allowed'; message: string };

/** Statuses a payment may be voided from: before posting, or waiting for a person (DESIGN §2). */
const VOIDABLE: readonly BridgeStatus[] = ['accepted', 'awaiting_clearing', 'cleared', 'recorded', 'needs_attention'];
/** Statuses from which something can still go wrong and need a person (all before `verified`). */
const CAN_NEED_ATTENTION: readonly BridgeStatus[] = ['accepted', 'awaiting_clearing', 'cleared', 'posting', 'submitted', 'posted', 'recorded'];

/**
 * The payment state machine (DESIGN §2), pure: the state after `event`, or why the event does not
 * apply. `state` is null for a payment the journal does not hold yet: only `received` applies to it,
 * and only to it. `bridgeTransitions.ts` lists the same moves as a table; a property test holds them equal.
 */
export function nextStatus(state: BridgeState | null, event: PaymentEvent): Result<Move, MoveRefused> {
	const to = (next: BridgeStatus, reason: string | null = null, attentionFrom: BridgeStatus | null = null): Result<Move, MoveRefused> => ok({ status: next, attentionFrom, reason });
	if (state === null) {
		return event.kind === 'received' ? to('accepted') : err({ code: 'not_allowed', message: `A payment the bridge has not received cannot be ${event.kind.replaceAll('_', ' ')}.` });
	}
	const { status } = state;
	const refuse = (why: string) => err({ code: 'not_allowed' as const, message: `A payment that is ${describe(status)} cannot be ${why}.` });
	switch (event.kind) {
		case 'received':
			return refuse('received again (its id is taken)');
		case 'clears_at_once':
			return status === 'accepted' ? to('cleared') : refuse('cleared now');
		case 'awaits_settlement':
			return status === 'accepted' ? to('awaiting_clearing') : refuse('put to wait for the bank');
		case 'settled':
			return status === 'awaiting_clearing' ? to('cleared') : refuse('settled');
		case 'write_back_off':
			return status === 'cleared' ? to('recorded') : refuse('set aside for posting by hand');
		case 'waits_for_date':
			return status === 'cleared' ? to('cleared', `waits for its date (${event.payDate}) before it is written to the PMS`) : refuse('put to wait for its date');
		case 'waits_for_pms':
			return status === 'cleared' ? to('cleared', event.reason) : refuse('put to wait for the PMS');
		case 'posting_started':
			return status === 'cleared' ? to('posting') : refuse('posted');
		case 'submitted':
			return status === 'posting' ? to('submitted') : refuse('marked as sent to the PMS');
		case 'posted':
			return status === 'posting' || status === 'submitted' ? to('posted') : refuse('marked as written to the PMS');
		case 'verified':
			return status === 'posted' ? to('verified') : refuse('verified');
		case 'problem':
			return CAN_NEED_ATTENTION.includes(status) ? to('needs_attention', event.reason, status) : refuse('flagged for attention');
		case 'retry':
			if (status !== 'needs_attention') return refuse('retried (only a payment that needs attention can be)');
			return to(retryTarget(state.attentionFrom));
		case 'void':
			return VOIDABLE.includes(status) ? to('voided', event.reason) : refuse('voided (only before posting, or when it needs attention)');
		case 'mark_posted':
			return status === 'recorded' || status === 'needs_attention' ? to('posted_manually') : refuse('marked as posted by hand (only one waiting to be keyed, or needing attention, can be)');
		default:
			return assertNever(event);
	}
}

/**
 * Retry returns to where the payment was; one that was being posted goes back to `posting`, so the
 * bridge reads the PMS back by reference before writing again (DESIGN §3).
 */
function retryTarget(from: BridgeStatus | null): BridgeStatus {
	if (from === null || from === 'needs_attention' || from === 'verified' || from === 'voided' || from === 'posted_manually') return 'accepted';
	// A payment that was sent and not seen goes back to posting: the PMS is read back before any new write.
	if (from === 'submitted') return 'posting';
	return from;
}

function describe(status: BridgeStatus): string {
	return status.replaceAll('_', ' ');
}
