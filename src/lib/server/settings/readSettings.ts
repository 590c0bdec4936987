import { DEFAULT_SETTINGS, practiceSettingsSchema, type PracticeSettings } from '$lib/domain/settings/practiceSettings';
import type { SqlTx } from '../store/Sql';

/** The practice's settings in force, and their version (0: never saved, the defaults). */
export async function readSettings(sql: Pick<SqlTx, 'query'>): Promise<{ settings: PracticeSettings; version: number }> {
	const row = (await sql.query<{ data: unknown; version: number }>(`SELECT data, version FROM practice_settings WHERE id = 1`))[0];
	if (!row) return { settings: DEFAULT_SETTINGS, version: 0 };
	// Settings saved by an older version lack newer fields: those take their defaults.
	return { settings: practiceSettingsSchema.parse({ ...DEFAULT_SETTINGS, ...(row.data as object) }), version: row.version };
}
