import { z } from 'zod';
import { allocationSplitSchema } from '../allocation/allocationSplit';
import { storedPaymentIntentSchema } from '../payment/paymentIntent';

/**
 * A payment to key into the PMS by hand (write-back off: status `recorded`), or one keyed already
 * (`posted_manually`, with who and when): everything staff need to enter it as Paysplit would have.
 */
export const manualPostingSchema = z.object({
	id: z.string(),
	status: z.enum(['recorded', 'posted_manually']),
	payment: storedPaymentIntentSchema,
	patientName: z.string().nullable(),
	clinic: z.object({ id: z.string(), name: z.string() }).nullable(),
	/** The PMS payment type the settings give it (null: choose one). */
	paymentType: z.object({ id: z.string(), name: z.string() }).nullable(),
	/** The note to type into the PMS payment: it carries the reference that finds it again. */
	pmsNote: z.string(),
	/** What the device's preview showed (advisory): a guide for splitting it by hand. */
	suggestedSplits: z.array(allocationSplitSchema),
	recordedAt: z.string(),
	settingsVersion: z.number().int().nullable(),
	postedBy: z.string().nullable(),
	postedAt: z.string().nullable()
});
export type ManualPosting = z.infer<typeof manualPostingSchema>;

/** `GET /manual-postings` → those waiting, oldest first, and the last 20 keyed by hand, newest first. */
export const manualPostingsResponseSchema = z.object({ waiting: z.array(manualPostingSchema), recentlyPosted: z.array(manualPostingSchema) });
export type ManualPostingsResponse = z.infer<typeof manualPostingsResponseSchema>;
