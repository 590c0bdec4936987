import type { RequestEvent } from '@sveltejs/kit';
import type { Bridge } from '../bridge/startBridge';
import { requireDevice } from '../http/requireDevice';

/** Who imports a settlement file, as the audit trail names them. */
export type SettlementImporter = { importedBy: string };

/**
 * DESIGN §6 makes the settlement import a manager action. Manager sessions (`X-Manager-Token`) come
 * in a later issue; until then a paired device may import, as for the other endpoints. This is the
 * one place to add the manager check (and the manager's name to `importedBy`).
 */
export async function requireSettlementImporter(bridge: Bridge, event: RequestEvent): Promise<SettlementImporter | Response> {
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	return { importedBy: device.name };
}
