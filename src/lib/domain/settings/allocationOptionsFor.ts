import type { AllocationOptions } from '../allocation/allocationInput';
import type { PmsOptions, PracticeSettings } from './practiceSettings';

/**
 * The engine's options for one payment (DESIGN §4): the practice's order (or the PMS's own when the
 * practice has not chosen), the PMS's preferences, and the staff's choices for this payment.
 */
export function allocationOptionsFor(settings: PracticeSettings, preferences: PmsOptions['preferences'], choice: { preferPatient?: boolean; payFirst?: readonly string[] } = {}): AllocationOptions {
	return {
		order: settings.allocationOrder ?? preferences.order,
		preferPatient: choice.preferPatient ?? false,
		payFirst: [...(choice.payFirst ?? [])],
		subtractInsuranceEstimates: preferences.subtractInsuranceEstimates,
		adjustmentsOffsetEachOther: preferences.adjustmentsOffsetEachOther,
		prepaymentType: preferences.prepaymentType,
		clinicsEnabled: preferences.clinicsEnabled
	};
}
