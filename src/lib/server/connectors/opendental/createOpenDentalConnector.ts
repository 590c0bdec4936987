import { z } from 'zod';
import type { Patient } from '$lib/domain/api/patientsFeed';
import type { Cents } from '$lib/domain/money/cents';
import { ledgerFromOpenDental } from '../../opendental/ledgerFromOpenDental';
import { centsToDecimal } from '../../opendental/odMoney';
import { odAllocationPreferences } from '../../opendental/odPreferences';
import { DEF_CATEGORY } from '../../opendental/odEnums';
import {
	odAdjustmentSchema,
	odClaimProcSchema,
	odClinicSchema,
	odCommlogSchema,
	odDefinitionSchema,
	odPatientSchema,
	odPaySplitSchema,
	odPaymentSchema,
	odPreferenceSchema,
	odProcedureSchema,
	odProviderSchema,
	type OdCommlog,
	type OdPayment,
	type OdPatient
} from '../../opendental/odWire';
import { paymentNote } from '$lib/domain/payment/paymentDescription';
import { paysplitReference } from '$lib/domain/payment/paysplitReference';
import type { FamilySnapshot, PmsConnector, PmsPatientNote, PmsPayment, PmsResult, PracticeSnapshot } from '../PmsConnector';
import { createOpenDentalClient, type OpenDentalClientOptions } from './openDentalClient';

/**
 * The Open Dental connector (DESIGN §7): reads patients, ledgers and preferences through Open
 * Dental's API and writes payments with `POST /payments`, letting Open Dental split them by its own
 * preferences (`isPrepayment` for "post payment only", `procNums` and `isPatientPreferred` for the
 * staff's choices).
 */
