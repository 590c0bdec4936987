import { createRowBuffer } from '../../demo-pms/seed/rowBuffer';
import type { NexEmr } from '../nexEmr';

/** The fake's tables in the order their rows are inserted (foreign keys), with their primary keys. */
export const NEX_TABLES = [
	['institution', 'id'],
	['location', 'id'],
	['provider', 'id'],
	['patient', 'id'],
	['payment_type', 'id'],
	['adjustment_type', 'id'],
	['charge', 'id'],
	['claim_payout', 'id'],
	['adjustment', 'id'],
	['payment', 'id']
] as const;
export type NexTable = (typeof NEX_TABLES)[number][0];

/**
 * NexHealth ids are large and per resource; each table starts its own range here, so that a patient
 * id is never also a charge id and a connector that mixes them up finds nothing instead of the wrong row.
 */
const FIRST_IDS: Partial<Record<NexTable, number>> = { institution: 137, location: 4312, provider: 201, patient: 1001, payment_type: 11, adjustment_type: 31, charge: 50_001, claim_payout: 1, adjustment: 90_001, payment: 70_001 };

export const createNexRowBuffer = () => createRowBuffer<NexTable>('nexhealth', NEX_TABLES, FIRST_IDS);
export type NexRowBuffer = ReturnType<typeof createNexRowBuffer>;

export type ProcedureKind = 'prev' | 'basic' | 'major';
export type NexReference = {
	institution: { id: number; name: string; subdomain: string };
	locationId: number;
	providers: { DOC1: number; DOC2: number; DOC3: number; HYG1: number };
	/** Payment type ids by role. */
	paymentType: (role: PaymentRole) => number;
	adjustmentType: (role: AdjustmentRole) => number;
	fee: (code: string) => { fee: number; kind: ProcedureKind; name: string };
};
export type PaymentRole = 'cash' | 'check' | 'card' | 'debit' | 'carecredit' | 'ach' | 'insurance';
export type AdjustmentRole = 'courtesy' | 'senior' | 'writeOff' | 'finance' | 'missed' | 'refund' | 'smallBalance';

/** What differs between the two PMSs' practices: names and their own ids. */
const PRACTICE: Record<NexEmr, {
	institution: { name: string; subdomain: string };
	location: { name: string; street_address: string; city: string; zip_code: string; phone_number: string; email: string };
	providers: [key: keyof NexReference['providers'], first: string, last: string, suffix: string, foreignId: string, npi: string, specialty: string][];
	paymentTypes: [PaymentRole | null, string, boolean][];
	adjustmentTypes: [AdjustmentRole | null, string, 'credit' | 'debit', boolean][];
}> = {
	// Dentrix names its default payment types "… Payment - Thank You" (it prints them on statements),
	// and its adjustment types carry their sign: "(+)" debits, "(-)" credits.
	dentrix: {
		institution: { name: 'Riverside Family Dental', subdomain: 'riverside-family-dental-demo' },
		location: { name: 'Riverside Family Dental', street_address: '1420 SE Riverside Dr', city: 'Portland', zip_code: '97202', phone_number: '5035550142', email: 'frontdesk@riverside-dental.example' },
		providers: [
			['DOC1', 'Emily', 'Carter', 'DDS', 'DDS1', '1487659021', '1223G0001X'],
			['DOC2', 'Marcus', 'Webb', 'DMD', 'DDS2', '1326041187', '1223G0001X'],
			['DOC3', 'Priya', 'Raman', 'DDS', 'DDS3', '1902873364', '1223E0200X'],
			['HYG1', 'Hannah', 'Brooks', 'RDH', 'HYG1', '1578302946', '124Q00000X']
		],
		paymentTypes: [
			['cash', 'Cash Payment - Thank You', true],
			['check', 'Check Payment - Thank You', true],
			['card', 'Credit Card Payment - Thank You', true],
			['debit', 'Debit Card Payment - Thank You', true],
			['carecredit', 'CareCredit Payment - Thank You', true],
			['ach', 'Electronic Payment - Thank You', true],
			['insurance', 'Dental Insurance Check Payment', true],
			[null, 'Old Merchant Card Payment', false]
		],
		adjustmentTypes: [
			['courtesy', 'Courtesy Adjustment (-)', 'credit', true],
			['senior', 'Senior Citizen Discount (-)', 'credit', true],
			['writeOff', 'PPO Write-off (-)', 'credit', true],
			['smallBalance', 'Small Balance Write-off (-)', 'credit', true],
			['finance', 'Finance Charge (+)', 'debit', true],
			['missed', 'Missed Appointment Charge (+)', 'debit', true],
			['refund', 'Refund Adjustment (+)', 'debit', true],
			[null, 'Old Discount (-)', 'credit', false]
		]
	},
	eaglesoft: {
		institution: { name: 'Cedar Ridge Dental Group', subdomain: 'cedar-ridge-dental-demo' },
		location: { name: 'Cedar Ridge Dental Group', street_address: '8800 SW Cedar Hills Blvd', city: 'Beaverton', zip_code: '97005', phone_number: '5035550188', email: 'office@cedarridge-dental.example' },
		providers: [
			['DOC1', 'Thomas', 'Nguyen', 'DDS', 'TN', '1629384756', '1223G0001X'],
			['DOC2', 'Rachel', 'Goldberg', 'DMD', 'RG', '1093847561', '1223G0001X'],
			['DOC3', 'Samuel', 'Ortiz', 'DDS', 'SO', '1748392015', '1223P0221X'],
			['HYG1', 'Megan', 'Fletcher', 'RDH', 'MF', '1384759201', '124Q00000X']
		],
		paymentTypes: [
			['cash', 'Cash', true],
			['check', 'Check', true],
			['card', 'Visa/MasterCard', true],
			['debit', 'Debit Card', true],
			['carecredit', 'CareCredit', true],
			['ach', 'ACH/EFT', true],
			['insurance', 'Insurance Check', true],
			[null, 'Gift Certificate', false]
		],
		adjustmentTypes: [
			['courtesy', 'Professional Courtesy', 'credit', true],
			['senior', 'Senior Discount', 'credit', true],
			['writeOff', 'Insurance Write Off', 'credit', true],
			['smallBalance', 'Small Balance Write Off', 'credit', true],
			['finance', 'Finance Charge', 'debit', true],
			['missed', 'Broken Appointment', 'debit', true],
			['refund', 'Refund', 'debit', true],
			[null, 'Employee Discount (retired)', 'credit', false]
		]
	}
};

