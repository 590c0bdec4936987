/**
 * Why the new payment went where it did, for the sentence staff read beside each split. A closed
 * union: `explainSplit` switches over it exhaustively.
 */
export type PaymentReason =
	/** The user picked this procedure to pay first (rule 6). */
	| 'pay_first'
	/** The family's charges in order, oldest first (rule 8). */
	| 'oldest_first'
	/** "Prefer this patient": the paying patient's own charge, before the rest of the family (rule 8). */
	| 'own_first'
	/** "Prefer this patient": a relative's charge, reached once the paying patient's were paid (rule 8). */
	| 'family_after_own';
