import type { RequestHandler } from './$types';
import { issuesOf } from '$lib/domain/api/errorBody';
import { putSettingsRequestSchema, type SettingsConflict, type SettingsResponse } from '$lib/domain/settings/practiceSettings';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { readJsonBody } from '$lib/server/http/readJsonBody';
import { requireDevice } from '$lib/server/http/requireDevice';
import { requireManager } from '$lib/server/http/requireManager';
import { pmsOptions } from '$lib/server/settings/pmsOptions';
import { readSettings } from '$lib/server/settings/readSettings';
import { saveSettings } from '$lib/server/settings/saveSettings';
import { validateSettings } from '$lib/server/settings/validateSettings';

/** `GET /settings` → the practice's settings, their version, and what the PMS offers (DESIGN §6). */
export const GET: RequestHandler = async (event) => {
	const bridge = getBridge();
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	const current = await readSettings(bridge.sql);
	const body: SettingsResponse = { ...current, pms: { name: bridge.demo ? 'demo' : bridge.connector.name, options: await pmsOptions(bridge.mirror, bridge.connector) } };
	return apiJson(body);
};

/**
 * `PUT /settings {settings, baseVersion}` (manager) → 200 `{settings, version}`, or 409
 * `{current, version}` when the settings changed since `baseVersion` (nothing is written), or 422 when
 * a choice is not one the PMS offers.
 */
export const PUT: RequestHandler = async (event) => {
	const bridge = getBridge();
	const caller = await requireManager(bridge, event);
	if (caller instanceof Response) return caller;
	const body = await readJsonBody(event.request, 64 * 1024);
	if (!body.ok) return apiError(body.status, body.code, body.message, undefined, body.headers);
	const parsed = putSettingsRequestSchema.safeParse(body.value);
	if (!parsed.success) return apiError(400, 'invalid', 'The settings are not valid.', issuesOf(parsed.error));
	const problems = validateSettings(parsed.data.settings, await pmsOptions(bridge.mirror, bridge.connector));
	if (problems.length > 0) return apiError(422, 'unsupported', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
	const saved = await saveSettings(bridge.sql, parsed.data.settings, parsed.data.baseVersion, caller.actor, bridge.now());
	if (!saved.ok) {
		const conflict: SettingsConflict = { current: saved.current.settings, version: saved.current.version, updatedAt: saved.current.updatedAt, updatedBy: saved.current.updatedBy };
		return apiJson(conflict, 409);
	}
	bridge.log('info', `settings version ${saved.version} saved by ${caller.actor}`);
	bridge.worker.wake();
	return apiJson({ settings: saved.settings, version: saved.version });
};
