import type { LedgerSplit, Ledger } from '../ledger/ledger';
import type { Credit } from './credit';
import { dayNumber } from './dayNumber';
import { effectiveClinic } from './effectiveClinic';
import { compareIds } from './compareIds';
import type { OwnerNumbers } from './ownerNumbers';
import { wholeIdValue } from './wholeIdValue';

/**
 * Rule 7's free credit: the splits left after explicit linking, except those of a hidden unearned
 * type (Open Dental's "do not show on account" types, such as Treat Plan Prepayment, are money held
 * for planned work, not credit), taken by date, then id. A split naming an unearned type that is
 * not in the list counts as visible: the ledger, not the engine, owns the list of types.
 * Numbers each credit's owner in `owners`.
 */
export function freeCredits(
	unlinked: readonly LedgerSplit[],
	unearnedTypes: Ledger['unearnedTypes'],
	clinicsEnabled: boolean,
	owners: OwnerNumbers
): Credit[] {
	const hidden = new Set<string>();
	for (const type of unearnedTypes) if (type.hidden) hidden.add(type.id);
	const credits: Credit[] = [];
	for (const split of unlinked) {
		if (split.unearnedType !== null && hidden.has(split.unearnedType)) continue;
		const clinicId = effectiveClinic(split.clinicId, clinicsEnabled);
		credits.push({
			id: split.id,
			idValue: wholeIdValue(split.id),
			patientId: split.patientId,
			providerId: split.providerId,
			clinicId,
			date: split.date,
			day: dayNumber(split.date),
			owner: owners.numberOf(split.patientId, split.providerId, clinicId),
			amount: split.amount
		});
	}
	// Split ids are unique, so this order is total.
	return credits.sort((a, b) => a.day - b.day || a.idValue - b.idValue || compareIds(a.id, b.id));
}
