import type { Issue } from '$lib/domain/api/errorBody';
import type { PaymentResult } from '$lib/domain/api/paymentsBatch';
import { assertNever, bridgeStatusSchema, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import type { RejectionCode } from '../db/RejectionCode';
import { describeBridgeError, type BridgeError } from './describeBridgeError';

/**
 * What the device does with one sent payment: the bridge has it (`accepted` and `duplicate` alike,
 * DESIGN §3), or a person must look at it (`rejected` and `conflict`; also a single payment still
 * too large for a request, or one set aside after failing alone again and again). Either way it
 * leaves the outbox: a refusal never blocks the queue.
 */
export type Verdict =
	| { kind: 'at_bridge'; status: BridgeStatus }
	| { kind: 'refused'; code: RejectionCode; message: string; issues: Issue[] };

/** The verdict for a per-item result of `POST /payments` (DESIGN §6). */
export function verdictOf(result: PaymentResult): Verdict {
	switch (result.outcome) {
		case 'accepted':
		case 'duplicate': {
			// A device-only status from the bridge would be a bridge bug; it has the payment either way.
			const status = bridgeStatusSchema.safeParse(result.status);
			return { kind: 'at_bridge', status: status.success ? status.data : 'accepted' };
		}
		case 'rejected':
			return { kind: 'refused', code: result.error.code, message: result.error.message, issues: result.error.issues };
		case 'conflict':
			return { kind: 'refused', code: 'conflict', message: result.error.message, issues: [] };
		default:
			return assertNever(result);
	}
}

/** A payment that is over the bridge's request limit (413) even when sent alone. */
export const tooLargeVerdict: Verdict = {
	kind: 'refused',
	code: 'too_large',
	message: 'This payment is too large for the bridge to accept (over its 1 MB request limit). Shorten its note or allocation choices and retry it.',
	issues: []
};

/**
 * A payment that made the bridge fail whenever it was sent alone, for 10 minutes, while the bridge
 * took others (`noteBridgeErrors`): set aside for a person, with the bridge's answer.
 */
export function bridgeErrorVerdict(error: BridgeError): Verdict {
	return {
		kind: 'refused',
		code: 'bridge_error',
		message: `The bridge could not take this payment (${describeBridgeError(error)}). It was set aside so the others could be sent. Send it again, or call support.`,
		issues: []
	};
}
