import { z } from 'zod';

/**
 * What can happen to a payment on the bridge (DESIGN §2): the bridge's own steps, what the
 * processor reports, and a person's actions. A closed union: a new event must be handled by
 * `nextStatus`, or the build fails.
 */
export const paymentEventSchema = z.discriminatedUnion('kind', [
	/** A device's payment reaches the bridge: the journal's first entry for it. */
	z.object({ kind: z.literal('received') }),
	/** Cash and checks clear at once. */
	z.object({ kind: z.literal('clears_at_once') }),
	/** Card and ACH payments wait for the processor's settlement. */
	z.object({ kind: z.literal('awaits_settlement') }),
	/** The processor settled it for the amount taken. */
	z.object({ kind: z.literal('settled') }),
	/** Write-back is off: cleared payments wait to be keyed into the PMS by hand. */
	z.object({ kind: z.literal('write_back_off') }),
	/** Dated after the practice's today (a check dated tomorrow): cleared, it waits for its date before posting. */
	z.object({ kind: z.literal('waits_for_date'), payDate: z.string().min(1) }),
	/** The PMS does not take writes now (NexHealth's write side is down): cleared, it waits. */
	z.object({ kind: z.literal('waits_for_pms'), reason: z.string().min(1) }),
	z.object({ kind: z.literal('posting_started') }),
	/** An asynchronous PMS accepted the write (NexHealth: 202); its rows appear on a later read. */
	z.object({ kind: z.literal('submitted') }),
	z.object({ kind: z.literal('posted') }),
	z.object({ kind: z.literal('verified') }),
	/** Anything a person must look at: declined, returned, amount mismatch, PMS refusal, failed verification. */
	z.object({ kind: z.literal('problem'), reason: z.string().min(1) }),
	/** A person's actions. */
	z.object({ kind: z.literal('retry') }),
	z.object({ kind: z.literal('void'), reason: z.string().min(1) }),
	z.object({ kind: z.literal('mark_posted') })
]);
export type PaymentEvent = z.infer<typeof paymentEventSchema>;
export type PaymentEventKind = PaymentEvent['kind'];

/** The actions a person takes through the API (DESIGN §2, §6). */
export const PERSON_ACTIONS = ['retry', 'void', 'mark_posted'] as const satisfies readonly PaymentEventKind[];
