import { z } from 'zod';
import { todayIn } from '$lib/domain/dates/todayIn';
import { MAX_PAYMENT_CENTS } from '$lib/domain/money/cents';
import { plainText } from '$lib/domain/text/plainText';
import { centsToDecimal, dollarsTextToCents } from '../../opendental/odMoney';
import type { QueuedPayment } from '../landPayment';
import { checkScope, type NexContext } from './nexContext';
import { readNexJson } from './nexBody';
import { idParam, parseDateTime, parseNexQuery, textParam, MAX_ID } from './nexQuery';
import { nexAccepted, nexError } from './nexResponse';

/** The most charge or provider splits one payment takes: more than a family's open charges. */
const MAX_SPLITS = 1000;
/** notes: "some EHRs may truncate overlong notes"; the fake takes this much and stores it whole. */
const MAX_NOTES = 4000;
/** transaction_id: "max 50 characters" (docs: create payment, postPayments). */
export const MAX_TRANSACTION_ID = 50;

/** A NexHealth id in a JSON body: a number, or its digits as text (Grape coerces both). */
const bodyId = z.unknown().transform((value, ctx) => {
	const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
	if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
		ctx.addIssue({ code: 'custom', message: `must be a whole number from 1 to ${MAX_ID}` });
		return z.NEVER;
	}
	return id;
});

/** Decimal dollars (a JSON number, or numeric text) → cents, digit by digit; whole cents, at most $1,000,000.00 either way. */
const dollars = z.unknown().transform((value, ctx) => {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' && value.length <= 32 ? value : '';
	const cents = dollarsTextToCents(text);
	if (cents === null || Math.abs(cents) > MAX_PAYMENT_CENTS) {
		ctx.addIssue({ code: 'custom', message: `must be an amount in decimal dollars with at most 2 decimals, up to ${MAX_PAYMENT_CENTS / 100} either way` });
		return z.NEVER;
	}
	return cents;
});

/**
 * A provider split's value: the document calls them "amounts in decimal dollars" but its example is
 * -0.5/-0.5 (fractions?); NOT FOUND which. Any decimal number is taken; the fake keeps only the ids.
 */
const providerShare = z.unknown().transform((value, ctx) => {
	const ok = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d{1,12}(\.\d{1,12})?$/.test(value));
	if (!ok) {
		ctx.addIssue({ code: 'custom', message: 'must be a decimal number' });
		return z.NEVER;
	}
	return 0;
});

/** `{"<id>": amount, …}`: splits keyed by NexHealth ids. The document's examples give numbers (payments) and strings (adjustments): both are taken. */
const splits = (what: 'charge' | 'provider', value: z.ZodType<number, unknown>) =>
	z.record(z.string(), z.unknown(), { error: `must be an object of ${what} ids and amounts` }).transform((record, ctx) => {
		const entries = Object.entries(record);
		if (entries.length > MAX_SPLITS) {
			ctx.addIssue({ code: 'custom', message: `must have at most ${MAX_SPLITS} ${what}s` });
			return z.NEVER;
		}
		const out: [number, number][] = [];
		for (const [key, entry] of entries) {
			const id = bodyId.safeParse(key);
			const amount = value.safeParse(entry);
			if (!id.success || !amount.success) {
				ctx.addIssue({ code: 'custom', message: `has ${JSON.stringify(key.length > 20 ? `${key.slice(0, 20)}…` : key)}: ${!id.success ? `a ${what} id ${id.error.issues[0]?.message}` : `its amount ${amount.error?.issues[0]?.message ?? "is invalid"}`}` });
				return z.NEVER;
			}
			out.push([id.data, amount.data]);
		}
		return out;
	});

const paymentSchema = z.looseObject({
	patient_id: bodyId.optional(),
	amount: dollars.optional(),
	currency: z.string({ error: 'must be text' }).max(10).optional(),
	payment_type_id: bodyId.optional(),
	type_name: plainText({ max: 255, cardNumbers: 'allow' }).optional(),
	transaction_id: plainText({ max: MAX_TRANSACTION_ID, min: 1, cardNumbers: 'allow' }).optional(),
	paid_at: z.string({ error: 'must be a date and time in ISO 8601' }).max(64).optional(),
	charge_splits: splits('charge', dollars).optional(),
	provider_splits: splits('provider', providerShare).optional(),
	notes: plainText({ max: MAX_NOTES, lines: true }).optional()
});

/**
 * POST /payments (operation postPayments): checks the payment as NexHealth does before it accepts
 * it — the patient and the payment type must be at this location ("Patient with ID 123 not found in
 * location 456", "Payment Type with id 1 not found in location 456": docs troubleshooting-payments),
 * every split must name a charge of the patient's account — then queues it and answers 202 with no
 * body. It lands in the PMS `syncSeconds` later (landPayment), unless the write side is red.
 * Nothing deduplicates: the same transaction_id posted twice lands twice.
 */
