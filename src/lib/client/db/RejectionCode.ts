import { z } from 'zod';

/**
 * Why a payment is `rejected` on this device, which decides how it may be retried:
 * - `invalid`, `unknown_patient` (DESIGN §6 `rejected`): the bridge wrote nothing, so the payment
 *   may be fixed and sent again under the same id;
 * - `too_large`: even alone it was over the bridge's request limit (413); nothing was written;
 * - `conflict`: the bridge holds another payment under this id, so a retry needs a new id;
 * - `bridge_error`: not a refusal. Sent alone, it made the bridge fail (a 5xx of its own, not 503)
 *   again and again for 10 minutes while the bridge took other payments, so it was set aside to
 *   stop it holding up the queue (see `noteBridgeErrors`). The bridge may have journaled it (a 500
 *   can come after the commit): it may not be discarded, and it is sent again under the same id
 *   (the bridge answers `duplicate` if it has it).
 */
export const REJECTION_CODES = ['invalid', 'unknown_patient', 'too_large', 'conflict', 'bridge_error'] as const;
export const rejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;
