import type { SqlTx } from '../store/Sql';
import { centsToDecimal } from '../opendental/odMoney';
import { createPrng, type Prng } from './prng';
import { DEF_CATEGORY, CLAIMPROC_STATUS, PROC_STATUS } from '../opendental/odEnums';

/**
 * Seeds a believable practice: 4 providers, 2 clinics, 16 families with 42 patients, two years of
 * completed procedures with insurance estimates, payments and write-offs, adjustments both ways,
 * and prior payments, some split to procedures and some left as prepayment. Deterministic: the same
 * `today` gives the same practice, row for row.
 */
export async function seedDemoPractice(tx: SqlTx, today: string): Promise<void> {
	const rng = createPrng(20261123);
	const day = (daysAgo: number) => addDays(today, -daysAgo);

	// Providers (Open Dental: ProvNum, Abbr, hygienists are IsSecondary).
	const providers = [
		{ abbr: 'DOC1', lname: 'Chen', fname: 'Sarah', suffix: 'DDS', secondary: false },
		{ abbr: 'DOC2', lname: 'Okafor', fname: 'Daniel', suffix: 'DMD', secondary: false },
		{ abbr: 'DOC3', lname: 'Reyes', fname: 'Lucia', suffix: 'DDS', secondary: false },
		{ abbr: 'HYG1', lname: 'Park', fname: 'Jenna', suffix: 'RDH', secondary: true }
	];
	for (const [i, p] of providers.entries()) {
		await tx.query(
			`INSERT INTO opendental.provider ("Abbr","LName","FName","Suffix","IsSecondary","ItemOrder") VALUES ($1,$2,$3,$4,$5,$6)`,
			[p.abbr, p.lname, p.fname, p.suffix, p.secondary, i]
		);
	}
	const [DOC1, DOC2, DOC3, HYG1] = [1, 2, 3, 4];

	await tx.query(`INSERT INTO opendental.clinic ("Abbr","Description","DefaultProv","ItemOrder") VALUES ('MAIN','Main Street Dental',1,0),('LAKE','Lakeside Dental',2,1)`);
	const clinics = [1, 2];

	// Definitions. Order matters only for DefNums, which tests do not rely on.
	const defs: [number, string, string, boolean][] = [
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
	const defNum = new Map<string, number>();
	for (const [i, [category, name, value, hidden]] of defs.entries()) {
		const rows = await tx.query<{ DefNum: number }>(
			`INSERT INTO opendental.definition ("Category","ItemOrder","ItemName","ItemValue","IsHidden") VALUES ($1,$2,$3,$4,$5) RETURNING "DefNum"`,
			[category, i, name, value, hidden]
		);
		defNum.set(name, Number(rows[0]?.DefNum));
	}
	const def = (name: string) => {
		const found = defNum.get(name);
		if (found === undefined) throw new Error(`seed: no definition ${name}`);
		return found;
	};

	// Preferences that shape payments (shared/notes/opendental.md §1.0).
	const prefs: [string, string][] = [
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
	for (const [name, value] of prefs) {
		await tx.query(`INSERT INTO opendental.preference ("PrefName","ValueString") VALUES ($1,$2)`, [name, value]);
	}

	const codes: [string, string, string, number, 'prev' | 'basic' | 'major'][] = [
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
	const code = new Map<string, { num: number; fee: number; kind: 'prev' | 'basic' | 'major' }>();
	for (const [procCode, descript, abbr, fee, kind] of codes) {
		const rows = await tx.query<{ CodeNum: number }>(
			`INSERT INTO opendental.procedurecode ("ProcCode","Descript","AbbrDesc") VALUES ($1,$2,$3) RETURNING "CodeNum"`,
			[procCode, descript, abbr]
		);
		code.set(procCode, { num: Number(rows[0]?.CodeNum), fee, kind });
	}

	const families = buildFamilies(rng);
	const chargesByFamily: Charge[][] = [];
	for (const family of families) {
		const clinic = rng.pick(clinics);
		const insured = rng.chance(0.65);
		const writeOffRate = insured ? rng.pick([0.15, 0.2, 0.25]) : 0;
		const familyCharges: Charge[] = [];
		let guarantorNum = 0;
		for (const [index, member] of family.members.entries()) {
			const priProv = rng.pick([DOC1, DOC1, DOC2, DOC3]);
			const rows = await tx.query<{ PatNum: number }>(
				`INSERT INTO opendental.patient ("LName","FName","Gender","Position","Birthdate","Guarantor","PriProv","ClinicNum","City","State","Zip","WirelessPhone","Email")
				 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING "PatNum"`,
				[
					family.lastName,
					member.firstName,
					member.gender,
					index === 0 ? 1 : 0,
					addDays(today, -Math.round(member.age * 365.25) - rng.int(0, 300)),
					guarantorNum,
					priProv,
					clinic,
					family.city,
					'OR',
					family.zip,
					`(503) 555-${String(rng.int(1000, 9999))}`,
					`${member.firstName.toLowerCase()}.${family.lastName.toLowerCase().replace(/[^a-z]/g, '')}@example.com`
				]
			);
			const patNum = Number(rows[0]?.PatNum);
			if (index === 0) guarantorNum = patNum;
			await tx.query(`UPDATE opendental.patient SET "Guarantor"=$1 WHERE "PatNum"=$2`, [guarantorNum, patNum]);

			// Recall visits every ~6 months over two years, with treatment found along the way.
			const child = member.age < 14;
			// The last slot is a visit in the past ten days (some today): the patients at the front desk now.
			const slots = [720, 550, 380, 210, 40, rng.chance(0.25) ? rng.int(0, 10) : -1];
			for (const [visit, slot] of slots.entries()) {
				if (slot < 0 || (visit < 5 && !rng.chance(0.8))) continue;
				const daysAgo = visit < 5 ? slot + rng.int(-20, 20) : slot;
				const date = day(daysAgo);
				const recall = [visit === 0 ? 'D0150' : 'D0120', child ? 'D1120' : 'D1110'];
				if (visit % 2 === 0) recall.push('D0274');
				if (child) recall.push('D1208');
				for (const c of recall) {
					familyCharges.push(await insertProc(tx, rng, code, c, patNum, c.startsWith('D1') ? HYG1 : priProv, clinic, date, PROC_STATUS.C, insured, writeOffRate, daysAgo));
				}
				if (!child && rng.chance(0.45)) {
					const c = rng.pick(['D2140', 'D2330', 'D2391', 'D2391', 'D4341', 'D7140']);
					const treatDays = Math.max(0, daysAgo - rng.int(7, 30));
					familyCharges.push(await insertProc(tx, rng, code, c, patNum, priProv, clinic, day(treatDays), PROC_STATUS.C, insured, writeOffRate, treatDays));
				}
				if (!child && rng.chance(0.15)) {
					const treatDays = Math.max(0, daysAgo - rng.int(20, 60));
					for (const c of ['D2950', 'D2740']) {
						familyCharges.push(await insertProc(tx, rng, code, c, patNum, priProv, clinic, day(treatDays), PROC_STATUS.C, insured, writeOffRate, treatDays));
					}
				}
			}
			// Planned treatment, not yet done.
			if (!child && rng.chance(0.3)) {
				await insertProc(tx, rng, code, rng.pick(['D2740', 'D3330', 'D2391']), patNum, priProv, clinic, today, PROC_STATUS.TP, insured, writeOffRate, 0);
			}
		}
		chargesByFamily.push(familyCharges);
		await seedAdjustmentsAndPayments(tx, rng, familyCharges, guarantorNum, clinic, def, day);
	}
}

type Charge = { procNum: number; patNum: number; provNum: number; clinic: number; date: string; daysAgo: number; patPortion: number; fee: number };

async function insertProc(
	tx: SqlTx,
	rng: Prng,
	codes: Map<string, { num: number; fee: number; kind: 'prev' | 'basic' | 'major' }>,
	procCode: string,
	patNum: number,
	provNum: number,
	clinic: number,
	date: string,
	status: number,
	insured: boolean,
	writeOffRate: number,
	daysAgo: number
): Promise<Charge> {
	const c = codes.get(procCode);
	if (!c) throw new Error(`seed: no code ${procCode}`);
	const fee = c.fee;
	const tooth = procCode.startsWith('D2') || procCode.startsWith('D3') || procCode === 'D7140' ? String(rng.pick([2, 3, 14, 15, 18, 19, 30, 31, 8, 9])) : '';
	const rows = await tx.query<{ ProcNum: number }>(
		`INSERT INTO opendental.procedurelog ("PatNum","ProcDate","ProcFee","ToothNum","Surf","ProcStatus","ProvNum","ClinicNum","CodeNum","DateComplete")
		 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING "ProcNum"`,
		[patNum, date, centsToDecimal(fee), tooth, procCode === 'D2391' || procCode === 'D2140' ? rng.pick(['O', 'M', 'D']) : procCode === 'D2330' ? 'F' : '', status, provNum, clinic, c.num, status === PROC_STATUS.C ? date : null]
	);
	const procNum = Number(rows[0]?.ProcNum);
	let patPortion = fee;
	if (insured) {
		const coverage = c.kind === 'prev' ? 1 : c.kind === 'basic' ? 0.8 : 0.5;
		const writeOff = Math.round(fee * writeOffRate);
		const allowed = fee - writeOff;
		const insPays = Math.round(allowed * coverage);
		patPortion = allowed - insPays;
		if (status === PROC_STATUS.TP) {
			await tx.query(
				`INSERT INTO opendental.claimproc ("ProcNum","PatNum","ProvNum","ClinicNum","PlanNum","Status","FeeBilled","InsPayEst","InsEstTotal","WriteOffEst","ProcDate")
				 VALUES ($1,$2,$3,$4,1,$5,$6,$7,$7,$8,$9)`,
				[procNum, patNum, provNum, clinic, CLAIMPROC_STATUS.Estimate, centsToDecimal(fee), centsToDecimal(insPays), centsToDecimal(writeOff), date]
			);
		} else if (daysAgo > 45) {
			// The claim came back: insurance paid and the PPO write-off was taken.
			await tx.query(
				`INSERT INTO opendental.claimproc ("ProcNum","ClaimNum","PatNum","ProvNum","ClinicNum","PlanNum","Status","FeeBilled","InsPayEst","InsEstTotal","InsPayAmt","WriteOff","WriteOffEst","ProcDate","DateCP")
				 VALUES ($1,$2,$3,$4,$5,1,$6,$7,$8,$8,$8,$9,$9,$10,$11)`,
				[procNum, procNum, patNum, provNum, clinic, CLAIMPROC_STATUS.Received, centsToDecimal(fee), centsToDecimal(insPays), centsToDecimal(writeOff), date, addDays(date, 21)]
			);
		} else {
			// Sent, not yet paid: an estimate of what insurance and the write-off will be.
			await tx.query(
				`INSERT INTO opendental.claimproc ("ProcNum","ClaimNum","PatNum","ProvNum","ClinicNum","PlanNum","Status","FeeBilled","InsPayEst","InsEstTotal","WriteOffEst","ProcDate")
				 VALUES ($1,$2,$3,$4,$5,1,$6,$7,$8,$8,$9,$10)`,
				[procNum, procNum, patNum, provNum, clinic, CLAIMPROC_STATUS.NotReceived, centsToDecimal(fee), centsToDecimal(insPays), centsToDecimal(writeOff), date]
			);
		}
	}
	return { procNum, patNum, provNum, clinic, date, daysAgo, patPortion, fee };
}

async function seedAdjustmentsAndPayments(
	tx: SqlTx,
	rng: Prng,
	charges: Charge[],
	guarantor: number,
	clinic: number,
	def: (name: string) => number,
	day: (daysAgo: number) => string
): Promise<void> {
	const owed = new Map(charges.map((c) => [c.procNum, c.patPortion]));
	const notAfterToday = (date: string) => (date > day(0) ? day(0) : date);
	// Adjustments: a senior discount attached to a procedure, a courtesy credit, a broken-appointment fee.
	const big = charges.filter((c) => c.fee >= 17500);
	if (big.length > 0 && rng.chance(0.35)) {
		const c = rng.pick(big);
		const amount = -Math.round(c.patPortion * 0.1);
		if (amount < 0) {
			await insertAdjustment(tx, c.date, amount, c.patNum, def('Senior Discount'), c.provNum, c.clinic, c.procNum, 'Senior discount 10%');
			owed.set(c.procNum, (owed.get(c.procNum) ?? 0) + amount);
		}
	}
	if (charges.length > 0 && rng.chance(0.3)) {
		const c = rng.pick(charges);
		await insertAdjustment(tx, notAfterToday(addDays(c.date, 1)), -2500, c.patNum, def('Professional Courtesy'), c.provNum, c.clinic, 0, 'Courtesy: long wait');
	}
	if (charges.length > 0 && rng.chance(0.3)) {
		const c = rng.pick(charges);
		await insertAdjustment(tx, notAfterToday(addDays(c.date, 30)), 5000, c.patNum, def('Broken Appointment'), c.provNum, c.clinic, 0, 'Missed appointment without notice');
	}
	if (charges.length > 0 && rng.chance(0.15)) {
		const c = rng.pick(charges);
		await insertAdjustment(tx, notAfterToday(addDays(c.date, 60)), 1250, c.patNum, def('Finance Charge'), c.provNum, c.clinic, 0, 'Finance charge');
	}

	// Payments for older visits: most paid in full at the visit, split to each procedure.
	const payTypes = ['Check', 'Cash', 'Credit Card', 'Credit Card', 'Care Credit'];
	const byDate = new Map<string, Charge[]>();
	for (const c of charges) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
	for (const [date, visit] of [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const daysAgo = visit[0]?.daysAgo ?? 0;
		// Recent visits wait for the insurance answer: their balance is what the front desk collects now.
		if (daysAgo < 30) continue;
		const roll = rng.next();
		if (roll < 0.84) {
			await insertPayment(tx, guarantor, date, rng.pick(payTypes), clinic, def, visit.map((c) => ({ c, amount: owed.get(c.procNum) ?? 0 })).filter((s) => s.amount > 0));
		} else if (roll < 0.91) {
			// A partial payment on the first procedure of the visit.
			const c = visit[0];
			const amount = c ? Math.floor((owed.get(c.procNum) ?? 0) / 2) : 0;
			if (c && amount > 0) await insertPayment(tx, guarantor, date, rng.pick(payTypes), clinic, def, [{ c, amount }]);
		} else if (roll < 0.97) {
			// Paid without being allocated: income the ledger must associate implicitly.
			const total = visit.reduce((sum, c) => sum + (owed.get(c.procNum) ?? 0), 0);
			if (total > 0) await insertUnallocatedPayment(tx, guarantor, visit[0]?.patNum ?? guarantor, date, total, rng.pick(payTypes), clinic, visit[0]?.provNum ?? 0, def);
		}
	}
	// Some families paid ahead for planned treatment: a prepayment with no provider.
	if (rng.chance(0.2)) {
		const amount = rng.pick([5000, 10000, 25000]);
		const payNum = await insertPaymentRow(tx, guarantor, day(rng.int(5, 40)), def('Credit Card'), amount, clinic, 'Prepayment toward treatment');
		await tx.query(
			`INSERT INTO opendental.paysplit ("SplitAmt","PatNum","PayNum","ProvNum","ClinicNum","UnearnedType","DatePay","DateEntry") VALUES ($1,$2,$3,0,$4,$5,$6,$6)`,
			[centsToDecimal(amount), guarantor, payNum, clinic, def('Prepayment'), day(rng.int(5, 40))]
		);
	}
}

async function insertAdjustment(tx: SqlTx, date: string, amount: number, patNum: number, type: number, provNum: number, clinic: number, procNum: number, note: string) {
	await tx.query(
		`INSERT INTO opendental.adjustment ("AdjDate","AdjAmt","PatNum","AdjType","ProvNum","AdjNote","ProcNum","ClinicNum","DateEntry","ProcDate") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$1,$1)`,
		[date, centsToDecimal(amount), patNum, type, provNum, note, procNum, clinic]
	);
}

async function insertPaymentRow(tx: SqlTx, patNum: number, date: string, payType: number, amount: number, clinic: number, note: string): Promise<number> {
	const rows = await tx.query<{ PayNum: number }>(
		`INSERT INTO opendental.payment ("PayType","PayDate","PayAmt","PatNum","ClinicNum","DateEntry","PayNote","CheckNum") VALUES ($1,$2,$3,$4,$5,$2,$6,'') RETURNING "PayNum"`,
		[payType, date, centsToDecimal(amount), patNum, clinic, note]
	);
	return Number(rows[0]?.PayNum);
}

async function insertPayment(tx: SqlTx, guarantor: number, date: string, payTypeName: string, clinic: number, def: (name: string) => number, splits: { c: Charge; amount: number }[]) {
	if (splits.length === 0) return;
	const total = splits.reduce((sum, s) => sum + s.amount, 0);
	const payNum = await insertPaymentRow(tx, guarantor, date, def(payTypeName), total, clinic, '');
	for (const { c, amount } of splits) {
		await tx.query(
			`INSERT INTO opendental.paysplit ("SplitAmt","PatNum","PayNum","ProvNum","ClinicNum","ProcNum","DatePay","DateEntry") VALUES ($1,$2,$3,$4,$5,$6,$7,$7)`,
			[centsToDecimal(amount), c.patNum, payNum, c.provNum, c.clinic, c.procNum, date]
		);
	}
}

async function insertUnallocatedPayment(tx: SqlTx, guarantor: number, patNum: number, date: string, amount: number, payTypeName: string, clinic: number, provNum: number, def: (name: string) => number) {
	const payNum = await insertPaymentRow(tx, guarantor, date, def(payTypeName), amount, clinic, '');
	// Split to the provider only, with no procedure: Open Dental's old "providers only" habit.
	await tx.query(
		`INSERT INTO opendental.paysplit ("SplitAmt","PatNum","PayNum","ProvNum","ClinicNum","DatePay","DateEntry") VALUES ($1,$2,$3,$4,$5,$6,$6)`,
		[centsToDecimal(amount), patNum, payNum, provNum, clinic, date]
	);
}

type Member = { firstName: string; age: number; gender: number };
type FamilyPlan = { lastName: string; city: string; zip: string; members: Member[] };

function buildFamilies(rng: Prng): FamilyPlan[] {
	const names = ['Alvarez', 'Bennett', 'Chowdhury', 'Dubois', 'Eriksen', 'Fitzgerald', 'Gallagher', 'Hernandez', 'Ishikawa', 'Johansson', 'Kowalski', "O'Brien", 'Nakamura', 'Patel', 'Quinn', 'Rossi'];
	const adults = [['Maria', 1], ['James', 0], ['Aisha', 1], ['Robert', 0], ['Linnea', 1], ['Thomas', 0], ['Grace', 1], ['Miguel', 0], ['Yuki', 1], ['Erik', 0], ['Anna', 1], ['Patrick', 0], ['Hana', 1], ['Ravi', 0], ['Siobhan', 1], ['Marco', 0]] as const;
	const partners = ['David', 'Emily', 'Omar', 'Claire', 'Nils', 'Helen', 'Sean', 'Lucia', 'Kenji', 'Ingrid', 'Piotr', 'Maeve', 'Sora', 'Priya', 'Liam', 'Giulia'];
	const kids = ['Sofia', 'Noah', 'Zara', 'Leo', 'Freya', 'Owen', 'Ella', 'Mateo', 'Ren', 'Astrid', 'Zofia', 'Finn', 'Mio', 'Arjun', 'Nora', 'Luca'];
	const cities: [string, string][] = [['Portland', '97201'], ['Beaverton', '97005'], ['Lake Oswego', '97034'], ['Tigard', '97223']];
	const sizes = [4, 3, 1, 2, 4, 2, 3, 1, 3, 2, 4, 3, 2, 1, 4, 3]; // 42 patients
	return names.map((lastName, i) => {
		const [first, gender] = adults[i] ?? ['Alex', 0];
		const size = sizes[i] ?? 1;
		const members: Member[] = [{ firstName: first, age: rng.int(34, 78), gender }];
		if (size >= 2) members.push({ firstName: partners[i] ?? 'Sam', age: rng.int(32, 75), gender: gender === 1 ? 0 : 1 });
		for (let k = 2; k < size; k++) members.push({ firstName: kids[(i + k) % kids.length] ?? 'Kid', age: rng.int(5, 17), gender: rng.int(0, 1) });
		const [city, zip] = rng.pick(cities);
		return { lastName, city, zip, members };
	});
}

/** Adds days to a YYYY-MM-DD date in UTC (dates here are calendar days, not instants). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const t = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000;
	return new Date(t).toISOString().slice(0, 10);
}
