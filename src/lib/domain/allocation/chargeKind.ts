/** What a charge on the family's account is: a completed procedure or an adjustment (rule 1). */
export type ChargeKind = 'procedure' | 'adjustment';
