import { z } from 'zod';

export const healthSchema = z.object({
	status: z.literal('ok'),
	service: z.literal('paysplit-bridge'),
	version: z.string(),
	time: z.string(),
	pms: z.object({ name: z.string() }),
	/** The practice's time zone: devices date payments "today" there (DESIGN §2). */
	practice: z.object({ timeZone: z.string() })
});
export type Health = z.infer<typeof healthSchema>;
