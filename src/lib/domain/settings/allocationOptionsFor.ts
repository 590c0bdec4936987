import type { AllocationOptions } from '../allocation/allocationInput';
import { payDateCharges } from '../allocation/payDateCharges';
import type { Ledger } from '../ledger/ledger';
import type { PmsOptions, PracticeSettings } from './practiceSettings';

/**
 * The engine's options for one payment (DESIGN §4): the practice's order (or the PMS's own when the
 * practice has not chosen), the PMS's preferences, and the staff's choices for this payment. Where
 * the PMS pays the charges of the payment's date first (`payDateChargesFirst`, Eaglesoft's walkout
 * rule), those charges join the staff's pay-first picks, so the device's preview and the bridge's
 * posting both follow it.
 */
export function allocationOptionsFor(
	settings: PracticeSettings,
	preferences: PmsOptions['preferences'],
	choice: { preferPatient?: boolean; payFirst?: readonly string[] },
	payment: { payDate: string; ledger: Ledger }
): AllocationOptions {
	const walkout = preferences.payDateChargesFirst ? payDateCharges(payment.ledger, payment.payDate) : [];
	return {
		order: settings.allocationOrder ?? preferences.order,
		preferPatient: choice.preferPatient ?? false,
		payFirst: [...new Set([...(choice.payFirst ?? []), ...walkout])],
		subtractInsuranceEstimates: preferences.subtractInsuranceEstimates,
		adjustmentsOffsetEachOther: preferences.adjustmentsOffsetEachOther,
		prepaymentType: preferences.prepaymentType,
		clinicsEnabled: preferences.clinicsEnabled
	};
}
