import { formatMoney } from '../money/formatMoney';
import type { Cents } from '../money/cents';
import type { BridgeStatus } from '../payment/PaymentStatus';

/**
 * The words staff read when a processor report puts a payment in `needs_attention` (DESIGN §2: a
 * reason a person can act on). Each names the reference and the amounts, and says what to do next
 * with the actions the bridge has (retry, void, mark posted).
 */
export type SettledMethod = 'card' | 'ach';

const what = (method: SettledMethod) => (method === 'card' ? 'card payment' : 'ACH payment');
const proof = (method: SettledMethod) => (method === 'card' ? 'the terminal receipt' : "the bank's record of the debit");

export function amountMismatchReason(method: SettledMethod, reference: string, settled: Cents, taken: Cents): string {
	return (
		`The processor settled ${formatMoney(settled)} but ${formatMoney(taken)} was taken (reference "${reference}"): check ${proof(method)}, then retry or void. ` +
		`If ${formatMoney(taken)} was entered wrongly, void this payment and take it again for ${formatMoney(settled)}; if the processor is wrong, retry once it has corrected the settlement (import its settlement file again).`
	);
}

export function lateMismatchReason(method: SettledMethod, reference: string, settled: Cents, taken: Cents, earlier: Cents | null): string {
	return (
		`The processor now reports ${formatMoney(settled)} settled for this ${what(method)} (reference "${reference}"), but ${formatMoney(taken)} was taken` +
		`${earlier === null ? '' : ` and it had already settled for ${formatMoney(earlier)}`}: check the processor's report and ${proof(method)}, and correct the PMS by hand if the amount really changed.`
	);
}

export function declinedReason(method: SettledMethod, reference: string, amount: Cents, status: BridgeStatus): string {
	const who = method === 'card' ? 'The card was declined by the processor' : 'The bank declined the ACH payment';
	return `${who} (reference "${reference}", ${formatMoney(amount)}): ${afterReversal(status)}`;
}

export function returnedReason(method: SettledMethod, reference: string, amount: Cents, status: BridgeStatus): string {
	const who = method === 'card' ? 'The processor reports the card payment returned (refunded or charged back)' : 'The bank returned the ACH payment';
	return `${who} (reference "${reference}", ${formatMoney(amount)}): ${afterReversal(status)}`;
}

/** What to do about money that did not arrive, by how far the payment had got. */
function afterReversal(status: BridgeStatus): string {
	switch (status) {
		case 'posting':
		case 'submitted':
		case 'posted':
			return 'it was already written to the PMS. Offset it in the PMS (do not delete it), collect the money another way, then mark this payment posted to close it.';
		case 'recorded':
			return 'do not key it into the PMS. Ask the patient for another way to pay, take that payment, then void this one.';
		default:
			return 'ask the patient for another way to pay, take that payment, then void this one.';
	}
}

/** A decline or return of a payment already final in the PMS: no status can carry it, so it is logged. */
export function reversalAfterFinalMessage(method: SettledMethod, reference: string, amount: Cents, kind: 'declined' | 'returned', status: 'verified' | 'posted_manually'): string {
	const when = status === 'verified' ? 'after it was verified in the PMS' : 'after it was posted to the PMS by hand';
	return `The ${what(method)} (reference "${reference}", ${formatMoney(amount)}) was ${kind} ${when}: offset it in the PMS by hand (do not delete it) and collect the money another way.`;
}
