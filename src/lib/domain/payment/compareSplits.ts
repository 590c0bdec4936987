import type { Cents } from '../money/cents';

/** A split as both sides can state it: who, which provider and clinic, how much, paying what. */
export type ComparableSplit = {
	patientId: string;
	providerId: string | null;
	clinicId: string | null;
	amount: Cents | number;
	procedureId?: string | undefined;
	adjustmentId?: string | undefined;
	unearnedType?: string | undefined;
};

export type SplitDifference = { onlyInPms: ComparableSplit[]; onlyInPaysplit: ComparableSplit[] };

const keyOf = (s: ComparableSplit) => JSON.stringify([s.patientId, s.providerId ?? null, s.clinicId ?? null, s.amount, s.procedureId ?? null, s.adjustmentId ?? null, s.unearnedType ?? null]);
const strip = (s: ComparableSplit): ComparableSplit => ({
	patientId: s.patientId,
	providerId: s.providerId ?? null,
	clinicId: s.clinicId ?? null,
	amount: s.amount,
	...(s.procedureId ? { procedureId: s.procedureId } : {}),
	...(s.adjustmentId ? { adjustmentId: s.adjustmentId } : {}),
	...(s.unearnedType ? { unearnedType: s.unearnedType } : {})
});

/**
 * Whether the PMS split a payment as Paysplit's engine did (DESIGN §3: recorded beside
 * verification, never a failure — the PMS's allocation is the ledger's truth), compared as
 * multisets, with what each side has that the other does not.
 */
export function compareSplits(pms: readonly ComparableSplit[], paysplit: readonly ComparableSplit[]): { matches: boolean; difference: SplitDifference } {
	const remaining = new Map<string, ComparableSplit[]>();
	for (const split of paysplit) remaining.set(keyOf(split), [...(remaining.get(keyOf(split)) ?? []), split]);
	const onlyInPms: ComparableSplit[] = [];
	for (const split of pms) {
		const same = remaining.get(keyOf(split));
		if (same && same.length > 0) same.pop();
		else onlyInPms.push(strip(split));
	}
	const onlyInPaysplit = [...remaining.values()].flat().map(strip);
	return { matches: onlyInPms.length === 0 && onlyInPaysplit.length === 0, difference: { onlyInPms, onlyInPaysplit } };
}
