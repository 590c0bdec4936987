/** A split as the vectors compare it: the seven fields, absent and null alike, `reason` left out. */
export type ComparableSplit = {
	patientId: string;
	providerId: string | null;
	clinicId: string | null;
	amount: number;
	procedureId: string | null;
	adjustmentId: string | null;
	unearnedType: string | null;
};

type SplitLike = {
	patientId: string;
	providerId?: string | null;
	clinicId?: string | null;
	amount: number;
	procedureId?: string | null;
	adjustmentId?: string | null;
	unearnedType?: string | null;
};

/** The splits as a sorted list of comparable records, so two multisets are equal exactly when these are deep-equal. */
export function splitMultiset(splits: readonly SplitLike[]): ComparableSplit[] {
	return splits
		.map((split) => ({
			patientId: split.patientId,
			providerId: split.providerId ?? null,
			clinicId: split.clinicId ?? null,
			amount: split.amount,
			procedureId: split.procedureId ?? null,
			adjustmentId: split.adjustmentId ?? null,
			unearnedType: split.unearnedType ?? null
		}))
		.sort((a, b) => {
			const x = JSON.stringify(a);
			const y = JSON.stringify(b);
			return x < y ? -1 : x > y ? 1 : 0;
		});
}
