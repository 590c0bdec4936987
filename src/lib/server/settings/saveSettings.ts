import type { PracticeSettings } from '$lib/domain/settings/practiceSettings';
import type { Sql } from '../store/Sql';
import { readSettings, type SettingsInForce } from './readSettings';

export type SaveOutcome = { ok: true; settings: PracticeSettings; version: number } | { ok: false; current: SettingsInForce };

/**
 * Saves the settings if `baseVersion` is the version in force (DESIGN §6): compare-and-set under a
 * row lock, so of two managers saving at once from the same version, one wins and the other is shown
 * both versions (409) — never a silent overwrite.
 */
export async function saveSettings(sql: Sql, settings: PracticeSettings, baseVersion: number, by: string, at: Date): Promise<SaveOutcome> {
	try {
		return await save(sql, settings, baseVersion, by, at);
	} catch (error) {
		// Two first saves (version 0 has no row to lock) race on the primary key: the loser sees the winner's.
		const current = await readSettings(sql);
		if (current.version !== baseVersion) return { ok: false, current };
		throw error;
	}
}

async function save(sql: Sql, settings: PracticeSettings, baseVersion: number, by: string, at: Date): Promise<SaveOutcome> {
	return sql.transaction(async (tx) => {
		const current = await readSettings(tx, true);
		if (current.version !== baseVersion) return { ok: false, current };
		const version = current.version + 1;
		const params = [JSON.stringify(settings), version, at, by];
		if (current.version === 0) await tx.query(`INSERT INTO practice_settings (id, data, version, updated_at, updated_by) VALUES (1, $1, $2, $3, $4)`, params);
		else await tx.query(`UPDATE practice_settings SET data = $1, version = $2, updated_at = $3, updated_by = $4 WHERE id = 1`, params);
		await tx.query(`INSERT INTO settings_change (version, data, changed_at, changed_by) VALUES ($1, $2, $3, $4)`, [version, JSON.stringify(settings), at, by]);
		return { ok: true, settings, version };
	});
}
