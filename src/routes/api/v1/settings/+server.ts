import { putSettingsRequestSchema, type SettingsConflict, type SettingsResponse } from '$lib/domain/settings/practiceSettings';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';
import { pmsOptions } from '$lib/server/settings/pmsOptions';
import { readSettings } from '$lib/server/settings/readSettings';
import { saveSettings } from '$lib/server/settings/saveSettings';
import { validateSettings } from '$lib/server/settings/validateSettings';

/** `GET /settings` → the practice's settings, their version, and what the PMS offers (DESIGN §6). */
export const GET = apiRoute({ auth: 'device' }, async ({ bridge }) => {
	const current = await readSettings(bridge.sql);
	const { connector, emr } = bridge.identity();
	const body: SettingsResponse = { ...current, pms: { name: bridge.config.PMS, connector, emr, options: await pmsOptions(bridge.mirror, bridge.connector) } };
	return apiJson(body);
});

/**
 * `PUT /settings {settings, baseVersion}` (manager) → 200 `{settings, version}`, or 409
 * `{current, version}` when the settings changed since `baseVersion` (nothing is written), or 422 when
 * a choice is not one the PMS offers.
 */
export const PUT = apiRoute({ auth: 'manager', body: { json: putSettingsRequestSchema, maxBytes: 64 * 1024, invalid: { code: 'invalid', message: 'The settings are not valid' } } }, async ({ bridge, caller, body }) => {
	const problems = validateSettings(body.settings, await pmsOptions(bridge.mirror, bridge.connector));
	if (problems.length > 0) return apiError(422, 'unsupported', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
	const saved = await saveSettings(bridge.sql, body.settings, body.baseVersion, caller.actor, bridge.now());
	if (!saved.ok) {
		const conflict: SettingsConflict = { current: saved.current.settings, version: saved.current.version, updatedAt: saved.current.updatedAt, updatedBy: saved.current.updatedBy };
		return apiJson(conflict, 409);
	}
	bridge.log('info', `settings version ${saved.version} saved by ${caller.actor}`);
	bridge.worker.wake();
	return apiJson({ settings: saved.settings, version: saved.version });
});
