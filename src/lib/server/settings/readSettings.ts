import { DEFAULT_SETTINGS, storedSettingsSchema, type PracticeSettings } from '$lib/domain/settings/practiceSettings';
import type { SqlTx } from '../store/Sql';

export type SettingsInForce = { settings: PracticeSettings; version: number; updatedAt: string | null; updatedBy: string | null };

/** The practice's settings in force, and their version (0: never saved, the defaults). */
export async function readSettings(sql: Pick<SqlTx, 'query'>, lock = false): Promise<SettingsInForce> {
	const row = (await sql.query<{ data: unknown; version: number; updated_at: Date; updated_by: string }>(`SELECT data, version, updated_at, updated_by FROM practice_settings WHERE id = 1${lock ? ' FOR UPDATE' : ''}`))[0];
	if (!row) return { settings: DEFAULT_SETTINGS, version: 0, updatedAt: null, updatedBy: null };
	// Settings saved by an older version lack newer fields: those take their defaults.
	return { settings: storedSettingsSchema.parse(row.data), version: row.version, updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by };
}