export function createOpenDentalConnector(options: OpenDentalClientOptions): PmsConnector {
	const client = createOpenDentalClient(options);

	/** Lists a resource for the whole practice; where Open Dental insists on PatNum, asks per patient. */
	async function listForPatients<T>(path: string, schema: z.ZodType<T>, patNums: number[]): Promise<PmsResult<T[]>> {
		const all = await client.listAll(path, schema);
		if (all.ok || all.failure.kind !== 'refused') return all;
		const rows: T[] = [];
		for (const patNum of patNums) {
			const page = await client.listAll(`${path}?PatNum=${patNum}`, schema);
			if (!page.ok) return page;
			rows.push(...page.value);
		}
		return { ok: true, value: rows };
	}

	async function readPractice(): Promise<PmsResult<PracticeSnapshot>> {
		const [providers, clinics, definitions, preferences, patientsAll] = await Promise.all([
			client.listAll('/providers', odProviderSchema),
			client.listAll('/clinics', odClinicSchema),
			client.listAll('/definitions?includeHidden=true', odDefinitionSchema),
			client.listAll('/preferences', odPreferenceSchema),
			client.listAll('/patients/Simple', odPatientSchema)
		]);
		if (!providers.ok) return providers;
		if (!clinics.ok) return clinics;
		if (!definitions.ok) return definitions;
		if (!preferences.ok) return preferences;
		if (!patientsAll.ok) return patientsAll;
		const patients = patientsAll.value.filter((p) => p.PatStatus !== 'Deleted');
		const patNums = patients.map((p) => p.PatNum);
		const [procedures, claimprocs, adjustments, paysplits] = await Promise.all([
			listForPatients('/procedurelogs', odProcedureSchema, patNums),
			listForPatients('/claimprocs', odClaimProcSchema, patNums),
			listForPatients('/adjustments', odAdjustmentSchema, patNums),
			listForPatients('/paysplits', odPaySplitSchema, patNums)
		]);
		if (!procedures.ok) return procedures;
		if (!claimprocs.ok) return claimprocs;
		if (!adjustments.ok) return adjustments;
		if (!paysplits.ok) return paysplits;

		const prefs = odAllocationPreferences(new Map(preferences.value.map((p) => [p.PrefName, p.ValueString])));
		const familyOf = new Map(patients.map((p) => [p.PatNum, p.Guarantor]));
		const group = <T extends { PatNum: number }>(rows: T[]) => {
			const byFamily = new Map<number, T[]>();
			for (const row of rows) {
				const family = familyOf.get(row.PatNum);
				if (family === undefined) continue;
				const list = byFamily.get(family);
				if (list) list.push(row);
				else byFamily.set(family, [row]);
			}
			return byFamily;
		};
		const members = group(patients);
		const procs = group(procedures.value);
		const claims = group(claimprocs.value);
		const adjs = group(adjustments.value);
		const splits = group(paysplits.value);
		const unearned = definitions.value.filter((d) => d.Category === DEF_CATEGORY.PaySplitUnearnedType);
		const families = [...members.entries()].map(([guarantor, familyPatients]) => ({
			guarantorId: String(guarantor),
			ledger: ledgerFromOpenDental({
				patients: familyPatients,
				procedures: procs.get(guarantor) ?? [],
				claimprocs: claims.get(guarantor) ?? [],
				adjustments: adjs.get(guarantor) ?? [],
				paysplits: splits.get(guarantor) ?? [],
				definitions: unearned
			})
		}));
		return {
			ok: true,
			value: {
				patients: patients.map(toPatient),
				families,
				providers: providers.value.filter((p) => !p.IsHidden).map((p) => ({ id: String(p.ProvNum), abbr: p.Abbr, name: [p.FName, p.LName].filter(Boolean).join(' ') + (p.Suffix ? `, ${p.Suffix}` : '') })),
				clinics: clinics.value.filter((c) => !c.IsHidden).map((c) => ({ id: String(c.ClinicNum), name: c.Description || c.Abbr })),
				paymentTypes: definitions.value.filter((d) => d.Category === DEF_CATEGORY.PaymentTypes && !d.isHidden).map((d) => ({ id: String(d.DefNum), name: d.ItemName })),
				unearnedTypes: unearned.map((d) => ({ id: String(d.DefNum), name: d.ItemName, hidden: d.ItemValue !== '' })),
				preferences: {
					prepaymentType: prefs.prepaymentType,
					subtractInsuranceEstimates: prefs.subtractInsuranceEstimates,
					adjustmentsOffsetEachOther: prefs.adjustmentsOffsetEachOther,
					clinicsEnabled: prefs.clinicsEnabled && clinics.value.length > 0,
					order: prefs.order
				}
			}
		};
	}

	async function readFamily(guarantorId: string): Promise<PmsResult<FamilySnapshot | null>> {
		const [members, unearned] = await Promise.all([
			client.listAll(`/patients/Simple?Guarantor=${encodeURIComponent(guarantorId)}`, odPatientSchema),
			client.listAll(`/definitions?Category=${DEF_CATEGORY.PaySplitUnearnedType}&includeHidden=true`, odDefinitionSchema)
		]);
		if (!members.ok) return members;
		if (!unearned.ok) return unearned;
		const patients = members.value.filter((p) => p.PatStatus !== 'Deleted' && String(p.Guarantor) === guarantorId);
		if (patients.length === 0) return { ok: true, value: null };
		const perPatient = async <T>(path: string, schema: z.ZodType<T>): Promise<PmsResult<T[]>> => {
			const rows: T[] = [];
			for (const patient of patients) {
				const page = await client.listAll(`${path}?PatNum=${patient.PatNum}`, schema);
				if (!page.ok) return page;
				rows.push(...page.value);
			}
			return { ok: true, value: rows };
		};
		const [procedures, claimprocs, adjustments, paysplits] = await Promise.all([
			perPatient('/procedurelogs', odProcedureSchema),
			perPatient('/claimprocs', odClaimProcSchema),
			perPatient('/adjustments', odAdjustmentSchema),
			perPatient('/paysplits', odPaySplitSchema)
		]);
		if (!procedures.ok) return procedures;
		if (!claimprocs.ok) return claimprocs;
		if (!adjustments.ok) return adjustments;
		if (!paysplits.ok) return paysplits;
		return {
			ok: true,
			value: {
				patients: patients.map(toPatient),
				ledger: ledgerFromOpenDental({ patients, procedures: procedures.value, claimprocs: claimprocs.value, adjustments: adjustments.value, paysplits: paysplits.value, definitions: unearned.value })
			}
		};
	}

	return {
		name: 'opendental',
		// ProcessStatus: Open Dental's API writes only these two (24.3.26+); "OfficeProcessed" is its default
		// (docs/opendental-api-reference.md, PUT /payments). providers_only is not writable through the API.
		capabilities: { writableModes: ['allocate', 'post_only'], writebackStatuses: OD_WRITEBACK_STATUSES, patientNotes: true, refunds: false, writes: 'sync', rowsPerPayment: 'one', splitsBy: 'pms' },
		// Open Dental's API has no separate write side to be down: a write that cannot be made fails as a call.
		identify: async () => ({ ok: true, value: { connector: 'opendental', emr: 'Open Dental' } }),
		writeStatus: async () => ({ ok: true, value: { writable: true } }),
		readPractice,
		readFamily,
		async postPayment(request) {
			const body: Record<string, unknown> = {
				PayAmt: centsToDecimal(request.amount),
				PatNum: Number(request.patientId),
				PayType: Number(request.paymentTypeId),
				PayDate: request.payDate,
				// The reference by which the payment is found again (DESIGN §3) leads the note staff read.
				PayNote: paymentNote(request.paymentId, request.description),
				...(request.checkNumber ? { CheckNum: request.checkNumber } : {}),
				...(request.clinicId ? { ClinicNum: Number(request.clinicId) } : {})
			};
			if (request.mode === 'post_only') body.isPrepayment = 'true';
			else {
				if (request.preferPatient) body.isPatientPreferred = 'true';
				if (request.payFirst && request.payFirst.length > 0) body.procNums = request.payFirst.map(Number);
			}
			// Older Open Dental versions answer 201 with no body: then the caller finds it by reference.
			const created = await client.call('POST', '/payments', odPaymentSchema.or(z.null()), body);
			if (!created.ok) return created;
			if (created.value === null) return { ok: false, failure: { kind: 'unknown', message: 'Open Dental answered 201 without the payment; read back by reference' } };
			return { ok: true, value: { kind: 'written', payments: [toPmsPayment(created.value)] } };
		},
		async findPayments({ paymentId, patientId }) {
			const reference = paysplitReference(paymentId);
			const payments = await client.listAll(`/payments?PatNum=${encodeURIComponent(patientId)}`, odPaymentSchema);
			if (!payments.ok) return payments;
			return { ok: true, value: payments.value.filter((p) => noteHasReference(p.PayNote, reference)).map(toPmsPayment) };
		},
		async setPaymentStatus(pmsPaymentId, statusId) {
			const updated = await client.call('PUT', `/payments/${encodeURIComponent(pmsPaymentId)}`, odPaymentSchema, { ProcessStatus: statusId });
			return updated.ok ? { ok: true, value: undefined } : updated;
		},
		async writePatientNote(patientId, text, at) {
			// A commlog of type Financial when the practice has one (Misc otherwise, Open Dental's default),
			// "Sent", mode None: the office did not phone anyone (shared/notes/opendental.md §3, Commlogs).
			const types = await client.listAll(`/definitions?Category=${DEF_CATEGORY.CommLogTypes}`, odDefinitionSchema);
			if (!types.ok) return types;
			const financial = types.value.find((d) => /financ/i.test(d.ItemName) || d.ItemValue === 'FIN');
			const body = { PatNum: Number(patientId), Note: text, CommDateTime: at, Mode_: 'None', SentOrReceived: 'Sent', ...(financial ? { CommType: financial.DefNum } : {}) };
			// Before 23.3.7 Open Dental answered 201 with no body: then the caller finds the note by reference.
			const created = await client.call('POST', '/commlogs', odCommlogSchema.or(z.null()), body);
			if (!created.ok) return created;
			if (created.value === null) return { ok: false, failure: { kind: 'unknown', message: 'Open Dental answered 201 without the commlog; read back by reference' } };
			return { ok: true, value: toPatientNote(created.value) };
		},
		async findPatientNotes(patientId, reference) {
			const notes = await client.listAll(`/commlogs?PatNum=${encodeURIComponent(patientId)}`, odCommlogSchema);
			if (!notes.ok) return notes;
			return { ok: true, value: notes.value.filter((n) => noteHasReference(n.Note, reference)).map(toPatientNote) };
		},
		async readSplits(pmsPaymentId) {
			const splits = await client.listAll(`/paysplits?PayNum=${encodeURIComponent(pmsPaymentId)}`, odPaySplitSchema);
			if (!splits.ok) return splits;
			return {
				ok: true,
				value: splits.value.map((s) => ({
					patientId: String(s.PatNum),
					providerId: s.ProvNum === 0 ? null : String(s.ProvNum),
					clinicId: s.ClinicNum === 0 ? null : String(s.ClinicNum),
					amount: s.SplitAmt as Cents,
					...(s.ProcNum !== 0 ? { procedureId: String(s.ProcNum) } : {}),
					...(s.AdjNum !== 0 ? { adjustmentId: String(s.AdjNum) } : {}),
					...(s.UnearnedType !== 0 ? { unearnedType: String(s.UnearnedType) } : {})
				}))
			};
		}
	};
}

