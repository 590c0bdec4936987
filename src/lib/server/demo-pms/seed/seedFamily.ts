import { addDays } from '$lib/domain/dates/addDays';
import { centsToDecimal } from '../../opendental/odMoney';
import { CLAIMPROC_STATUS, PROC_STATUS } from '../../opendental/odEnums';
import type { Prng } from '$lib/domain/random/createPrng';
import type { FamilyPlan } from './familyPlans';
import type { RowBuffer } from './rowBuffer';
import type { ReferenceData } from './seedReferenceData';

type Charge = { procNum: number; patNum: number; provNum: number; clinic: number; date: string; daysAgo: number; patPortion: number; fee: number };
type Context = { buf: RowBuffer; rng: Prng; ref: ReferenceData; today: string };

/**
 * One family of the demo practice: its patients, two years of recall visits with treatment found
 * along the way (insurance estimates for recent work, payments and PPO write-offs for older work),
 * planned treatment, adjustments both ways, and prior payments — most split to procedures, some left
 * unallocated for Open Dental's implicit linking, some paid ahead as prepayment.
 */
export function seedFamily(ctx: Context, family: FamilyPlan): void {
	const { buf, rng, ref, today } = ctx;
	const { DOC1, DOC2, DOC3, HYG1 } = ref.providers;
	const day = (daysAgo: number) => addDays(today, -daysAgo);
	const clinic = rng.pick(ref.clinics);
	const insured = rng.chance(0.65);
	const writeOffRate = insured ? rng.pick([0.15, 0.2, 0.25]) : 0;
	const charges: Charge[] = [];
	const guarantor = buf.nextId('patient');
	for (const [index, member] of family.members.entries()) {
		const priProv = rng.pick([DOC1, DOC1, DOC2, DOC3]);
		const patNum = buf.add('patient', {
			LName: family.lastName,
			FName: member.firstName,
			Gender: member.gender,
			Position: index === 0 ? 1 : 0,
			Birthdate: addDays(today, -Math.round(member.age * 365.25) - rng.int(0, 300)),
			Guarantor: guarantor,
			PriProv: priProv,
			ClinicNum: clinic,
			City: family.city,
			State: 'OR',
			Zip: family.zip,
			WirelessPhone: `(503) 555-${String(rng.int(1000, 9999))}`,
			Email: `${member.firstName.toLowerCase()}.${family.lastName.toLowerCase().replace(/[^a-z]/g, '')}@example.com`
		});
		const proc = (code: string, provNum: number, daysAgo: number, status: number = PROC_STATUS.C) => insertProcedure(ctx, { code, patNum, provNum, clinic, date: day(daysAgo), daysAgo, status, insured, writeOffRate });

		// Recall visits every ~6 months; the last slot is a visit in the past ten days (some today):
		// the patients at the front desk now.
		const child = member.age < 14;
		const slots = [720, 550, 380, 210, 40, rng.chance(0.25) ? rng.int(0, 10) : -1];
		for (const [visit, slot] of slots.entries()) {
			if (slot < 0 || (visit < 5 && !rng.chance(0.8))) continue;
			const daysAgo = visit < 5 ? slot + rng.int(-20, 20) : slot;
			const recall = [visit === 0 ? 'D0150' : 'D0120', child ? 'D1120' : 'D1110'];
			if (visit % 2 === 0) recall.push('D0274');
			if (child) recall.push('D1208');
			for (const code of recall) charges.push(proc(code, code.startsWith('D1') ? HYG1 : priProv, daysAgo));
			if (!child && rng.chance(0.45)) charges.push(proc(rng.pick(['D2140', 'D2330', 'D2391', 'D2391', 'D4341', 'D7140']), priProv, Math.max(0, daysAgo - rng.int(7, 30))));
			if (!child && rng.chance(0.15)) {
				const treatDays = Math.max(0, daysAgo - rng.int(20, 60));
				for (const code of ['D2950', 'D2740']) charges.push(proc(code, priProv, treatDays));
			}
		}
		if (!child && rng.chance(0.3)) proc(rng.pick(['D2740', 'D3330', 'D2391']), priProv, 0, PROC_STATUS.TP);
	}
	seedAdjustmentsAndPayments(ctx, charges, guarantor, clinic);
}

