import { cents } from '../money/cents';
import { formatMoney } from '../money/formatMoney';
import type { AllocationSplit } from './allocationSplit';

/**
 * Mode `providers_only`: the `allocate` splits merged by (patient, provider, clinic, unearned type),
 * their charge links dropped — income credited to providers without naming procedures (Open
 * Dental's old "providers only" paysplits). Groups come in the order their first split came.
 */
export function mergeByProvider(splits: readonly AllocationSplit[]): AllocationSplit[] {
	const groups = new Map<string, { split: AllocationSplit; amount: number; count: number }>();
	for (const split of splits) {
		const key = JSON.stringify([split.patientId, split.providerId, split.clinicId, split.unearnedType ?? null]);
		const group = groups.get(key);
		if (group) {
			group.amount += split.amount;
			group.count += 1;
		} else {
			groups.set(key, { split, amount: split.amount, count: 1 });
		}
	}
	return [...groups.values()].map(({ split, amount, count }) => {
		const merged: AllocationSplit = {
			patientId: split.patientId,
			providerId: split.providerId,
			clinicId: split.clinicId,
			amount: cents(amount),
			reason:
				split.unearnedType !== undefined
					? split.reason
					: `${formatMoney(amount)} for patient ${split.patientId} with provider ${split.providerId ?? 'none'}: ${count} charge${count === 1 ? '' : 's'} paid oldest first, booked to the provider without naming ${count === 1 ? 'it' : 'them'}.`
		};
		if (split.unearnedType !== undefined) merged.unearnedType = split.unearnedType;
		return merged;
	});
}
