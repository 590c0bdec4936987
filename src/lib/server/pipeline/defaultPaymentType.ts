import type { PaymentMethodKind } from '$lib/domain/payment/paymentIntent';

const NAMES: Record<PaymentMethodKind, RegExp> = {
	cash: /\bcash\b/i,
	check: /\bche(que|ck)\b/i,
	card: /\b(credit|debit)?\s*card\b|\bvisa\b|\bmastercard\b/i,
	ach: /\bach\b|\be-?check\b|\bbank transfer\b/i
};

/**
 * The PMS payment type for a method until the practice picks its own in the settings: the type
 * whose name says the method ("Cash", "Check", "Credit Card"), else the first type. Null when the
 * PMS has no payment types at all.
 */
export function defaultPaymentType(kind: PaymentMethodKind, types: readonly { id: string; name: string }[]): string | null {
	return (types.find((t) => NAMES[kind].test(t.name)) ?? types[0])?.id ?? null;
}
