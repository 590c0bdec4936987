import { z } from 'zod';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import type { AllocationSplit } from '$lib/domain/allocation/allocationSplit';
import { plainText } from '$lib/domain/text/plainText';
import { centsToDecimal } from '../../opendental/odMoney';
import { DEF_CATEGORY } from '../../opendental/odEnums';
import { odAllocationPreferences } from '../../opendental/odPreferences';
import type { Sql, SqlTx } from '../../store/Sql';
import { readFamilyLedger } from '../readFamilyLedger';
import { odAmountField, odBoolField, odDateField, odKeyField, parseOdBody } from './odBody';
import { MAX_PROC_NUMS, TEXT_MAX } from './odBounds';
import { formatPayment } from './odFormat';
import { odError, odJson } from './odResponse';

/** Open Dental's fields for POST /payments (docs/opendental-api-reference.md §7); others are ignored. Bounds: odBounds. */
const bodySchema = z.looseObject({
	PayAmt: odAmountField.optional(),
	PatNum: odKeyField.optional(),
	PayType: odKeyField.optional(),
	PayDate: odDateField.optional(),
	CheckNum: plainText({ max: TEXT_MAX.CheckNum }).optional(),
	BankBranch: plainText({ max: TEXT_MAX.BankBranch }).optional(),
	PayNote: plainText({ max: TEXT_MAX.PayNote, lines: true }).optional(),
	ClinicNum: odKeyField.optional(),
	isPatientPreferred: odBoolField.optional(),
	isPrepayment: odBoolField.optional(),
	procNums: z.array(odKeyField, { error: 'must be a list of procedure numbers' }).max(MAX_PROC_NUMS, { message: `must list at most ${MAX_PROC_NUMS} procedures` }).optional()
});

export type DemoClock = { today: () => string; now: () => Date };

/**
 * POST /payments as Open Dental's API does it (`Payments.ProcessPaymentForWeb`): validates the
 * request, then splits the payment with the office's own preferences — here with Paysplit's
 * allocation engine, which reproduces `PaymentEdit.AutoSplitForPayment` — and saves payment and
 * splits in one transaction. Answers 201 with the payment (no splits), or Open Dental's refusals.
 */
