import type { PaymentMethodKind } from '$lib/domain/payment/paymentIntent';
import type { PracticeSettings } from '$lib/domain/settings/practiceSettings';
import { defaultPaymentType } from './defaultPaymentType';

export type PaymentTypeChoice = { ok: true; id: string } | { ok: false; reason: string };

/**
 * The PMS payment type a payment is written with: the clinic's type from the settings (where the PMS
 * has clinics), else the practice's, else the type named for the method. A type chosen in the
 * settings that the PMS no longer lists is a problem for a person, not a silent fallback: the
 * practice chose it so these payments are easy to find.
 */
export function choosePaymentType(settings: PracticeSettings, kind: PaymentMethodKind, clinicId: string | null, types: readonly { id: string; name: string }[]): PaymentTypeChoice {
	const chosen = (clinicId ? settings.clinicPaymentTypes[clinicId] : undefined) ?? settings.paymentTypeId;
	if (chosen) {
		if (types.some((t) => t.id === chosen)) return { ok: true, id: chosen };
		return { ok: false, reason: `The payment type chosen in Settings (${chosen}) is no longer in the PMS's payment types (${types.map((t) => `${t.id} ${t.name}`).join(', ') || 'none'}). Choose another in Settings, then retry.` };
	}
	const fallback = defaultPaymentType(kind, types);
	return fallback ? { ok: true, id: fallback } : { ok: false, reason: 'The PMS has no payment types to record this payment under. Add one in the PMS, then retry.' };
}
