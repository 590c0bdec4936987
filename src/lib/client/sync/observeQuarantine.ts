import type { PaysplitDb } from '../db/PaysplitDb';
import { observeParsed, type LiveView } from '../db/observeParsed';
import { quarantineRowSchema, type QuarantineRow } from '../db/rows';

/**
 * The quarantined rows, newest first, for the page that reports them (issue 4 item 1). A person
 * reads the row and the problem; nothing here deletes them.
 */
export function observeQuarantine(db: PaysplitDb, now: () => number): LiveView<QuarantineRow[]> {
	return observeParsed(
		db,
		async () => {
			const raw: unknown[] = await db.quarantine.orderBy('at').reverse().toArray();
			// The quarantine's own schema only asks for its bookkeeping fields; a row of it that fails
			// that is shown as best it can be rather than hidden.
			const value = raw.map((row): QuarantineRow => {
				const parsed = quarantineRowSchema.safeParse(row);
				return parsed.success ? parsed.data : { table: '?', key: '?', row, problem: 'unreadable quarantine entry', at: '' };
			});
			return { value, bad: [] };
		},
		now
	);
}
