import { centsToDecimal, dollarsTextToCents } from '../../opendental/odMoney';
import { CLAIMPROC_STATUS, enumName, GENDER, PAT_STATUS, POSITION, PROC_STATUS, PROCESS_STATUS } from '../../opendental/odEnums';
import { odBoolText, odDateTime } from './odResponse';

/**
 * Rows of the demo's tables → objects shaped as Open Dental's API returns them
 * (docs/opendental-api-reference.md): enums as text, booleans as "true"/"false", dates
 * "yyyy-MM-dd" with "0001-01-01" for none, and the documented money quirks (ProcFee and PayAmt as
 * strings, other amounts as numbers).
 */
type Row = Record<string, unknown>;

const num = (v: unknown) => Number(v ?? 0);
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const date = (v: unknown) => (v ? String(v).slice(0, 10) : '0001-01-01');
/** numeric(12,2) text → a JSON number with the same decimal digits. */
const money = (v: unknown) => (dollarsTextToCents(text(v) || '0') ?? 0) / 100;
const moneyText = (v: unknown) => centsToDecimal(dollarsTextToCents(text(v) || '0') ?? 0);

export function formatPatient(r: Row, provAbbr: (n: number) => string, clinicAbbr: (n: number) => string) {
	return {
		PatNum: num(r.PatNum),
		LName: text(r.LName),
		FName: text(r.FName),
		MiddleI: text(r.MiddleI),
		Preferred: text(r.Preferred),
		PatStatus: PAT_STATUS[num(r.PatStatus)] ?? 'Patient',
		Gender: GENDER[num(r.Gender)] ?? 'Unknown',
		Position: POSITION[num(r.Position)] ?? 'Single',
		Birthdate: date(r.Birthdate),
		Address: text(r.Address),
		City: text(r.City),
		State: text(r.State),
		Zip: text(r.Zip),
		WirelessPhone: text(r.WirelessPhone),
		Guarantor: num(r.Guarantor),
		Email: text(r.Email),
		PriProv: num(r.PriProv),
		priProvAbbr: provAbbr(num(r.PriProv)),
		SecProv: num(r.SecProv),
		ClinicNum: num(r.ClinicNum),
		clinicAbbr: clinicAbbr(num(r.ClinicNum)),
		DateTStamp: odDateTime(r.DateTStamp as Date)
	};
}

export function formatProvider(r: Row) {
	return {
		ProvNum: num(r.ProvNum),
		Abbr: text(r.Abbr),
		LName: text(r.LName),
		FName: text(r.FName),
		Suffix: text(r.Suffix),
		IsSecondary: odBoolText(Boolean(r.IsSecondary)),
		IsHidden: odBoolText(Boolean(r.IsHidden)),
		ProvStatus: ['Active', 'Inactive', 'Deleted'][num(r.ProvStatus)] ?? 'Active'
	};
}

export function formatClinic(r: Row) {
	return { ClinicNum: num(r.ClinicNum), Description: text(r.Description), Abbr: text(r.Abbr), IsHidden: odBoolText(Boolean(r.IsHidden)) };
}

export function formatDefinition(r: Row) {
	return {
		DefNum: num(r.DefNum),
		ItemName: text(r.ItemName),
		ItemValue: text(r.ItemValue),
		Category: num(r.Category),
		isHidden: odBoolText(Boolean(r.IsHidden))
	};
}

export function formatProcedure(r: Row) {
	return {
		ProcNum: num(r.ProcNum),
		PatNum: num(r.PatNum),
		AptNum: num(r.AptNum),
		ProcDate: date(r.ProcDate),
		ProcFee: moneyText(r.ProcFee),
		Surf: text(r.Surf),
		ToothNum: text(r.ToothNum),
		ToothRange: text(r.ToothRange),
		Priority: num(r.Priority),
		ProcStatus: String(enumName(PROC_STATUS, num(r.ProcStatus)) ?? 'C'),
		ProvNum: num(r.ProvNum),
		provAbbr: text(r.provAbbr),
		ClinicNum: num(r.ClinicNum),
		CodeNum: num(r.CodeNum),
		procCode: text(r.ProcCode),
		descript: text(r.Descript),
		UnitQty: num(r.UnitQty),
		BaseUnits: num(r.BaseUnits),
		Discount: money(r.Discount),
		DateTStamp: odDateTime(r.DateTStamp as Date)
	};
}

