import { addDays } from '$lib/domain/dates/addDays';
import type { Prng } from '$lib/domain/random/createPrng';
import type { FamilyPlan } from '../../demo-pms/seed/familyPlans';
import type { NexEmr } from '../nexEmr';
import type { NexReference, NexRowBuffer, PaymentRole } from './nexReferenceData';

export type NexSeedContext = { buf: NexRowBuffer; rng: Prng; ref: NexReference; emr: NexEmr; today: string; stamp: (date: string) => string; nextClaim: () => number };
type Charge = { id: number; patientId: number; providerId: number; date: string; daysAgo: number; fee: number; patientPortion: number };

/** The PMS's own id for a row: related to NexHealth's but never equal to it (a connector must not mix them up). */
export const foreignIdOf = (id: number) => String(id * 3 + 17);

/**
 * One family of the practice, as NexHealth has synced it: the guarantor (the first member, their own
 * guarantor) and the rest; a year of recall visits with the treatment found along the way; a claim per
 * visit for insured families — paid, with its PPO write-off taken as a credit adjustment, when older
 * than six weeks, still estimated otherwise —; and what the family paid. A Dentrix practice
 * (balance-forward) mostly posts patient payments to the account, with no charge; an Eaglesoft one
 * (line-item) to each charge. Amounts are cents, signed as NexHealth signs them.
 */
export function seedNexFamily(ctx: NexSeedContext, family: FamilyPlan): { patients: number } {
	const { buf, rng, ref, today, stamp, emr } = ctx;
	const { DOC1, DOC2, DOC3, HYG1 } = ref.providers;
	const location_id = ref.locationId;
	const insured = rng.chance(0.65);
	const writeOffRate = insured ? rng.pick([0.15, 0.2, 0.25]) : 0;
	const guarantorId = buf.nextId('patient');
	const charges: Charge[] = [];
	for (const [index, member] of family.members.entries()) {
		const providerId = rng.pick([DOC1, DOC1, DOC2, DOC3]);
		const dob = addDays(today, -Math.round(member.age * 365.25) - rng.int(0, 300));
		const created = addDays(today, -rng.int(400, 2400));
		const edited = addDays(created, rng.int(0, 300));
		const patientId = buf.add('patient', {
			location_id,
			guarantor_id: guarantorId,
			provider_id: providerId,
			first_name: member.firstName,
			last_name: family.lastName,
			email: `${member.firstName.toLowerCase()}.${family.lastName.toLowerCase().replace(/[^a-z]/g, '')}@example.com`,
			phone_number: `503555${String(rng.int(1000, 9999))}`,
			date_of_birth: dob,
			gender: member.gender === 1 ? 'Female' : 'Male',
			street_address: `${rng.int(100, 9999)} ${rng.pick(['SE Oak St', 'NW Flanders St', 'SW Alder St', 'NE Sandy Blvd', 'SW Murray Blvd', 'Country Club Rd'])}`,
			city: family.city,
			state: 'OR',
			zip_code: family.zip,
			chart_id: emr === 'dentrix' ? `${family.lastName.replace(/[^A-Za-z]/g, '').slice(0, 2).toUpperCase()}${String(buf.nextId('patient') % 10_000).padStart(4, '0')}` : String(10_000 + (buf.nextId('patient') % 10_000)),
			billing_type: emr === 'dentrix' ? 'Standard Billing - finance charges' : 'Standard',
			foreign_id: foreignIdOf(buf.nextId('patient')),
			created_at: stamp(created),
			// A family member who moved away: inactive in the PMS, still on the account.
			inactive: index > 0 && rng.chance(0.04),
			updated_at: stamp(edited > today ? today : edited)
		});
		const child = member.age < 14;
		const charge = (code: string, provider: number, daysAgo: number) => charges.push(addCharge(ctx, { code, patientId, guarantorId, providerId: provider, daysAgo, insured, writeOffRate }));
		// Recall visits about every six months over the past year, and for a quarter of the patients a
		// visit in the last ten days (some today): the people at the front desk now.
		const slots = [rng.int(320, 360), rng.int(150, 200), rng.chance(0.3) ? rng.int(0, 10) : -1];
		for (const [visit, daysAgo] of slots.entries()) {
			if (daysAgo < 0 || (visit < 2 && !rng.chance(0.85))) continue;
			const recall = [visit === 0 ? 'D0150' : 'D0120', child ? 'D1120' : 'D1110'];
			if (visit !== 1) recall.push('D0274');
			if (child) recall.push('D1208');
			for (const code of recall) charge(code, code.startsWith('D1') ? HYG1 : providerId, daysAgo);
			if (!child && rng.chance(0.4)) charge(rng.pick(['D2140', 'D2330', 'D2391', 'D2391', 'D4341', 'D7140']), providerId, Math.max(0, daysAgo - rng.int(7, 30)));
			if (!child && rng.chance(0.12)) {
				const treatDays = Math.max(0, daysAgo - rng.int(20, 60));
				for (const code of ['D2950', 'D2740']) charge(code, providerId, treatDays);
			}
		}
	}
	seedPaymentsAndAdjustments(ctx, charges, guarantorId);
	return { patients: family.members.length };
}

