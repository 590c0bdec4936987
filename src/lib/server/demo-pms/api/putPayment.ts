import { z } from 'zod';
import { odKey } from '../../opendental/odWire';
import { DEF_CATEGORY, PROCESS_STATUS } from '../../opendental/odEnums';
import type { Sql } from '../../store/Sql';
import { formatPayment } from './odFormat';
import { odError, odJson } from './odResponse';

const bodySchema = z.looseObject({
	PayType: odKey.optional(),
	CheckNum: z.string().max(25).optional(),
	BankBranch: z.string().max(25).optional(),
	PayNote: z.string().max(4000).optional(),
	ProcessStatus: z.string().optional()
});

/**
 * PUT /payments/{PayNum}: Open Dental lets the API change only PayType, CheckNum, BankBranch, PayNote
 * and ProcessStatus ("OnlineProcessed" or "OnlinePending"); amount, date and splits never change.
 */
export async function putPayment(sql: Sql, payNum: number, request: Request, now: () => Date): Promise<Response> {
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		return odError(400, 'The request body is not valid JSON.');
	}
	const parsed = bodySchema.safeParse(raw);
	if (!parsed.success) return odError(400, `${String(parsed.error.issues[0]?.path[0] ?? 'Body')} is invalid.`);
	const body = parsed.data;
	return sql.transaction(async (tx) => {
		const existing = (await tx.query(`SELECT "PayNum" FROM opendental.payment WHERE "PayNum" = $1`, [payNum]))[0];
		if (!existing) return odError(404, 'Payment not found.');
		if (body.PayType !== undefined) {
			const ok = await tx.query(`SELECT 1 FROM opendental.definition WHERE "DefNum" = $1 AND "Category" = $2 AND "IsHidden" = false`, [body.PayType, DEF_CATEGORY.PaymentTypes]);
			if (ok.length === 0) return odError(400, 'PayType is invalid.');
			await tx.query(`UPDATE opendental.payment SET "PayType" = $1 WHERE "PayNum" = $2`, [body.PayType, payNum]);
		}
		for (const column of ['CheckNum', 'BankBranch', 'PayNote'] as const) {
			const value = body[column];
			if (value !== undefined) await tx.query(`UPDATE opendental.payment SET "${column}" = $1 WHERE "PayNum" = $2`, [value, payNum]);
		}
		if (body.ProcessStatus !== undefined) {
			if (body.ProcessStatus !== 'OnlineProcessed' && body.ProcessStatus !== 'OnlinePending') {
				return odError(400, 'ProcessStatus must be either "OnlineProcessed" or "OnlinePending".');
			}
			await tx.query(`UPDATE opendental.payment SET "ProcessStatus" = $1 WHERE "PayNum" = $2`, [PROCESS_STATUS.indexOf(body.ProcessStatus), payNum]);
		}
		await tx.query(`UPDATE opendental.payment SET "SecDateTEdit" = $1 WHERE "PayNum" = $2`, [now(), payNum]);
		const row = (await tx.query(`SELECT p.*, d."ItemName" AS "payType" FROM opendental.payment p LEFT JOIN opendental.definition d ON d."DefNum" = p."PayType" WHERE p."PayNum" = $1`, [payNum]))[0];
		return odJson(formatPayment(row ?? {}));
	});
}