function insertProcedure(ctx: Context, p: { code: string; patNum: number; provNum: number; clinic: number; date: string; daysAgo: number; status: number; insured: boolean; writeOffRate: number }): Charge {
	const { buf, rng, ref } = ctx;
	const code = ref.code(p.code);
	const fee = code.fee;
	const restorative = p.code.startsWith('D2') || p.code.startsWith('D3') || p.code === 'D7140';
	const procNum = buf.add('procedurelog', {
		PatNum: p.patNum,
		ProcDate: p.date,
		ProcFee: centsToDecimal(fee),
		ToothNum: restorative ? String(rng.pick([2, 3, 14, 15, 18, 19, 30, 31, 8, 9])) : '',
		Surf: p.code === 'D2391' || p.code === 'D2140' ? rng.pick(['O', 'M', 'D']) : p.code === 'D2330' ? 'F' : '',
		ProcStatus: p.status,
		ProvNum: p.provNum,
		ClinicNum: p.clinic,
		CodeNum: code.num,
		DateComplete: p.status === PROC_STATUS.C ? p.date : null
	});
	let patPortion = fee;
	if (p.insured) {
		const coverage = code.kind === 'prev' ? 1 : code.kind === 'basic' ? 0.8 : 0.5;
		const writeOff = Math.round(fee * p.writeOffRate);
		const allowed = fee - writeOff;
		const insPays = Math.round(allowed * coverage);
		patPortion = allowed - insPays;
		const common = { ProcNum: procNum, PatNum: p.patNum, ProvNum: p.provNum, ClinicNum: p.clinic, PlanNum: 1, FeeBilled: centsToDecimal(fee), InsPayEst: centsToDecimal(insPays), InsEstTotal: centsToDecimal(insPays), WriteOffEst: centsToDecimal(writeOff), ProcDate: p.date };
		if (p.status === PROC_STATUS.TP) buf.add('claimproc', { ...common, Status: CLAIMPROC_STATUS.Estimate });
		// The claim came back: insurance paid and the PPO write-off was taken.
		else if (p.daysAgo > 45) buf.add('claimproc', { ...common, ClaimNum: procNum, Status: CLAIMPROC_STATUS.Received, InsPayAmt: centsToDecimal(insPays), WriteOff: centsToDecimal(writeOff), DateCP: addDays(p.date, 21) });
		// Sent, not yet paid: an estimate of what insurance and the write-off will be.
		else buf.add('claimproc', { ...common, ClaimNum: procNum, Status: CLAIMPROC_STATUS.NotReceived });
	}
	return { procNum, patNum: p.patNum, provNum: p.provNum, clinic: p.clinic, date: p.date, daysAgo: p.daysAgo, patPortion, fee };
}