/** A fee schedule of common CDT codes: [code, name, fee in cents, coverage class]. */
const FEES: [string, string, number, ProcedureKind][] = [
	['D0120', 'Periodic oral evaluation', 6500, 'prev'],
	['D0150', 'Comprehensive oral evaluation', 9500, 'prev'],
	['D0274', 'Bitewings - four radiographic images', 7500, 'prev'],
	['D1110', 'Prophylaxis - adult', 11_000, 'prev'],
	['D1120', 'Prophylaxis - child', 8000, 'prev'],
	['D1208', 'Topical application of fluoride', 4000, 'prev'],
	['D2140', 'Amalgam - one surface', 15_000, 'basic'],
	['D2330', 'Resin-based composite - one surface, anterior', 17_500, 'basic'],
	['D2391', 'Resin-based composite - one surface, posterior', 19_500, 'basic'],
	['D2740', 'Crown - porcelain/ceramic', 125_000, 'major'],
	['D2950', 'Core buildup, including any pins', 28_500, 'major'],
	['D3330', 'Endodontic therapy, molar', 115_000, 'major'],
	['D4341', 'Periodontal scaling and root planing, four or more teeth per quadrant', 26_000, 'basic'],
	['D7140', 'Extraction, erupted tooth', 21_000, 'basic']
];

/** The practice's fixed data: its institution and one location, providers, payment and adjustment types. */
export function seedNexReference(buf: NexRowBuffer, emr: NexEmr, options: { timeZone: string; stamp: string }): NexReference {
	const practice = PRACTICE[emr];
	const { stamp } = options;
	const institutionId = buf.add('institution', { ...practice.institution, emr });
	const locationId = buf.add('location', { institution_id: institutionId, ...practice.location, state: 'OR', tz: options.timeZone, foreign_id: '1', created_at: stamp, updated_at: stamp });
	const providers = {} as NexReference['providers'];
	for (const [key, first, last, suffix, foreignId, npi, specialty] of practice.providers) {
		providers[key] = buf.add('provider', { location_id: locationId, first_name: first, last_name: last, suffix, email: `${first.toLowerCase()}.${last.toLowerCase()}@${practice.location.email.split('@')[1]}`, npi, specialty_code: specialty, foreign_id: foreignId, created_at: stamp, updated_at: stamp });
	}
	const paymentTypes = new Map<PaymentRole, number>();
	for (const [role, name, active] of practice.paymentTypes) {
		const id = buf.add('payment_type', { location_id: locationId, name, active, updated_at: stamp });
		if (role) paymentTypes.set(role, id);
	}
	const adjustmentTypes = new Map<AdjustmentRole, number>();
	for (const [role, name, action, active] of practice.adjustmentTypes) {
		const id = buf.add('adjustment_type', { location_id: locationId, name, action, active, updated_at: stamp });
		if (role) adjustmentTypes.set(role, id);
	}
	const fees = new Map(FEES.map(([code, name, fee, kind]) => [code, { fee, kind, name }]));
	return {
		institution: { id: institutionId, ...practice.institution },
		locationId,
		providers,
		paymentType: (role) => found(paymentTypes.get(role), `payment type ${role}`),
		adjustmentType: (role) => found(adjustmentTypes.get(role), `adjustment type ${role}`),
		fee: (code) => found(fees.get(code), `procedure code ${code}`)
	};
}

function found<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`seed: no ${what}`);
	return value;
}
