import type { ChargeOrder } from '$lib/domain/allocation/allocationInput';

/** The Open Dental preferences that shape a payment's splits (shared/notes/opendental.md §1.0). */
export type OdAllocationPreferences = {
	prepaymentType: string;
	/** RigorousAccounting: 0 EnforceFully, 1 AutoSplitOnly, 2 DontEnforce (no auto-split). */
	rigorousAccounting: 0 | 1 | 2;
	subtractInsuranceEstimates: boolean;
	adjustmentsOffsetEachOther: boolean;
	clinicsEnabled: boolean;
	/** Open Dental 21 and later split oldest first; `AutoSplitLogic` (adjustments first) is read nowhere since. */
	order: ChargeOrder;
	apiPaymentType: string | null;
};

/**
 * Reads the allocation preferences from Open Dental's `preference` rows (PrefName → ValueString).
 * Booleans are "1"/"0"; a missing preference takes Open Dental's default.
 */
export function odAllocationPreferences(values: ReadonlyMap<string, string>): OdAllocationPreferences {
	const flag = (name: string, fallback: boolean) => {
		const value = values.get(name);
		return value === undefined ? fallback : value.trim() === '1' || value.trim().toLowerCase() === 'true';
	};
	const rigorous = Number(values.get('RigorousAccounting') ?? '1');
	return {
		prepaymentType: values.get('PrepaymentUnearnedType') ?? '0',
		rigorousAccounting: rigorous === 0 || rigorous === 2 ? rigorous : 1,
		subtractInsuranceEstimates: !flag('BalancesDontSubtractIns', false),
		adjustmentsOffsetEachOther: flag('AdjustmentsOffsetEachOther', true),
		clinicsEnabled: !flag('EasyNoClinics', false),
		order: 'oldest_first',
		apiPaymentType: values.get('ApiPaymentType') ?? null
	};
}
