import { z } from 'zod';

/** What became of one row of a settlement file (DESIGN §6: matched / unmatched / mismatched, and more). */
export const SETTLEMENT_ROW_OUTCOMES = ['matched', 'unmatched', 'mismatched', 'invalid', 'already_settled'] as const;
export type SettlementRowOutcome = (typeof SETTLEMENT_ROW_OUTCOMES)[number];

export const settlementImportRowSchema = z.object({
	/** The line of the file the row starts on (the header is line 1). */
	line: z.number().int().positive(),
	reference: z.string(),
	outcome: z.enum(SETTLEMENT_ROW_OUTCOMES),
	paymentId: z.string().optional(),
	message: z.string()
});
export type SettlementImportRow = z.infer<typeof settlementImportRowSchema>;

/** The answer of `POST /settlements`: one entry per row, in file order, and the count of each outcome. */
export const settlementImportResultSchema = z.object({
	rows: z.array(settlementImportRowSchema),
	totals: z.object(Object.fromEntries(SETTLEMENT_ROW_OUTCOMES.map((o) => [o, z.number().int().nonnegative()])) as Record<SettlementRowOutcome, z.ZodNumber>)
});
export type SettlementImportResult = z.infer<typeof settlementImportResultSchema>;

export function countOutcomes(rows: readonly Pick<SettlementImportRow, 'outcome'>[]): Record<SettlementRowOutcome, number> {
	const totals = Object.fromEntries(SETTLEMENT_ROW_OUTCOMES.map((o) => [o, 0])) as Record<SettlementRowOutcome, number>;
	for (const row of rows) totals[row.outcome] += 1;
	return totals;
}
