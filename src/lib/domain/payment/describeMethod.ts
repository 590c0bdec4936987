import { assertNever } from './PaymentStatus';
import type { PaymentIntent } from './paymentIntent';

/**
 * How a payment was made, in words — the one place that says it, so the ledger note, the chart note
 * and the screens never disagree. Cards show brand, last four and terminal reference only: Paysplit
 * never has a card number.
 *
 * - `label`: a screen's field ("Visa card ending 4242 (terminal ref T-99)", "Check #1042").
 * - `prose`: inside a sentence or note, lower-case where the words allow ("check #1042", "cash").
 * - `short`: a list row, where space is tight ("Visa ••4242", "ACH ACH-7").
 */
export type MethodWording = 'label' | 'prose' | 'short';

export function describeMethod(method: PaymentIntent['method'], wording: MethodWording = 'label'): string {
	if (wording === 'short') {
		if (method.kind === 'card') return `${method.brand} ••${method.last4}`;
		if (method.kind === 'ach') return `ACH ${method.reference}`;
	}
	const prose = methodProse(method);
	return wording === 'prose' ? prose : prose.charAt(0).toUpperCase() + prose.slice(1);
}

function methodProse(method: PaymentIntent['method']): string {
	switch (method.kind) {
		case 'cash':
			return 'cash';
		case 'check':
			return `check #${method.checkNumber}`;
		case 'card':
			return `${method.brand} card ending ${method.last4} (terminal ref ${method.terminalRef})`;
		case 'ach':
			return `ACH (ref ${method.reference})`;
		default:
			return assertNever(method);
	}
}