export async function postPayment(ctx: NexContext, request: Request, url: URL, options: { failInsertion?: boolean } = {}): Promise<Response> {
	const parsed = parseNexQuery(url, { subdomain: textParam(), location_id: idParam });
	if (parsed instanceof Response) return parsed;
	const scope = checkScope(ctx, parsed.query, { subdomain: true, location: true });
	if (scope) return scope;
	const locationId = ctx.practice.locationId;
	const body = await readNexJson(request);
	if (body instanceof Response) return body;
	if (body.payment === undefined) return nexError(400, 'payment is missing');
	const read = paymentSchema.safeParse(body.payment);
	if (!read.success) {
		const issue = read.error.issues[0];
		const field = issue?.path.length ? `payment[${issue.path.map(String).join('][')}]` : 'payment';
		return nexError(400, issue?.code === 'invalid_type' && issue.path.length === 0 ? 'payment is invalid: must be an object' : `${field} is invalid: ${issue?.message ?? 'is invalid'}`);
	}
	const payment = read.data;
	const missing = (['patient_id', 'amount', 'transaction_id'] as const).filter((name) => payment[name] === undefined).map((name) => `payment[${name}] is missing`);
	if (missing.length > 0) return nexError(400, missing);
	const { patient_id: patientId, amount, transaction_id: transactionId } = payment as { patient_id: number; amount: number; transaction_id: string };
	if (amount === 0) return nexError(400, 'payment[amount] is invalid: must not be 0 (a payment is negative, a refund positive)');
	if (payment.currency !== undefined && payment.currency.toUpperCase() !== 'USD') return nexError(400, `payment[currency] is invalid: only USD is supported`);
	if (payment.payment_type_id === undefined && payment.type_name === undefined) return nexError(400, 'payment[payment_type_id], payment[type_name] are missing, at least one parameter must be provided');
	let paidAt = ctx.clock.today();
	if (payment.paid_at !== undefined) {
		const at = parseDateTime(payment.paid_at);
		if (!at) return nexError(400, 'payment[paid_at] is invalid: must be a date and time in ISO 8601, e.g. 2024-05-20T21:00:00+00:00');
		// The PMS keeps a date: the location's own, as its front desk would have written it.
		paidAt = /^\d{4}-\d{2}-\d{2}$/.test(payment.paid_at.trim()) ? payment.paid_at.trim() : todayIn(ctx.practice.timeZone, at);
	}

	const patient = (await ctx.sql.query<{ id: number; guarantor_id: number }>(`SELECT id, guarantor_id FROM nexhealth.patient WHERE id = $1 AND location_id = $2`, [patientId, locationId]))[0];
	if (!patient) return nexError(400, `Patient with ID ${patientId} not found in location ${locationId}`);
	const type =
		payment.payment_type_id !== undefined
			? (await ctx.sql.query<{ id: number }>(`SELECT id FROM nexhealth.payment_type WHERE id = $1 AND location_id = $2 AND active`, [payment.payment_type_id, locationId]))[0]
			: (await ctx.sql.query<{ id: number }>(`SELECT id FROM nexhealth.payment_type WHERE lower(name) = lower($1) AND location_id = $2 AND active ORDER BY id LIMIT 1`, [payment.type_name, locationId]))[0];
	if (!type) return nexError(400, payment.payment_type_id !== undefined ? `Payment Type with id ${payment.payment_type_id} not found in location ${locationId}` : `Payment Type with name ${JSON.stringify(payment.type_name)} not found in location ${locationId}`);

	const chargeSplits = payment.charge_splits ?? [];
	if (chargeSplits.length > 0) {
		const charges = await ctx.sql.query<{ id: number; guarantor_id: number }>(`SELECT id, guarantor_id FROM nexhealth.charge WHERE id = ANY($1::integer[]) AND location_id = $2 AND deleted_at IS NULL`, [chargeSplits.map(([id]) => id), locationId]);
		const found = new Map(charges.map((c) => [c.id, c]));
		for (const [chargeId, split] of chargeSplits) {
			const charge = found.get(chargeId);
			if (!charge) return nexError(400, `Charge with id ${chargeId} not found in location ${locationId}`);
			if (charge.guarantor_id !== patient.guarantor_id) return nexError(400, `Charge with id ${chargeId} is not on the account of patient ${patientId}`);
			if (split === 0 || Math.sign(split) !== Math.sign(amount)) return nexError(400, `payment[charge_splits] is invalid: the split for charge ${chargeId} (${centsToDecimal(split)}) must have the sign of the amount (${centsToDecimal(amount)}): negative for a payment, positive for a refund`);
		}
		const total = chargeSplits.reduce((sum, [, split]) => sum + split, 0);
		if (Math.abs(total) > Math.abs(amount)) return nexError(400, `payment[charge_splits] is invalid: the splits add up to ${centsToDecimal(total)}, more than the amount ${centsToDecimal(amount)}`);
	}
	const providerSplits = payment.provider_splits ?? [];
	if (providerSplits.length > 0) {
		const providers = await ctx.sql.query<{ id: number }>(`SELECT id FROM nexhealth.provider WHERE id = ANY($1::integer[]) AND location_id = $2`, [providerSplits.map(([id]) => id), locationId]);
		const known = new Set(providers.map((p) => p.id));
		const unknown = providerSplits.find(([id]) => !known.has(id));
		if (unknown) return nexError(400, `Provider with id ${unknown[0]} not found in location ${locationId}`);
	}

	const queued: QueuedPayment = {
		patientId,
		amountCents: amount,
		paymentTypeId: type.id,
		transactionId,
		paidAt,
		chargeSplits,
		providerIds: providerSplits.map(([id]) => id),
		notes: payment.notes ?? null,
		...(options.failInsertion ? { failInsertion: true } : {})
	};
	await ctx.queue.accept(locationId, queued);
	return nexAccepted();
}
