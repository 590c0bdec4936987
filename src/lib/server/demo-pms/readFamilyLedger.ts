import type { Ledger } from '$lib/domain/ledger/ledger';
import { ledgerFromOpenDental } from '../opendental/ledgerFromOpenDental';
import { odAdjustmentSchema, odClaimProcSchema, odDefinitionSchema, odPatientSchema, odPaySplitSchema, odProcedureSchema } from '../opendental/odWire';
import { DEF_CATEGORY } from '../opendental/odEnums';
import type { SqlTx } from '../store/Sql';
import { formatAdjustment, formatClaimProc, formatDefinition, formatPatient, formatPaySplit, formatProcedure } from './api/odFormat';

/**
 * A family's ledger as the demo PMS itself sees it when it splits a payment: its rows, formatted as
 * its API would send them and read through the same mapping the Open Dental connector uses, so the
 * demo splits against exactly the ledger a connector would read.
 */
export async function readFamilyLedger(tx: SqlTx, guarantor: number): Promise<Ledger> {
	const none = () => '';
	const patients = await tx.query(`SELECT * FROM opendental.patient WHERE "Guarantor" = $1 AND "PatStatus" <> 4 ORDER BY "PatNum"`, [guarantor]);
	const patNums = patients.map((p) => Number(p.PatNum));
	const procedures = await tx.query(
		`SELECT p.*, c."ProcCode", c."Descript" FROM opendental.procedurelog p JOIN opendental.procedurecode c ON c."CodeNum" = p."CodeNum" WHERE p."PatNum" = ANY($1) ORDER BY p."ProcNum"`,
		[patNums]
	);
	const claimprocs = await tx.query(`SELECT * FROM opendental.claimproc WHERE "PatNum" = ANY($1) ORDER BY "ClaimProcNum"`, [patNums]);
	const adjustments = await tx.query(`SELECT * FROM opendental.adjustment WHERE "PatNum" = ANY($1) ORDER BY "AdjNum"`, [patNums]);
	const paysplits = await tx.query(`SELECT * FROM opendental.paysplit WHERE "PatNum" = ANY($1) ORDER BY "SplitNum"`, [patNums]);
	const definitions = await tx.query(`SELECT * FROM opendental.definition WHERE "Category" = $1 ORDER BY "DefNum"`, [DEF_CATEGORY.PaySplitUnearnedType]);
	return ledgerFromOpenDental({
		patients: patients.map((r) => odPatientSchema.parse(formatPatient(r, none, none))),
		procedures: procedures.map((r) => odProcedureSchema.parse(formatProcedure(r))),
		claimprocs: claimprocs.map((r) => odClaimProcSchema.parse(formatClaimProc(r))),
		adjustments: adjustments.map((r) => odAdjustmentSchema.parse(formatAdjustment(r))),
		paysplits: paysplits.map((r) => odPaySplitSchema.parse(formatPaySplit(r))),
		definitions: definitions.map((r) => odDefinitionSchema.parse(formatDefinition(r)))
	});
}
