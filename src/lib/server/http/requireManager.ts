import type { RequestEvent } from '@sveltejs/kit';
import type { Device } from '../auth/authenticateDevice';
import { authenticateManager, type Manager } from '../auth/managerSession';
import type { Bridge } from '../bridge/startBridge';
import { apiError } from './apiResponses';
import { requireDevice } from './requireDevice';

export type ManagerCaller = { device: Device; manager: Manager; actor: string };

/**
 * A manager action (DESIGN §6: settings, settlement import, void): a paired device and a live manager
 * session opened on it, sent as `X-Manager-Token`. 403 `manager_required` otherwise, so the device asks
 * for the PIN.
 */
export async function requireManager(bridge: Bridge, event: RequestEvent): Promise<ManagerCaller | Response> {
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	const manager = await authenticateManager(bridge.sql, event.request.headers.get('x-manager-token'), device.id, bridge.now());
	if (!manager) return apiError(403, 'manager_required', 'This needs a manager: enter the manager PIN (a manager session lasts 15 minutes).');
	return { device, manager, actor: `device ${device.name} (manager ${manager.name})` };
}