function addCharge(ctx: NexSeedContext, c: { code: string; patientId: number; guarantorId: number; providerId: number; daysAgo: number; insured: boolean; writeOffRate: number }): Charge {
	const { buf, ref, today, stamp, emr } = ctx;
	const { fee, kind, name } = ref.fee(c.code);
	const date = addDays(today, -c.daysAgo);
	const id = buf.add('charge', {
		location_id: ref.locationId,
		patient_id: c.patientId,
		guarantor_id: c.guarantorId,
		provider_id: c.providerId,
		procedure_id: 610_000 + buf.nextId('charge') - 50_000,
		procedure_code: c.code,
		description: name,
		fee_cents: fee,
		charged_at: date,
		foreign_id: foreignIdOf(buf.nextId('charge')),
		updated_at: stamp(date)
	});
	let patientPortion = fee;
	if (c.insured) {
		const coverage = kind === 'prev' ? 1 : kind === 'basic' ? 0.8 : 0.5;
		const writeOff = Math.round(fee * c.writeOffRate);
		const allowed = fee - writeOff;
		const insurance = Math.round(allowed * coverage);
		patientPortion = allowed - insurance;
		const claimId = ctx.nextClaim();
		const insurancePlanId = 3100 + (c.guarantorId % 7);
		// The claim came back six weeks on: insurance paid what it estimated and the PPO write-off was taken.
		const received = c.daysAgo > 42;
		const receivedAt = received ? addDays(date, 21) : null;
		buf.add('claim_payout', { charge_id: id, claim_id: claimId, insurance_plan_id: insurancePlanId, status: received ? 'received' : 'sent', billed_cents: fee, allowed_cents: allowed, estimated_cents: insurance, paid_cents: received ? insurance : 0, write_off_cents: writeOff, sent_at: date, received_at: receivedAt, updated_at: stamp(receivedAt ?? date) });
		if (receivedAt) {
			const ledger = { location_id: ref.locationId, patient_id: c.patientId, guarantor_id: c.guarantorId, provider_id: c.providerId, claim_id: claimId, updated_at: stamp(receivedAt) };
			if (writeOff > 0) buf.add('adjustment', { ...ledger, adjustment_type_id: ref.adjustmentType('writeOff'), amount_cents: -writeOff, adjusted_at: receivedAt, charge_id: id, description: 'PPO write-off', foreign_id: foreignIdOf(buf.nextId('adjustment')) });
			// Eaglesoft posts an insurance payment to each line item; Dentrix to the claim.
			if (insurance > 0) buf.add('payment', { ...ledger, payment_type_id: ref.paymentType('insurance'), insurance_plan_id: insurancePlanId, amount_cents: -insurance, paid_at: receivedAt, charge_id: emr === 'eaglesoft' ? id : null, description: 'Insurance payment', foreign_id: foreignIdOf(buf.nextId('payment')) });
		}
	}
	return { id, patientId: c.patientId, providerId: c.providerId, date, daysAgo: c.daysAgo, fee, patientPortion };
}

