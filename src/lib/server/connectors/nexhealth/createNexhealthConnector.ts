import { z } from 'zod';
import type { Cents } from '$lib/domain/money/cents';
import type { FamilySnapshot, PmsConnector, PmsPayment, PmsResult, PmsSplit, PracticeSnapshot } from '../PmsConnector';
import { ledgerFromNexhealth, type NexFamilyRows } from './ledgerFromNexhealth';
import { createNexhealthClient, type NexhealthClientOptions } from './nexhealthClient';
import { paymentFromWire } from './nexMoney';
import { nexGuarantorId, toPatient } from './nexPatient';
import { nexPaymentBody } from './nexPaymentBody';
import { NEX_UNAPPLIED, nexPreferences } from './nexPreferences';
import { nexIdentity, nexWriteStatus, syncSourceFor } from './nexSyncStatus';
import { nexTransactionId } from './nexTransactionId';
import {
	nexAdjustmentSchema,
	nexChargeSchema,
	nexPatientDetailedSchema,
	nexPatientSchema,
	nexPaymentSchema,
	nexPaymentTypeSchema,
	nexProviderSchema,
	nexSyncStatusSchema,
	type NexPatient,
	type NexPayment,
	type NexProvider,
	type NexSyncStatus
} from './nexWire';

export type NexhealthConnectorOptions = Omit<NexhealthClientOptions, 'now' | 'sleep'> & {
	/** The practice's IANA zone (PRACTICE_TZ): a payment's `paid_at` is its payDate at noon there. */
	timeZone: string;
	now?: () => Date;
	sleep?: (ms: number) => Promise<void>;
};

/** Every row of a whole-location list: the ledger lists need a filter, and `updated_since` the epoch is all of them. */
const EVERYTHING = '1970-01-01T00:00:00Z';
const WHOLE = /^[1-9]\d{0,15}$/;
const NOT_WRITABLE = 'not writable through NexHealth: its API has no payment statuses and no patient notes';

/**
 * The NexHealth connector (DESIGN §7): Dentrix and Eaglesoft (and whatever else NexHealth's
 * Synchronizer serves) through NexHealth's v20240412 API. It reads the location's patients and
 * ledger, and writes a payment with `POST /payments` and Paysplit's own `charge_splits`; NexHealth
 * answers 202 and the PMS shows the rows on a later sync cycle, found by their `transaction_id`.
 * docs/nexhealth-connector.md tells the mapping and what is not faithful.
 */
