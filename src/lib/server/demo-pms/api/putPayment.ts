import { z } from 'zod';
import { plainText } from '$lib/domain/text/plainText';
import { DEF_CATEGORY, PROCESS_STATUS } from '../../opendental/odEnums';
import type { Sql } from '../../store/Sql';
import { odKeyField, parseOdBody } from './odBody';
import { TEXT_MAX } from './odBounds';
import { formatPayment } from './odFormat';
import { odError, odJson } from './odResponse';

const bodySchema = z.looseObject({
	PayType: odKeyField.optional(),
	CheckNum: plainText({ max: TEXT_MAX.CheckNum }).optional(),
	BankBranch: plainText({ max: TEXT_MAX.BankBranch }).optional(),
	PayNote: plainText({ max: TEXT_MAX.PayNote, lines: true }).optional(),
	ProcessStatus: z.enum(['OnlineProcessed', 'OnlinePending'], { error: 'must be either "OnlineProcessed" or "OnlinePending"' }).optional()
});

/**
 * PUT /payments/{PayNum}: Open Dental lets the API change only PayType, CheckNum, BankBranch, PayNote
 * and ProcessStatus ("OnlineProcessed" or "OnlinePending"); amount, date and splits never change.
 * Every field is checked before the first write, so a refused request changes nothing.
 */
export async function putPayment(sql: Sql, payNum: number, request: Request, now: () => Date): Promise<Response> {
	const body = await parseOdBody(request, bodySchema);
	if (body instanceof Response) return body;
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
			await tx.query(`UPDATE opendental.payment SET "ProcessStatus" = $1 WHERE "PayNum" = $2`, [PROCESS_STATUS.indexOf(body.ProcessStatus), payNum]);
		}
		await tx.query(`UPDATE opendental.payment SET "SecDateTEdit" = $1 WHERE "PayNum" = $2`, [now(), payNum]);
		const row = (await tx.query(`SELECT p.*, d."ItemName" AS "payType" FROM opendental.payment p LEFT JOIN opendental.definition d ON d."DefNum" = p."PayType" WHERE p."PayNum" = $1`, [payNum]))[0];
		return odJson(formatPayment(row ?? {}));
	});
}
