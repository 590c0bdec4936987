import type { RequestEvent } from '@sveltejs/kit';
import { authenticateDevice, type Device } from '../auth/authenticateDevice';
import type { Bridge } from '../bridge/startBridge';
import { apiError } from './apiResponses';

/** The calling device, or the 401 to answer with (no, unknown or revoked token). */
export async function requireDevice(bridge: Bridge, event: RequestEvent): Promise<Device | Response> {
	const device = await authenticateDevice(bridge.sql, event.request.headers.get('authorization'));
	if (device) return device;
	return apiError(401, 'unauthorized', 'This device is not paired with the bridge (or was removed). Pair it again with a new code.', undefined, { 'www-authenticate': 'Bearer' });
}