export function formatClaimProc(r: Row) {
	return {
		ClaimProcNum: num(r.ClaimProcNum),
		ProcNum: num(r.ProcNum),
		ClaimNum: num(r.ClaimNum),
		PatNum: num(r.PatNum),
		ProvNum: num(r.ProvNum),
		FeeBilled: money(r.FeeBilled),
		InsPayEst: money(r.InsPayEst),
		DedApplied: money(r.DedApplied),
		Status: String(enumName(CLAIMPROC_STATUS, num(r.Status)) ?? 'Estimate'),
		InsPayAmt: money(r.InsPayAmt),
		PlanNum: num(r.PlanNum),
		DateCP: date(r.DateCP),
		WriteOff: money(r.WriteOff),
		NoBillIns: odBoolText(Boolean(r.NoBillIns)),
		ProcDate: date(r.ProcDate),
		InsEstTotal: money(r.InsEstTotal),
		InsEstTotalOverride: money(r.InsEstTotalOverride),
		WriteOffEst: money(r.WriteOffEst),
		WriteOffEstOverride: money(r.WriteOffEstOverride),
		ClinicNum: num(r.ClinicNum),
		SecDateTEdit: odDateTime(r.SecDateTEdit as Date)
	};
}

export function formatAdjustment(r: Row) {
	return {
		AdjNum: num(r.AdjNum),
		AdjDate: date(r.AdjDate),
		AdjAmt: money(r.AdjAmt),
		PatNum: num(r.PatNum),
		AdjType: num(r.AdjType),
		adjType: text(r.adjType),
		ProvNum: num(r.ProvNum),
		AdjNote: text(r.AdjNote),
		ProcDate: date(r.ProcDate),
		ProcNum: num(r.ProcNum),
		DateEntry: date(r.DateEntry),
		ClinicNum: num(r.ClinicNum),
		SecDateTEdit: odDateTime(r.SecDateTEdit as Date)
	};
}

export function formatPayment(r: Row) {
	return {
		PayNum: num(r.PayNum),
		PayType: num(r.PayType),
		payType: text(r.payType),
		PayDate: date(r.PayDate),
		PayAmt: moneyText(r.PayAmt),
		CheckNum: text(r.CheckNum),
		BankBranch: text(r.BankBranch),
		PayNote: text(r.PayNote),
		PatNum: num(r.PatNum),
		ClinicNum: String(num(r.ClinicNum)),
		DateEntry: date(r.DateEntry),
		DepositNum: 0,
		Receipt: '',
		IsRecurringCC: 'false',
		SecDateTEdit: odDateTime(r.SecDateTEdit as Date),
		PaymentSource: text(r.PaymentSource) || 'None',
		ProcessStatus: PROCESS_STATUS[num(r.ProcessStatus)] ?? 'OfficeProcessed'
	};
}

export function formatPaySplit(r: Row) {
	return {
		SplitNum: num(r.SplitNum),
		SplitAmt: money(r.SplitAmt),
		PatNum: num(r.PatNum),
		PayNum: num(r.PayNum),
		ProvNum: num(r.ProvNum),
		PayPlanNum: num(r.PayPlanNum),
		DatePay: date(r.DatePay),
		ProcNum: num(r.ProcNum),
		DateEntry: date(r.DateEntry),
		UnearnedType: num(r.UnearnedType),
		unearnedType: text(r.unearnedType),
		ClinicNum: num(r.ClinicNum),
		SecDateTEdit: odDateTime(r.SecDateTEdit as Date),
		AdjNum: num(r.AdjNum),
		PayPlanChargeNum: 0,
		PayPlanDebitType: 'Unknown'
	};
}

export function formatCommlog(r: Row) {
	return {
		CommlogNum: num(r.CommlogNum),
		PatNum: num(r.PatNum),
		CommDateTime: odDateTime(r.CommDateTime as Date),
		CommType: String(num(r.CommType)),
		commType: text(r.commType),
		Note: text(r.Note),
		Mode_: ['None', 'Email', 'Mail', 'Phone', 'In Person', 'Text', 'Email and Text', 'Phone and Text', 'Fax'][num(r.Mode_)] ?? 'None',
		SentOrReceived: ['Neither', 'Sent', 'Received'][num(r.SentOrReceived)] ?? 'Neither',
		DateTStamp: odDateTime(r.DateTStamp as Date),
		CommSource: 'User'
	};
}
