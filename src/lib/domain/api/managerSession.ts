import { z } from 'zod';
import { requiredText } from '../text/plainText';

/** A manager PIN: 4 to 12 digits (typed on a tablet's number pad). */
export const managerPinSchema = z.string().regex(/^\d{4,12}$/, { message: 'must be 4 to 12 digits' });

/** `POST /manager/session {pin, name?}` (DESIGN §6): `name` is the manager, for the audit trail. */
export const managerSessionRequestSchema = z.strictObject({
	pin: managerPinSchema,
	name: requiredText(60).optional()
});

/** → `{token, expiresAt}`: send the token as `X-Manager-Token` for 15 minutes. */
export const managerSessionResponseSchema = z.object({ token: z.string(), expiresAt: z.string() });
export type ManagerSession = z.infer<typeof managerSessionResponseSchema>;

/** `POST /admin/v1/manager-pin {pin}` (loopback admin channel: `npm run -s set-pin`). */
export const setPinRequestSchema = z.strictObject({ pin: managerPinSchema });

export const MANAGER_SESSION_MS = 15 * 60_000;
