import { z } from 'zod';

export const healthSchema = z.object({
	status: z.literal('ok'),
	service: z.literal('paysplit-bridge'),
	version: z.string(),
	time: z.string(),
	pms: z.object({
		/** `demo`, `opendental` or `nexhealth` (DESIGN §8 PMS). */
		name: z.string(),
		/** The connector the bridge writes through, and the system behind it ("Dentrix"), for people (issue 14). */
		connector: z.string().optional(),
		emr: z.string().optional(),
		/** Whether the PMS takes writes now; `paused` with the reason while it does not (payments wait on the bridge). */
		writes: z.enum(['open', 'paused']).optional(),
		reason: z.string().optional()
	}),
	/** The practice's time zone: devices date payments "today" there (DESIGN §2). */
	practice: z.object({ timeZone: z.string() })
});
export type Health = z.infer<typeof healthSchema>;