function seedPaymentsAndAdjustments(ctx: NexSeedContext, charges: Charge[], guarantorId: number): void {
	const { buf, rng, ref, today, stamp, emr } = ctx;
	const owed = new Map(charges.map((c) => [c.id, c.patientPortion]));
	const notAfterToday = (date: string) => (date > today ? today : date);
	const ledger = (c: Charge, date: string) => ({ location_id: ref.locationId, patient_id: c.patientId, guarantor_id: guarantorId, provider_id: c.providerId, updated_at: stamp(date) });
	const adjust = (c: Charge, date: string, role: Parameters<NexReference['adjustmentType']>[0], amount: number, description: string, chargeId: number | null) =>
		buf.add('adjustment', { ...ledger(c, date), adjustment_type_id: ref.adjustmentType(role), amount_cents: amount, adjusted_at: date, charge_id: chargeId, description, foreign_id: foreignIdOf(buf.nextId('adjustment')) });
	const pay = (c: Charge, date: string, role: PaymentRole, amount: number, chargeId: number | null, extra: Record<string, unknown> = {}) =>
		buf.add('payment', { ...ledger(c, date), payment_type_id: ref.paymentType(role), amount_cents: -amount, paid_at: date, charge_id: chargeId, description: 'Patient payment', foreign_id: foreignIdOf(buf.nextId('payment')), ...extra });

	// Adjustments: a senior discount on a big charge, a courtesy credit, a missed-appointment fee, a finance charge.
	const big = charges.filter((c) => c.fee >= 17_500 && c.patientPortion > 0);
	if (big.length > 0 && rng.chance(0.3)) {
		const c = rng.pick(big);
		const amount = Math.round(c.patientPortion * 0.1);
		adjust(c, c.date, 'senior', -amount, 'Senior discount 10%', c.id);
		owed.set(c.id, (owed.get(c.id) ?? 0) - amount);
	}
	if (charges.length > 0 && rng.chance(0.25)) {
		const c = rng.pick(charges);
		adjust(c, notAfterToday(addDays(c.date, 1)), 'courtesy', -2500, 'Courtesy: long wait', null);
	}
	if (charges.length > 0 && rng.chance(0.25)) {
		const c = rng.pick(charges);
		adjust(c, notAfterToday(addDays(c.date, 30)), 'missed', 5000, 'Missed appointment without notice', null);
	}
	if (charges.length > 0 && rng.chance(0.12)) {
		const c = rng.pick(charges);
		adjust(c, notAfterToday(addDays(c.date, 60)), 'finance', 1250, 'Finance charge', null);
	}

	// Visits older than a month: most paid in full at the visit, some in part; recent ones wait for the
	// insurance answer, and their balance is what the front desk collects now.
	const roles: PaymentRole[] = ['check', 'cash', 'card', 'card', 'debit', 'carecredit', 'ach'];
	const byVisit = new Map<string, Charge[]>();
	for (const c of charges) byVisit.set(`${c.patientId} ${c.date}`, [...(byVisit.get(`${c.patientId} ${c.date}`) ?? []), c]);
	for (const visit of [...byVisit.values()].sort((a, b) => (a[0]?.date ?? '').localeCompare(b[0]?.date ?? ''))) {
		const first = visit[0];
		if (!first || first.daysAgo < 30) continue;
		const roll = rng.next();
		const role = rng.pick(roles);
		const open = visit.map((c) => ({ c, amount: owed.get(c.id) ?? 0 })).filter((s) => s.amount > 0);
		const total = open.reduce((sum, s) => sum + s.amount, 0);
		if (total === 0) continue;
		if (roll < 0.8) {
			// Eaglesoft distributes a payment to the line items it pays; Dentrix posts one to the account.
			if (emr === 'eaglesoft') for (const { c, amount } of open) pay(c, c.date, role, amount, c.id);
			else pay(first, first.date, role, total, null);
			// Entered twice by mistake and deleted in the PMS: seen only with include_deleted=true.
			if (rng.chance(0.04)) pay(first, first.date, role, total, null, { deleted_at: stamp(first.date) });
			for (const { c } of open) owed.set(c.id, 0);
		} else if (roll < 0.9) {
			const part = open[0];
			if (!part) continue;
			const amount = Math.floor(part.amount / 2);
			if (amount > 0) pay(part.c, part.c.date, role, amount, emr === 'eaglesoft' ? part.c.id : null);
		}
	}
	// Some families paid ahead of planned treatment: an unapplied credit (Eaglesoft's "unassigned credit").
	const someone = charges[0];
	if (someone && rng.chance(0.15)) pay(someone, addDays(today, -rng.int(5, 40)), 'card', rng.pick([5000, 10_000, 25_000]), null, { description: 'Prepayment toward treatment' });
}
