import { managerSessionRequestSchema, type ManagerSession } from '$lib/domain/api/managerSession';
import { describeWait } from '$lib/server/auth/createGuessLimit';
import { checkManagerPin } from '$lib/server/auth/managerPin';
import { openManagerSession } from '$lib/server/auth/managerSession';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/**
 * `POST /manager/session {pin, name?}` → `{token, expiresAt}` (DESIGN §6): a 15-minute manager session
 * on this device. Wrong PINs are logged and counted (`createGuessLimit`): after 5 in 15 minutes from one
 * device, or 30 on the bridge, it answers 429 saying how long to wait.
 */
export const POST = apiRoute({ auth: 'device', body: { json: managerSessionRequestSchema, maxBytes: 4 * 1024, invalid: { code: 'invalid', message: 'The PIN must be 4 to 12 digits' } } }, async ({ event, bridge, caller: device, body }) => {
	const allowed = await bridge.guessLimits.managerPin.check(device.id);
	if (!allowed.ok) {
		const wait = allowed.retryAfterSeconds;
		bridge.log('warn', `manager PIN refused without checking: too many wrong PINs ${allowed.scope === 'caller' ? `from device ${device.id}` : 'on this bridge'}; ${wait} s to wait`);
		const who = allowed.scope === 'caller' ? 'from this device' : 'on this bridge, from several devices';
		return apiError(429, 'too_many_attempts', `Too many wrong PINs ${who}. Try again in ${describeWait(wait)}.`, undefined, { 'retry-after': String(wait) });
	}
	const check = await checkManagerPin(bridge.sql, body.pin);
	if (check === 'not_set') return apiError(409, 'pin_not_set', 'No manager PIN is set. On the bridge computer, run: npm run -s set-pin');
	if (check === 'wrong') {
		await bridge.guessLimits.managerPin.fail(device.id);
		bridge.log('warn', `wrong manager PIN from device "${device.name}" (${device.id}, ${event.getClientAddress()})`);
		return apiError(401, 'wrong_pin', 'That is not the manager PIN.');
	}
	const name = body.name ?? 'manager';
	const session = await openManagerSession(bridge.sql, device.id, name, bridge.now());
	bridge.log('info', `manager session opened on device "${device.name}" (${device.id})`);
	const answer: ManagerSession = { token: session.token, expiresAt: session.expiresAt.toISOString() };
	return apiJson(answer, 201);
});
