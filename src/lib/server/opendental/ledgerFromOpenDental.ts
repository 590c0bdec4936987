import type { Claim, ClaimStatus, Ledger } from '$lib/domain/ledger/ledger';
import type { Cents } from '$lib/domain/money/cents';
import type { OdAdjustment, OdClaimProc, OdDefinition, OdPatient, OdPaySplit, OdProcedure } from './odWire';
import { DEF_CATEGORY } from './odEnums';

export type OdFamilyRows = {
	patients: OdPatient[];
	procedures: OdProcedure[];
	claimprocs: OdClaimProc[];
	adjustments: OdAdjustment[];
	paysplits: OdPaySplit[];
	/** Definitions of category 29 (PaySplitUnearnedType); others are ignored. */
	definitions: OdDefinition[];
};

const CLAIM_STATUS: Record<OdClaimProc['Status'], ClaimStatus | null> = {
	NotReceived: 'not_received',
	Received: 'received',
	Preauth: 'preauth',
	// An insurance benefit adjustment is not a claim on this procedure's fee.
	Adjustment: null,
	Supplemental: 'supplemental',
	CapClaim: 'cap_claim',
	Estimate: 'estimate',
	CapComplete: 'cap_complete',
	CapEstimate: 'cap_estimate',
	InsHist: 'ins_hist'
};

const key = (n: number) => String(n);
const clinic = (n: number) => (n === 0 ? null : String(n));
/** Open Dental writes -1 for a blank override or estimate. */
const blankable = (cents: number): Cents | null => (cents === -100 ? null : (cents as Cents));

/**
 * One family's Open Dental rows → the ledger the allocation engine and the devices read
 * (shared/allocation.md). Only completed (C) and treatment-planned (TP) procedures are charges, as in
 * Open Dental's `ConstructListCharges`; deleted and existing-other procedures are not. A link to a
 * procedure or adjustment that is not in the ledger (deleted since) is dropped, so the credit stays
 * free credit instead of naming something that does not exist.
 */
export function ledgerFromOpenDental(unordered: OdFamilyRows): Ledger {
	// One family read in one request or patient by patient gives the same ledger, in key order: the
	// bridge hashes it to tell what changed.
	const rows = {
		patients: byKey(unordered.patients, (r) => r.PatNum),
		procedures: byKey(unordered.procedures, (r) => r.ProcNum),
		claimprocs: byKey(unordered.claimprocs, (r) => r.ClaimProcNum),
		adjustments: byKey(unordered.adjustments, (r) => r.AdjNum),
		paysplits: byKey(unordered.paysplits, (r) => r.SplitNum),
		definitions: byKey(unordered.definitions, (r) => r.DefNum)
	};
	const procedures = rows.procedures.filter((p) => p.ProcStatus === 'C' || p.ProcStatus === 'TP');
	const procIds = new Set(procedures.map((p) => p.ProcNum));
	const adjIds = new Set(rows.adjustments.map((a) => a.AdjNum));
	const claimsByProc = new Map<number, Claim[]>();
	for (const cp of rows.claimprocs) {
		const status = CLAIM_STATUS[cp.Status];
		if (!status) continue;
		const claim: Claim = {
			status,
			insPayEst: cp.InsPayEst as Cents,
			writeOffEst: blankable(cp.WriteOffEst),
			writeOffEstOverride: blankable(cp.WriteOffEstOverride),
			insPayAmt: cp.InsPayAmt as Cents,
			writeOff: cp.WriteOff as Cents,
			noBillIns: cp.NoBillIns
		};
		const list = claimsByProc.get(cp.ProcNum);
		if (list) list.push(claim);
		else claimsByProc.set(cp.ProcNum, [claim]);
	}
	return {
		patients: rows.patients.map((p) => ({ id: key(p.PatNum), guarantorId: key(p.Guarantor), primaryProviderId: key(p.PriProv) })),
		unearnedTypes: rows.definitions
			.filter((d) => d.Category === DEF_CATEGORY.PaySplitUnearnedType)
			.map((d) => ({ id: key(d.DefNum), name: d.ItemName, hidden: d.ItemValue !== '' })),
		procedures: procedures.map((p) => ({
			id: key(p.ProcNum),
			patientId: key(p.PatNum),
			providerId: key(p.ProvNum),
			clinicId: clinic(p.ClinicNum),
			date: p.ProcDate ?? '0001-01-01',
			status: p.ProcStatus === 'C' ? ('complete' as const) : ('treatment_planned' as const),
			...(p.procCode ? { code: p.procCode } : {}),
			...(p.descript ? { description: describeProcedure(p) } : {}),
			fee: p.ProcFee as Cents,
			units: p.BaseUnits + p.UnitQty,
			claims: claimsByProc.get(p.ProcNum) ?? []
		})),
		adjustments: rows.adjustments.map((a) => ({
			id: key(a.AdjNum),
			patientId: key(a.PatNum),
			providerId: key(a.ProvNum),
			clinicId: clinic(a.ClinicNum),
			date: a.AdjDate ?? '0001-01-01',
			amount: a.AdjAmt as Cents,
			procedureId: a.ProcNum !== 0 && procIds.has(a.ProcNum) ? key(a.ProcNum) : null,
			...(a.adjType || a.AdjNote ? { description: [a.adjType, a.AdjNote].filter(Boolean).join(': ') } : {})
		})),
		splits: rows.paysplits.map((s) => ({
			id: key(s.SplitNum),
			paymentId: key(s.PayNum),
			patientId: key(s.PatNum),
			providerId: s.ProvNum === 0 ? null : key(s.ProvNum),
			clinicId: clinic(s.ClinicNum),
			date: s.DatePay ?? '0001-01-01',
			amount: s.SplitAmt as Cents,
			procedureId: s.ProcNum !== 0 && procIds.has(s.ProcNum) ? key(s.ProcNum) : null,
			adjustmentId: s.AdjNum !== 0 && adjIds.has(s.AdjNum) ? key(s.AdjNum) : null,
			unearnedType: s.UnearnedType === 0 ? null : key(s.UnearnedType)
		}))
	};
}

function byKey<T>(rows: readonly T[], key: (row: T) => number): T[] {
	return [...rows].sort((a, b) => key(a) - key(b));
}

function describeProcedure(p: OdProcedure): string {
	const tooth = p.ToothNum ? ` #${p.ToothNum}${p.Surf ? ` ${p.Surf}` : ''}` : '';
	return `${p.descript ?? ''}${tooth}`;
}
