import type { LedgerSplit, Ledger } from '../ledger/ledger';
import type { Credit } from './credit';
import { compareIds } from './compareIds';
import { effectiveClinic } from './effectiveClinic';

/**
 * Rule 7's free credit: the splits left after explicit linking, except those of a hidden unearned
 * type (Open Dental's "do not show on account" types, such as Treat Plan Prepayment, are money held
 * for planned work, not credit), taken by date, then id. A split naming an unearned type that is
 * not in the list counts as visible: the ledger, not the engine, owns the list of types.
 */
export function freeCredits(unlinked: readonly LedgerSplit[], unearnedTypes: Ledger['unearnedTypes'], clinicsEnabled: boolean): Credit[] {
	const hidden = new Set(unearnedTypes.filter((type) => type.hidden).map((type) => type.id));
	return unlinked
		.filter((split) => split.unearnedType === null || !hidden.has(split.unearnedType))
		.map((split) => ({
			id: split.id,
			patientId: split.patientId,
			providerId: split.providerId,
			clinicId: effectiveClinic(split.clinicId, clinicsEnabled),
			date: split.date,
			amount: split.amount as number
		}))
		.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : compareIds(a.id, b.id)));
}