export function createNexhealthConnector(options: NexhealthConnectorOptions): PmsConnector {
	const now = options.now ?? (() => new Date());
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const client = createNexhealthClient({ ...options, now, sleep });
	const location = { location_id: options.locationId };

	async function syncStatus(): Promise<PmsResult<NexSyncStatus>> {
		const statuses = await client.get('/sync_status', { 'location_ids[]': [options.locationId] }, z.array(nexSyncStatusSchema));
		if (!statuses.ok) return statuses;
		const source = syncSourceFor(statuses.value, options.locationId);
		if (!source) return { ok: false, failure: { kind: 'refused', message: `NexHealth reports no Synchronizer for location ${options.locationId} (NEXHEALTH_LOCATION_ID) of "${options.subdomain}" (NEXHEALTH_SUBDOMAIN)` } };
		return { ok: true, value: source };
	}

	/** The family's rows, read for one guarantor's account. */
	async function ledgerRows(query: Record<string, string | number>) {
		return Promise.all([
			client.list('/charges', { ...location, ...query, 'include[]': ['claim_payouts'] }, nexChargeSchema),
			client.list('/adjustments', { ...location, ...query }, nexAdjustmentSchema),
			client.list('/payments', { ...location, ...query }, nexPaymentSchema)
		]);
	}

	async function readPractice(): Promise<PmsResult<PracticeSnapshot>> {
		const [status, patients, providers, types] = await Promise.all([
			syncStatus(),
			// location_strict: patients of this location only, not every one the EHR's server holds
			// ("Patient with ID 123 not found in location 456": docs troubleshooting-payments).
			client.list('/patients', { ...location, location_strict: true }, nexPatientSchema),
			client.list('/providers', location, nexProviderSchema),
			client.list('/payment_types', location, nexPaymentTypeSchema)
		]);
		if (!status.ok) return status;
		if (!patients.ok) return patients;
		if (!providers.ok) return providers;
		if (!types.ok) return types;
		const [charges, adjustments, payments] = await ledgerRows({ updated_since: EVERYTHING });
		if (!charges.ok) return charges;
		if (!adjustments.ok) return adjustments;
		if (!payments.ok) return payments;

		const familyOf = new Map(patients.value.map((p) => [p.id, nexGuarantorId(p)]));
		const families = new Map<string, NexFamilyRows>();
		const rowsOf = (guarantor: string) => {
			let rows = families.get(guarantor);
			if (!rows) families.set(guarantor, (rows = { patients: [], charges: [], adjustments: [], payments: [] }));
			return rows;
		};
		for (const patient of patients.value) rowsOf(nexGuarantorId(patient)).patients.push(patient);
		const place = <K extends 'charges' | 'adjustments' | 'payments'>(key: K, list: NexFamilyRows[K]) => {
			for (const row of list) {
				const guarantor = row.patient_id == null ? undefined : familyOf.get(row.patient_id);
				if (guarantor !== undefined) (rowsOf(guarantor)[key] as (typeof row)[]).push(row);
			}
		};
		place('charges', charges.value);
		place('adjustments', adjustments.value);
		place('payments', payments.value);
		return {
			ok: true,
			value: {
				patients: patients.value.map(toPatient),
				families: [...families].map(([guarantorId, rows]) => ({ guarantorId, ledger: ledgerFromNexhealth(rows) })),
				providers: providers.value.filter((p) => !p.inactive).map(toProvider),
				clinics: [],
				paymentTypes: types.value.filter((t) => t.active !== false).map((t) => ({ id: String(t.id), name: t.name })),
				unearnedTypes: [{ ...NEX_UNAPPLIED }],
				preferences: nexPreferences(status.value.emr?.name.toLowerCase() ?? '')
			}
		};
	}

	/** A patient with its guarantor, provider and locations; null when NexHealth has no such patient. */
	async function readPatient(id: number | string, include: string[] = []): Promise<PmsResult<z.infer<typeof nexPatientDetailedSchema> | null>> {
		const read = await client.get(`/patients/${id}`, include.length > 0 ? { 'include[]': include } : {}, nexPatientDetailedSchema);
		if (!read.ok && read.failure.kind === 'refused' && read.failure.status === 404) return { ok: true, value: null };
		return read;
	}
	const atLocation = (p: NexPatient) => !p.location_ids || p.location_ids.length === 0 || p.location_ids.includes(options.locationId);

	/**
	 * One family: the guarantor with `include[]=children` (GET /patients has no guarantor filter), each
	 * member read for its own provider and locations, then the account's charges, adjustments and
	 * payments by `guarantor_id`.
	 */
	async function readFamily(guarantorId: string): Promise<PmsResult<FamilySnapshot | null>> {
		if (!WHOLE.test(guarantorId)) return { ok: true, value: null };
		const head = await readPatient(guarantorId, ['children']);
		if (!head.ok) return head;
		if (!head.value) return { ok: true, value: null };
		const children = await Promise.all((head.value.children ?? []).map((child) => readPatient(child.id)));
		const members: NexPatient[] = [];
		for (const child of [{ ok: true as const, value: head.value }, ...children]) {
			if (!child.ok) return child;
			if (child.value && nexGuarantorId(child.value) === guarantorId && atLocation(child.value)) members.push(child.value);
		}
		if (members.length === 0) return { ok: true, value: null };
		const [charges, adjustments, payments] = await ledgerRows({ guarantor_id: Number(guarantorId) });
		if (!charges.ok) return charges;
		if (!adjustments.ok) return adjustments;
		if (!payments.ok) return payments;
		const patients = members.sort((a, b) => a.id - b.id);
		return { ok: true, value: { patients: patients.map(toPatient), ledger: ledgerFromNexhealth({ patients, charges: charges.value, adjustments: adjustments.value, payments: payments.value }) } };
	}

	return {
		name: 'nexhealth',
		capabilities: { writableModes: ['allocate', 'post_only'], writebackStatuses: [], patientNotes: false, refunds: false, writes: 'async', rowsPerPayment: 'many', splitsBy: 'paysplit' },
		async identify() {
			const status = await syncStatus();
			return status.ok ? { ok: true, value: nexIdentity(status.value) } : status;
		},
		async writeStatus() {
			const status = await syncStatus();
			return status.ok ? { ok: true, value: nexWriteStatus(status.value, options.timeZone, now()) } : status;
		},
		readPractice,
		readFamily,
		async postPayment(request) {
			const body = nexPaymentBody(request, options.timeZone);
			if (!body.ok) return { ok: false, failure: { kind: 'refused', message: `Paysplit did not send payment ${request.paymentId} to NexHealth: ${body.error}` } };
			const sent = await client.post('/payments', location, body.value);
			return sent.ok ? { ok: true, value: { kind: 'submitted' } } : sent;
		},
		/**
		 * Every row the payment became, found by its transaction id alone, deleted ones too. Not also
		 * by `patient_id`: NexHealth writes a charge split's row under the charge's patient, who may be
		 * another member of the family than the payer.
		 */
		async findPayments({ paymentId }) {
			const rows = await client.list('/payments', { ...location, transaction_id: nexTransactionId(paymentId), include_deleted: true }, nexPaymentSchema);
			if (!rows.ok) return rows;
			return { ok: true, value: rows.value.sort((a, b) => a.id - b.id).map(toPmsPayment) };
		},
		/** A NexHealth payment row is one split: of its charge, or unapplied credit when it has none. */
		async readSplits(pmsPaymentId) {
			if (!WHOLE.test(pmsPaymentId)) return { ok: false, failure: { kind: 'refused', message: `${JSON.stringify(pmsPaymentId)} is not a NexHealth payment id` } };
			const row = await client.get(`/payments/${pmsPaymentId}`, {}, nexPaymentSchema);
			if (!row.ok) return row;
			const split: PmsSplit = {
				patientId: String(row.value.patient_id ?? ''),
				providerId: row.value.provider_id ? String(row.value.provider_id) : null,
				clinicId: null,
				amount: paymentFromWire(row.value.payment_amount) as Cents,
				...(row.value.charge_id ? { procedureId: String(row.value.charge_id) } : { unearnedType: NEX_UNAPPLIED.id })
			};
			return { ok: true, value: [split] };
		},
		setPaymentStatus: async () => ({ ok: false, failure: { kind: 'refused', message: `Payment statuses are ${NOT_WRITABLE}` } }),
		writePatientNote: async () => ({ ok: false, failure: { kind: 'refused', message: `Patient notes are ${NOT_WRITABLE}` } }),
		findPatientNotes: async () => ({ ok: false, failure: { kind: 'refused', message: `Patient notes are ${NOT_WRITABLE}` } })
	};
}

function toProvider(p: NexProvider) {
	const name = p.display_name || p.name || [p.first_name, p.last_name].filter(Boolean).join(' ') || `Provider ${p.id}`;
	const initials = [p.first_name, p.last_name].map((part) => part?.trim().charAt(0) ?? '').join('').toUpperCase();
	return { id: String(p.id), abbr: initials || String(p.id), name };
}

function toPmsPayment(p: NexPayment): PmsPayment {
	return {
		pmsPaymentId: String(p.id),
		patientId: String(p.patient_id ?? ''),
		amount: paymentFromWire(p.payment_amount) as Cents,
		payDate: p.paid_at ?? '',
		paymentTypeId: p.payment_type_id ? String(p.payment_type_id) : '',
		// NexHealth's payment has no notes field to read back; its description is what it shows.
		note: p.description ?? '',
		...(p.deleted_at ? { deleted: true } : {})
	};
}
