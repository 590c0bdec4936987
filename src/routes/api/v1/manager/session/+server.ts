import type { RequestHandler } from './$types';
import { issuesOf } from '$lib/domain/api/errorBody';
import { managerSessionRequestSchema, type ManagerSession } from '$lib/domain/api/managerSession';
import { checkManagerPin } from '$lib/server/auth/managerPin';
import { openManagerSession } from '$lib/server/auth/managerSession';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { readJsonBody } from '$lib/server/http/readJsonBody';
import { requireDevice } from '$lib/server/http/requireDevice';

/**
 * `POST /manager/session {pin, name?}` → `{token, expiresAt}` (DESIGN §6): a 15-minute manager session
 * on this device. Wrong PINs are logged and, after 5 in 15 minutes from one device, answered 429.
 */
export const POST: RequestHandler = async (event) => {
	const bridge = getBridge();
	const device = await requireDevice(bridge, event);
	if (device instanceof Response) return device;
	const key = `device:${device.id}`;
	if (bridge.managerPinLimiter.blocked(key)) {
		const wait = bridge.managerPinLimiter.retryAfterSeconds(key);
		bridge.log('warn', `manager PIN refused without checking: too many wrong PINs from device "${device.name}" (${device.id}); ${wait} s to wait`);
		return apiError(429, 'too_many_attempts', `Too many wrong PINs from this device. Try again in ${Math.ceil(wait / 60)} minutes.`, undefined, { 'retry-after': String(wait) });
	}
	const body = await readJsonBody(event.request, 4 * 1024);
	if (!body.ok) return apiError(body.status, body.code, body.message, undefined, body.headers);
	const parsed = managerSessionRequestSchema.safeParse(body.value);
	if (!parsed.success) return apiError(400, 'invalid', 'The PIN must be 4 to 12 digits.', issuesOf(parsed.error));
	const check = await checkManagerPin(bridge.sql, parsed.data.pin);
	if (check === 'not_set') return apiError(409, 'pin_not_set', 'No manager PIN is set. On the bridge computer, run: npm run -s set-pin');
	if (check === 'wrong') {
		bridge.managerPinLimiter.fail(key);
		bridge.log('warn', `wrong manager PIN from device "${device.name}" (${device.id}, ${event.getClientAddress()})`);
		return apiError(401, 'wrong_pin', 'That is not the manager PIN.');
	}
	const name = parsed.data.name ?? 'manager';
	const session = await openManagerSession(bridge.sql, device.id, name, bridge.now());
	bridge.log('info', `manager session opened on device "${device.name}" (${name})`);
	const answer: ManagerSession = { token: session.token, expiresAt: session.expiresAt.toISOString() };
	return apiJson(answer, 201);
};
