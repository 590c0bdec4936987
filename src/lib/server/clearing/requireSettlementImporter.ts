import type { RequestEvent } from '@sveltejs/kit';
import type { Bridge } from '../bridge/startBridge';
import { requireManager } from '../http/requireManager';

/** Who imports a settlement file, as the audit trail names them. */
export type SettlementImporter = { importedBy: string };

/** DESIGN §6 makes the settlement import a manager action: a paired device holding a manager session (`X-Manager-Token`). */
export async function requireSettlementImporter(bridge: Bridge, event: RequestEvent): Promise<SettlementImporter | Response> {
	const caller = await requireManager(bridge, event);
	if (caller instanceof Response) return caller;
	return { importedBy: `${caller.device.name}, manager ${caller.manager.name}` };
}
