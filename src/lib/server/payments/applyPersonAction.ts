import type { PaymentEvent } from '$lib/domain/payment/paymentEvent';
import type { Move } from '$lib/domain/payment/nextStatus';
import { settlePostingAttempts } from '../journal/postingAttempts';
import { transition } from '../journal/transition';
import type { Sql } from '../store/Sql';

export type PersonAction = { kind: 'retry' } | { kind: 'void'; reason: string } | { kind: 'mark_posted'; pmsReference?: string };

export type ActionOutcome = { ok: true; move: Move } | { ok: false; status: 404 | 409; code: 'not_found' | 'not_allowed'; message: string };

const CAUSES: Record<PersonAction['kind'], string> = {
	retry: 'retried by a person',
	void: 'voided by a person',
	mark_posted: 'keyed into the PMS by hand'
};

/**
 * A person's action on a payment (DESIGN §2): retry, void, mark posted — through the state machine,
 * journaled with who did it. Refused when the payment's status does not allow it (409, saying why).
 */
export async function applyPersonAction(sql: Sql, paymentId: string, action: PersonAction, actor: string, at: Date): Promise<ActionOutcome> {
	const event: PaymentEvent = action.kind === 'void' ? { kind: 'void', reason: action.reason } : { kind: action.kind };
	const cause = action.kind === 'mark_posted' && action.pmsReference ? `${CAUSES.mark_posted} (PMS reference ${action.pmsReference})` : CAUSES[action.kind];
	const result = await sql.transaction(async (tx) => {
		const moved = await transition(tx, { paymentId, event, at, cause, actor });
		// "Try again" after a write that was never seen (an asynchronous PMS's timeout): the person
		// decided it may be sent again. The worker still reads the PMS back first (writeToPms).
		if (moved.ok && action.kind === 'retry') await settlePostingAttempts(tx, paymentId, 'abandoned', at, `${actor} chose Try again`);
		return moved;
	});
	if (result.ok) return { ok: true, move: result.value };
	if (result.error.code === 'not_found') return { ok: false, status: 404, code: 'not_found', message: result.error.message };
	return { ok: false, status: 409, code: 'not_allowed', message: result.error.message };
}
