import { z } from 'zod';

/**
 * Why a payment is `rejected` on this device, which decides how it may be retried:
 * - `invalid`, `unknown_patient` (DESIGN §6 `rejected`): the bridge wrote nothing, so the payment
 *   may be fixed and sent again under the same id;
 * - `too_large`: even alone it was over the bridge's request limit (413); nothing was written;
 * - `conflict`: the bridge holds another payment under this id, so a retry needs a new id.
 */
export const REJECTION_CODES = ['invalid', 'unknown_patient', 'too_large', 'conflict'] as const;
export const rejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;