/** The reference must stand alone in the note: "Paysplit <id>" followed by the end or a non-id character. */
function noteHasReference(note: string, reference: string): boolean {
	const at = note.indexOf(reference);
	if (at < 0) return false;
	const next = note.charAt(at + reference.length);
	return next === '' || !/[0-9a-zA-Z-]/.test(next);
}

function toPatient(p: OdPatient): Patient {
	return {
		id: String(p.PatNum),
		guarantorId: String(p.Guarantor),
		firstName: p.FName,
		lastName: p.LName,
		...(p.Birthdate ? { birthDate: p.Birthdate } : {}),
		...(p.ClinicNum !== 0 ? { clinicId: String(p.ClinicNum) } : {})
	};
}

/** Open Dental's ProcessStatus values the API can write (PUT /payments/{PayNum}). */
export const OD_WRITEBACK_STATUSES = [
	{ id: 'OnlineProcessed', name: 'Online processed' },
	{ id: 'OnlinePending', name: 'Online pending' }
];

function toPatientNote(c: OdCommlog): PmsPatientNote {
	return { id: String(c.CommlogNum), patientId: String(c.PatNum), text: c.Note, at: c.CommDateTime };
}

function toPmsPayment(p: OdPayment): PmsPayment {
	return { pmsPaymentId: String(p.PayNum), patientId: String(p.PatNum), amount: p.PayAmt as Cents, payDate: p.PayDate ?? '', paymentTypeId: String(p.PayType), note: p.PayNote };
}
