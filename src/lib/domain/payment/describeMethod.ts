import type { PaymentIntent } from './paymentIntent';

/** How a payment was made, in words for staff: brand and last four for cards, never more. */
export function describeMethod(method: PaymentIntent['method']): string {
	switch (method.kind) {
		case 'cash':
			return 'Cash';
		case 'check':
			return `Check #${method.checkNumber}`;
		case 'card':
			return `${method.brand} card ending ${method.last4} (terminal ref ${method.terminalRef})`;
		case 'ach':
			return `ACH, reference ${method.reference}`;
	}
}
