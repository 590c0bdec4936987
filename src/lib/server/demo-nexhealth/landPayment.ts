import type { SqlTx } from '../store/Sql';
import { foreignIdOf } from './seed/seedNexFamily';
import type { NexEmr } from './nexEmr';

/** A payment POST /payments accepted, as the queue keeps it until it lands. Cents, signed as NexHealth signs them. */
export type QueuedPayment = {
	patientId: number;
	amountCents: number;
	paymentTypeId: number;
	transactionId: string;
	/** The date the PMS records (YYYY-MM-DD). */
	paidAt: string;
	/** [charge id, cents], in the order sent. */
	chargeSplits: [number, number][];
	providerIds: number[];
	notes: string | null;
	/** A fault: the PMS refuses it, so it never lands (NexHealth's payment_insertion webhook would say "failed"). */
	failInsertion?: boolean;
};

/**
 * Writes an accepted payment into the ledger as the Synchronizer writes it into the PMS: one row per
 * charge split (with its charge, the charge's patient and provider) and one row without a charge for
 * what the splits leave over (the patient's own, to the one provider of `provider_splits`, else the
 * patient's provider) — so one request becomes several rows that share its transaction_id
 * (docs postpaymenttransactions: "A single post-payment call may generate multiple payment
 * transactions"). A refund (a positive amount) cannot be a payment in Dentrix: NexHealth writes it as
 * a debit adjustment there (docs payments, "Positive valued payments are debit adjustments"), in the
 * same rows. Returns the table and the ids of the rows it wrote.
 */
export async function landPayment(tx: SqlTx, emr: NexEmr, locationId: number, payment: QueuedPayment, now: Date): Promise<{ table: 'payment' | 'adjustment'; ids: number[] }> {
	const patient = (await tx.query<{ guarantor_id: number; provider_id: number | null }>(`SELECT guarantor_id, provider_id FROM nexhealth.patient WHERE id = $1`, [payment.patientId]))[0];
	if (!patient) throw new Error(`landPayment: patient ${payment.patientId} is gone`);
	const charges = new Map(
		(await tx.query<{ id: number; patient_id: number; provider_id: number | null }>(`SELECT id, patient_id, provider_id FROM nexhealth.charge WHERE id = ANY($1::integer[])`, [payment.chargeSplits.map(([id]) => id)])).map((c) => [c.id, c])
	);
	const remainder = payment.amountCents - payment.chargeSplits.reduce((sum, [, cents]) => sum + cents, 0);
	const rows: { patientId: number; providerId: number | null; chargeId: number | null; cents: number }[] = payment.chargeSplits.map(([chargeId, cents]) => {
		const charge = charges.get(chargeId);
		return { patientId: charge?.patient_id ?? payment.patientId, providerId: charge?.provider_id ?? patient.provider_id, chargeId, cents };
	});
	if (remainder !== 0) rows.push({ patientId: payment.patientId, providerId: payment.providerIds.length === 1 ? (payment.providerIds[0] ?? null) : patient.provider_id, chargeId: null, cents: remainder });

	const asAdjustment = emr === 'dentrix' && payment.amountCents > 0;
	const table = asAdjustment ? 'adjustment' : 'payment';
	let typeId = payment.paymentTypeId;
	let description = (await tx.query<{ name: string }>(`SELECT name FROM nexhealth.payment_type WHERE id = $1`, [typeId]))[0]?.name ?? 'Payment';
	if (asAdjustment) {
		const refund = (await tx.query<{ id: number; name: string }>(`SELECT id, name FROM nexhealth.adjustment_type WHERE location_id = $1 AND action = 'debit' AND active ORDER BY (name ILIKE '%refund%') DESC, id LIMIT 1`, [locationId]))[0];
		if (!refund) throw new Error('landPayment: no debit adjustment type for a refund');
		typeId = refund.id;
		description = refund.name;
	}
	const ids: number[] = [];
	for (const row of rows) {
		const inserted = await tx.query<{ id: number }>(
			`INSERT INTO nexhealth.${table} (location_id, patient_id, guarantor_id, provider_id, ${asAdjustment ? 'adjustment_type_id' : 'payment_type_id'}, amount_cents, ${asAdjustment ? 'adjusted_at' : 'paid_at'}, transaction_id, charge_id, description, notes, foreign_id, updated_at)
			 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'',$12) RETURNING id`,
			[locationId, row.patientId, patient.guarantor_id, row.providerId, typeId, row.cents, payment.paidAt, payment.transactionId, row.chargeId, description, payment.notes, now]
		);
		const id = inserted[0]?.id;
		if (id === undefined) throw new Error('landPayment: insert returned no id');
		await tx.query(`UPDATE nexhealth.${table} SET foreign_id = $2 WHERE id = $1`, [id, foreignIdOf(id)]);
		ids.push(id);
	}
	return { table, ids };
}
