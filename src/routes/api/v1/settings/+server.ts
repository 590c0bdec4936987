import type { RequestHandler } from './$types';
import type { SettingsResponse } from '$lib/domain/settings/practiceSettings';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiJson } from '$lib/server/http/apiResponses';
import { requireDevice } from '$lib/server/http/requireDevice';
import { pmsOptions } from '$lib/server/settings/pmsOptions';
import { readSettings } from '$lib/server/settings/readSettings';

/** `GET /settings` → the practice's settings, their version, and what the PMS offers (DESIGN §6). */
export const GET: RequestHandler = async (event) => {
	const bridge = getBridge();
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	const { settings, version } = await readSettings(bridge.sql);
	const body: SettingsResponse = { settings, version, pms: { name: bridge.demo ? 'demo' : bridge.connector.name, options: await pmsOptions(bridge.mirror, bridge.connector) } };
	return apiJson(body);
};
