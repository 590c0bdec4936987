import { z } from 'zod';
import { uuidSchema } from '../ids/uuid';
import { plainText } from '../text/plainText';

/**
 * The path parameters and query strings of the bridge's endpoints (DESIGN §6, §8), parsed at the
 * door like bodies are (`server/http/apiRoute`): a bad one answers 400 naming it, before any handler
 * or database sees it.
 */

/** `/payments/:id/…`: a payment id. */
export const paymentIdParamsSchema = z.object({ id: uuidSchema });
/** `/admin/v1/devices/:id/…`: a device id. */
export const deviceIdParamsSchema = z.object({ id: uuidSchema });

/** A query-string value: one line of well-formed text (cursors, limits), checked further by its endpoint. */
const queryValue = plainText({ max: 32, cardNumbers: 'allow' });

/** `GET /changes?since=&limit=`. */
export const changesQuerySchema = z.object({ since: queryValue.optional(), limit: queryValue.optional() });
/** `GET /patients?since=`. */
export const patientsQuerySchema = z.object({ since: queryValue.optional() });