export async function postPayment(sql: Sql, request: Request, clock: DemoClock): Promise<Response> {
	const body = await parseOdBody(request, bodySchema);
	if (body instanceof Response) return body;
	if (body.PayAmt === undefined) return odError(400, 'PayAmt is required.');
	if (body.PatNum === undefined) return odError(400, 'PatNum is required.');
	const amount = body.PayAmt;
	if (amount <= 0) return odError(400, 'PayAmt must be greater than 0. Use payments/Refund for refunds.');
	const payDate = body.PayDate ?? clock.today();
	if (payDate > clock.today()) return odError(400, 'PayDate cannot be in the future.');

	return sql.transaction(async (tx) => {
		const patient = (await tx.query(`SELECT * FROM opendental.patient WHERE "PatNum" = $1 AND "PatStatus" <> 4`, [body.PatNum]))[0];
		if (!patient) return odError(404, 'Patient not found.');
		const prefs = odAllocationPreferences(await preferenceMap(tx));
		const payType = body.PayType ?? Number(prefs.apiPaymentType ?? 0);
		const validType = await tx.query(`SELECT 1 FROM opendental.definition WHERE "DefNum" = $1 AND "Category" = $2 AND "IsHidden" = false`, [payType, DEF_CATEGORY.PaymentTypes]);
		if (validType.length === 0) return odError(400, 'PayType is invalid. It must be a payment type definition (category 10) that is not hidden.');
		let clinicNum = prefs.clinicsEnabled ? (body.ClinicNum ?? Number(patient.ClinicNum)) : 0;
		if (clinicNum !== 0) {
			const clinic = await tx.query(`SELECT 1 FROM opendental.clinic WHERE "ClinicNum" = $1`, [clinicNum]);
			if (clinic.length === 0) return odError(400, 'ClinicNum is invalid.');
		}
		if (!prefs.clinicsEnabled) clinicNum = 0;

		const guarantor = Number(patient.Guarantor);
		const ledger = await readFamilyLedger(tx, guarantor);
		const splits = splitPayment(body, { patNum: Number(patient.PatNum), priProv: Number(patient.PriProv), clinicNum, payDate, amount }, ledger, prefs);
		if (!splits.ok) return odError(400, splits.message);
		const total = splits.splits.reduce((sum, s) => sum + s.amount, 0);
		if (total !== amount) return odError(500, 'Payment splits do not add up to the payment amount.');

		const today = clock.today();
		const inserted = await tx.query(
			`INSERT INTO opendental.payment ("PayType","PayDate","PayAmt","CheckNum","BankBranch","PayNote","PatNum","ClinicNum","DateEntry","PaymentSource","SecDateTEdit")
			 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'API',$10) RETURNING "PayNum"`,
			[payType, payDate, centsToDecimal(amount), body.CheckNum ?? '', body.BankBranch ?? '', body.PayNote ?? '', body.PatNum, clinicNum, today, clock.now()]
		);
		const payNum = Number(inserted[0]?.PayNum);
		for (const split of splits.splits) {
			await tx.query(
				`INSERT INTO opendental.paysplit ("SplitAmt","PatNum","PayNum","ProvNum","ClinicNum","ProcNum","AdjNum","UnearnedType","DatePay","DateEntry","SecDateTEdit")
				 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
				[
					centsToDecimal(split.amount),
					Number(split.patientId),
					payNum,
					Number(split.providerId ?? 0),
					Number(split.clinicId ?? 0),
					Number(split.procedureId ?? 0),
					Number(split.adjustmentId ?? 0),
					Number(split.unearnedType ?? 0),
					payDate,
					today,
					clock.now()
				]
			);
		}
		const row = (await tx.query(`SELECT p.*, d."ItemName" AS "payType" FROM opendental.payment p LEFT JOIN opendental.definition d ON d."DefNum" = p."PayType" WHERE p."PayNum" = $1`, [payNum]))[0];
		return odJson(formatPayment(row ?? {}), 201);
	});
}

type NewPayment = { patNum: number; priProv: number; clinicNum: number; payDate: string; amount: number };

/**
 * The splits Open Dental's web path makes: none auto-split under RigorousAccounting "DontEnforce" (one
 * split to the patient's primary provider); one unearned split for `isPrepayment`; otherwise the
 * auto-split, with `procNums` paid first and `isPatientPreferred` as "prefer this patient".
 */
function splitPayment(body: z.infer<typeof bodySchema>, payment: NewPayment, ledger: Awaited<ReturnType<typeof readFamilyLedger>>, prefs: ReturnType<typeof odAllocationPreferences>): { ok: true; splits: AllocationSplit[] } | { ok: false; message: string } {
	const clinicId = payment.clinicNum === 0 ? null : String(payment.clinicNum);
	if (prefs.rigorousAccounting === 2 && !body.isPrepayment) {
		return { ok: true, splits: [{ patientId: String(payment.patNum), providerId: String(payment.priProv), clinicId, amount: payment.amount as AllocationSplit['amount'], reason: 'RigorousAccounting is DontEnforce: one split to the primary provider.' }] };
	}
	// Open Dental silently ignores procNums outside the family (docs/opendental-api-reference.md §7).
	const familyProcs = new Set(ledger.procedures.filter((p) => p.status === 'complete').map((p) => p.id));
	const payFirst = (body.procNums ?? []).map(String).filter((id) => familyProcs.has(id));
	const result = allocatePayment({
		payment: { patientId: String(payment.patNum), amount: payment.amount, payDate: payment.payDate, clinicId },
		mode: body.isPrepayment ? 'post_only' : 'allocate',
		options: {
			order: prefs.order,
			preferPatient: body.isPatientPreferred ?? false,
			payFirst,
			subtractInsuranceEstimates: prefs.subtractInsuranceEstimates,
			adjustmentsOffsetEachOther: prefs.adjustmentsOffsetEachOther,
			prepaymentType: prefs.prepaymentType,
			clinicsEnabled: prefs.clinicsEnabled
		},
		ledger
	});
	if (!result.ok) return { ok: false, message: `The payment could not be split: ${result.error.message}` };
	return { ok: true, splits: result.splits };
}

export async function preferenceMap(tx: SqlTx): Promise<Map<string, string>> {
	const rows = await tx.query<{ PrefName: string; ValueString: string }>(`SELECT "PrefName","ValueString" FROM opendental.preference`);
	return new Map(rows.map((r) => [r.PrefName, r.ValueString]));
}
