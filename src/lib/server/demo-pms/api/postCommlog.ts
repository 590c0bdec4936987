import { z } from 'zod';
import { odKey } from '../../opendental/odWire';
import { DEF_CATEGORY } from '../../opendental/odEnums';
import type { Sql } from '../../store/Sql';
import { formatCommlog } from './odFormat';
import { odDateTime, odError, odJson } from './odResponse';

const MODES = ['None', 'Email', 'Mail', 'Phone', 'In Person', 'Text', 'Email and Text', 'Phone and Text', 'Fax'];
const SENT = ['Neither', 'Sent', 'Received'];

const bodySchema = z.looseObject({
	PatNum: odKey.optional(),
	Note: z.string().optional(),
	CommDateTime: z.string().optional(),
	CommType: odKey.optional(),
	commType: z.string().optional(),
	Mode_: z.string().optional(),
	SentOrReceived: z.string().optional()
});

/** POST /commlogs: a note in the patient's communication log (default type Misc, mode Phone, Sent). */
export async function postCommlog(sql: Sql, request: Request, now: () => Date): Promise<Response> {
	let raw: unknown;
	try {
		raw = await request.json();
	} catch {
		return odError(400, 'The request body is not valid JSON.');
	}
	const parsed = bodySchema.safeParse(raw);
	if (!parsed.success) return odError(400, `${String(parsed.error.issues[0]?.path[0] ?? 'Body')} is invalid.`);
	const body = parsed.data;
	if (body.PatNum === undefined) return odError(400, 'PatNum is required.');
	if (!body.Note || body.Note.trim() === '') return odError(400, 'Note is required.');
	const when = body.CommDateTime ?? odDateTime(now());
	if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(when)) return odError(400, 'CommDateTime format must be yyyy-MM-dd HH:mm:ss.');
	const mode = MODES.indexOf(body.Mode_ ?? 'Phone');
	if (mode < 0) return odError(400, `Mode_ is invalid. Allowed: ${MODES.join(', ')}.`);
	const sent = SENT.indexOf(body.SentOrReceived ?? 'Sent');
	if (sent < 0) return odError(400, 'SentOrReceived is invalid. Allowed: Neither, Sent, Received.');
	return sql.transaction(async (tx) => {
		const patient = await tx.query(`SELECT 1 FROM opendental.patient WHERE "PatNum" = $1`, [body.PatNum]);
		if (patient.length === 0) return odError(404, 'Patient not found.');
		const types = await tx.query<{ DefNum: number; ItemName: string }>(`SELECT "DefNum","ItemName" FROM opendental.definition WHERE "Category" = $1`, [DEF_CATEGORY.CommLogTypes]);
		const type = body.commType !== undefined ? types.find((t) => t.ItemName === body.commType) : body.CommType !== undefined ? types.find((t) => Number(t.DefNum) === body.CommType) : types.find((t) => t.ItemName === 'Misc');
		if (!type) return odError(400, 'CommType is invalid.');
		const rows = await tx.query(
			`INSERT INTO opendental.commlog ("PatNum","CommDateTime","CommType","Note","Mode_","SentOrReceived","CommSource","DateTStamp") VALUES ($1,$2,$3,$4,$5,$6,7,$7) RETURNING *`,
			[body.PatNum, when, type.DefNum, body.Note, mode, sent, now()]
		);
		return odJson(formatCommlog({ ...rows[0], commType: type.ItemName }), 201);
	});
}
