import { z } from 'zod';

export const healthSchema = z.object({
	status: z.literal('ok'),
	service: z.literal('paysplit-bridge'),
	version: z.string(),
	time: z.string(),
	pms: z.object({ name: z.string() })
});
export type Health = z.infer<typeof healthSchema>;