function seedAdjustmentsAndPayments(ctx: Context, charges: Charge[], guarantor: number, clinic: number): void {
	const { buf, rng, ref, today } = ctx;
	const { def } = ref;
	const owed = new Map(charges.map((c) => [c.procNum, c.patPortion]));
	const notAfterToday = (date: string) => (date > today ? today : date);
	const adjust = (date: string, amount: number, c: Charge, type: string, procNum: number, note: string) =>
		buf.add('adjustment', { AdjDate: date, AdjAmt: centsToDecimal(amount), PatNum: c.patNum, AdjType: def(type), ProvNum: c.provNum, AdjNote: note, ProcNum: procNum, ClinicNum: c.clinic, DateEntry: date, ProcDate: date });

	// Adjustments: a senior discount attached to a procedure, a courtesy credit, a broken-appointment fee, a finance charge.
	const big = charges.filter((c) => c.fee >= 17500);
	if (big.length > 0 && rng.chance(0.35)) {
		const c = rng.pick(big);
		const amount = -Math.round(c.patPortion * 0.1);
		if (amount < 0) {
			adjust(c.date, amount, c, 'Senior Discount', c.procNum, 'Senior discount 10%');
			owed.set(c.procNum, (owed.get(c.procNum) ?? 0) + amount);
		}
	}
	if (charges.length > 0 && rng.chance(0.3)) {
		const c = rng.pick(charges);
		adjust(notAfterToday(addDays(c.date, 1)), -2500, c, 'Professional Courtesy', 0, 'Courtesy: long wait');
	}
	if (charges.length > 0 && rng.chance(0.3)) {
		const c = rng.pick(charges);
		adjust(notAfterToday(addDays(c.date, 30)), 5000, c, 'Broken Appointment', 0, 'Missed appointment without notice');
	}
	if (charges.length > 0 && rng.chance(0.15)) {
		const c = rng.pick(charges);
		adjust(notAfterToday(addDays(c.date, 60)), 1250, c, 'Finance Charge', 0, 'Finance charge');
	}

	const payment = (date: string, type: string, amount: number, note = '') =>
		buf.add('payment', { PayType: def(type), PayDate: date, PayAmt: centsToDecimal(amount), PatNum: guarantor, ClinicNum: clinic, DateEntry: date, PayNote: note, CheckNum: type === 'Check' ? String(rng.int(1000, 9999)) : '' });
	const split = (payNum: number, date: string, amount: number, patNum: number, provNum: number, splitClinic: number, procNum = 0, unearnedType = 0) =>
		buf.add('paysplit', { SplitAmt: centsToDecimal(amount), PatNum: patNum, PayNum: payNum, ProvNum: provNum, ClinicNum: splitClinic, ProcNum: procNum, UnearnedType: unearnedType, DatePay: date, DateEntry: date });

	// Older visits: most paid in full at the visit, split to each procedure; recent ones wait for
	// the insurance answer, and their balance is what the front desk collects now.
	const payTypes = ['Check', 'Cash', 'Credit Card', 'Credit Card', 'Care Credit'];
	const byDate = new Map<string, Charge[]>();
	for (const c of charges) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
	for (const [date, visit] of [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
		if ((visit[0]?.daysAgo ?? 0) < 30) continue;
		const roll = rng.next();
		const first = visit[0];
		if (roll < 0.84) {
			const parts = visit.map((c) => ({ c, amount: owed.get(c.procNum) ?? 0 })).filter((s) => s.amount > 0);
			if (parts.length === 0) continue;
			const payNum = payment(date, rng.pick(payTypes), parts.reduce((sum, s) => sum + s.amount, 0));
			for (const { c, amount } of parts) split(payNum, date, amount, c.patNum, c.provNum, c.clinic, c.procNum);
		} else if (roll < 0.91 && first) {
			// A partial payment on the first procedure of the visit.
			const amount = Math.floor((owed.get(first.procNum) ?? 0) / 2);
			if (amount > 0) split(payment(date, rng.pick(payTypes), amount), date, amount, first.patNum, first.provNum, first.clinic, first.procNum);
		} else if (roll < 0.97 && first) {
			// Paid to the provider only, with no procedure: income the ledger must associate implicitly.
			const total = visit.reduce((sum, c) => sum + (owed.get(c.procNum) ?? 0), 0);
			if (total > 0) split(payment(date, rng.pick(payTypes), total), date, total, first.patNum, first.provNum, clinic);
		}
	}
	// Some families paid ahead for planned treatment: a prepayment with no provider.
	if (rng.chance(0.2)) {
		const amount = rng.pick([5000, 10000, 25000]);
		const date = addDays(today, -rng.int(5, 40));
		split(payment(date, 'Credit Card', amount, 'Prepayment toward treatment'), date, amount, guarantor, 0, clinic, 0, def('Prepayment'));
	}
}
