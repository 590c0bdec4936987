import type { z } from 'zod';
import { familyRowSchema, metaRowSchema, outboxRowSchema, patientRowSchema, paymentRowSchema, settingsRowSchema } from './rows';

/**
 * The schema each table's rows are parsed by when read (DESIGN §5). The quarantine table is not
 * here: it holds rows that already failed, kept as they were.
 */
export const tableSchemas = {
	meta: metaRowSchema,
	patients: patientRowSchema,
	families: familyRowSchema,
	payments: paymentRowSchema,
	outbox: outboxRowSchema,
	settings: settingsRowSchema
} as const;

export type ParsedTableName = keyof typeof tableSchemas;
export type RowOf<N extends ParsedTableName> = z.output<(typeof tableSchemas)[N]>;

/** A row read from `table` that failed its schema, with the reason. */
export type BadRow = { table: ParsedTableName; row: unknown; problem: string };
