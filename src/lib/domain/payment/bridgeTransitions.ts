import type { BridgeStatus } from './PaymentStatus';

/**
 * Where a payment may go from each bridge status (DESIGN §2). `needs_attention` is reachable from
 * every state before `verified`; `retry` from it returns to the state it came from, which the
 * journal knows, so it is listed here as every state that can lead to `needs_attention`.
 */
export const BRIDGE_TRANSITIONS: Readonly<Record<BridgeStatus, readonly BridgeStatus[]>> = {
	accepted: ['awaiting_clearing', 'cleared', 'needs_attention', 'voided'],
	awaiting_clearing: ['cleared', 'needs_attention', 'voided'],
	// cleared → cleared: it waits for its date (a payment dated after the practice's today).
	cleared: ['cleared', 'posting', 'recorded', 'needs_attention', 'voided'],
	posting: ['submitted', 'posted', 'needs_attention'],
	submitted: ['posted', 'needs_attention'],
	posted: ['verified', 'needs_attention'],
	verified: [],
	needs_attention: ['accepted', 'awaiting_clearing', 'cleared', 'posting', 'posted', 'recorded', 'voided', 'posted_manually'],
	recorded: ['posted_manually', 'voided', 'needs_attention'],
	posted_manually: [],
	voided: []
};

export function canTransition(from: BridgeStatus, to: BridgeStatus): boolean {
	return BRIDGE_TRANSITIONS[from].includes(to);
}
