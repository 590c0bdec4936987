import { DEF_CATEGORY } from '../../opendental/odEnums';
import type { RowBuffer } from './rowBuffer';

export type ProcedureKind = 'prev' | 'basic' | 'major';
export type ReferenceData = {
	providers: { DOC1: number; DOC2: number; DOC3: number; HYG1: number };
	clinics: number[];
	def: (name: string) => number;
	code: (procCode: string) => { num: number; fee: number; kind: ProcedureKind };
};

/**
 * The practice's fixed data: providers, clinics, definitions (payment, adjustment, unearned and
 * commlog types), the preferences that shape payments (shared/notes/opendental.md §1.0) and a fee
 * schedule of common procedure codes.
 */
export function seedReferenceData(buf: RowBuffer): ReferenceData {
	const provider = (Abbr: string, FName: string, LName: string, Suffix: string, IsSecondary: boolean, ItemOrder: number) => buf.add('provider', { Abbr, FName, LName, Suffix, IsSecondary, ItemOrder });
	const providers = {
		DOC1: provider('DOC1', 'Sarah', 'Chen', 'DDS', false, 0),
		DOC2: provider('DOC2', 'Daniel', 'Okafor', 'DMD', false, 1),
		DOC3: provider('DOC3', 'Lucia', 'Reyes', 'DDS', false, 2),
		HYG1: provider('HYG1', 'Jenna', 'Park', 'RDH', true, 3)
	};
	const clinics = [
		buf.add('clinic', { Abbr: 'MAIN', Description: 'Main Street Dental', DefaultProv: providers.DOC1, ItemOrder: 0 }),
		buf.add('clinic', { Abbr: 'LAKE', Description: 'Lakeside Dental', DefaultProv: providers.DOC2, ItemOrder: 1 })
	];
	const definitions: [number, string, string, boolean][] = [
		[DEF_CATEGORY.PaymentTypes, 'Check', '', false],
		[DEF_CATEGORY.PaymentTypes, 'Cash', '', false],
		[DEF_CATEGORY.PaymentTypes, 'Credit Card', '', false],
		[DEF_CATEGORY.PaymentTypes, 'Care Credit', '', false],
		[DEF_CATEGORY.PaymentTypes, 'Old Check (unused)', '', true],
		[DEF_CATEGORY.PaySplitUnearnedType, 'Prepayment', '', false],
		[DEF_CATEGORY.PaySplitUnearnedType, 'Treat Plan Prepayment', 'X', false],
		[DEF_CATEGORY.AdjTypes, 'Finance Charge', '+', false],
		[DEF_CATEGORY.AdjTypes, 'Broken Appointment', '+', false],
		[DEF_CATEGORY.AdjTypes, 'Senior Discount', '-', false],
		[DEF_CATEGORY.AdjTypes, 'Professional Courtesy', '-', false],
		[DEF_CATEGORY.CommLogTypes, 'Appointment Related', 'APPT', false],
		[DEF_CATEGORY.CommLogTypes, 'Financial', 'FIN', false],
		[DEF_CATEGORY.CommLogTypes, 'Misc', 'MISC', false]
	];
	const defNums = new Map<string, number>();
	definitions.forEach(([Category, ItemName, ItemValue, IsHidden], ItemOrder) => defNums.set(ItemName, buf.add('definition', { Category, ItemOrder, ItemName, ItemValue, IsHidden })));
	const def = (name: string) => {
		const found = defNums.get(name);
		if (found === undefined) throw new Error(`seed: no definition ${name}`);
		return found;
	};
	const preferences: [string, string][] = [
		['PrepaymentUnearnedType', String(def('Prepayment'))],
		['TpUnearnedType', String(def('Treat Plan Prepayment'))],
		['RigorousAccounting', '1'],
		['BalancesDontSubtractIns', '0'],
		['AdjustmentsOffsetEachOther', '1'],
		['EasyNoClinics', '0'],
		['PaymentClinicSetting', '1'],
		['ApiPaymentType', String(def('Cash'))],
		['AllowPrepayProvider', '0'],
		['PracticeTitle', 'Main Street & Lakeside Dental']
	];
	for (const [PrefName, ValueString] of preferences) buf.add('preference', { PrefName, ValueString });

	const codes: [string, string, string, number, ProcedureKind][] = [
		['D0120', 'periodic oral evaluation', 'PerEx', 6500, 'prev'],
		['D0150', 'comprehensive oral evaluation', 'CompEx', 9500, 'prev'],
		['D0210', 'intraoral - complete series of radiographic images', 'FMX', 14000, 'prev'],
		['D0274', 'bitewings - four radiographic images', '4BW', 7500, 'prev'],
		['D1110', 'prophylaxis - adult', 'Pro', 11000, 'prev'],
		['D1120', 'prophylaxis - child', 'ChPro', 8000, 'prev'],
		['D1208', 'topical application of fluoride', 'Flo', 4000, 'prev'],
		['D2140', 'amalgam - one surface, primary or permanent', 'A1', 15000, 'basic'],
		['D2330', 'resin-based composite - one surface, anterior', 'C1', 17500, 'basic'],
		['D2391', 'resin-based composite - one surface, posterior', 'CP1', 19500, 'basic'],
		['D2740', 'crown - porcelain/ceramic', 'PFZ', 125000, 'major'],
		['D2950', 'core buildup, including any pins when required', 'BU', 28500, 'major'],
		['D3330', 'endodontic therapy, molar tooth', 'RCTMol', 115000, 'major'],
		['D4341', 'periodontal scaling and root planing - four or more teeth per quadrant', 'SRP', 26000, 'basic'],
		['D7140', 'extraction, erupted tooth or exposed root', 'Ext', 21000, 'basic']
	];
	const codeNums = new Map<string, { num: number; fee: number; kind: ProcedureKind }>();
	for (const [ProcCode, Descript, AbbrDesc, fee, kind] of codes) codeNums.set(ProcCode, { num: buf.add('procedurecode', { ProcCode, Descript, AbbrDesc }), fee, kind });
	const code = (procCode: string) => {
		const found = codeNums.get(procCode);
		if (!found) throw new Error(`seed: no procedure code ${procCode}`);
		return found;
	};
	return { providers, clinics, def, code };
}
