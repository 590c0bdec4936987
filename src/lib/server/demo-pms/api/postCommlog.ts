import { z } from 'zod';
import { plainText } from '$lib/domain/text/plainText';
import { DEF_CATEGORY } from '../../opendental/odEnums';
import type { Sql } from '../../store/Sql';
import { odChoiceField, odDateTimeField, odKeyField, parseOdBody } from './odBody';
import { TEXT_MAX } from './odBounds';
import { formatCommlog } from './odFormat';
import { odDateTime, odError, odJson } from './odResponse';

const MODES = ['None', 'Email', 'Mail', 'Phone', 'In Person', 'Text', 'Email and Text', 'Phone and Text', 'Fax'];
const SENT = ['Neither', 'Sent', 'Received'];

/** Open Dental's fields for POST /commlogs (docs/opendental-api-reference.md §11); others are ignored. Bounds: odBounds. */
const bodySchema = z.looseObject({
	PatNum: odKeyField.optional(),
	Note: plainText({ max: TEXT_MAX.Note, lines: true }).optional(),
	CommDateTime: odDateTimeField.optional(),
	CommType: odKeyField.optional(),
	commType: odChoiceField.optional(),
	Mode_: odChoiceField.optional(),
	SentOrReceived: odChoiceField.optional()
});

/** POST /commlogs: a note in the patient's communication log (default type Misc, mode Phone, Sent). */
export async function postCommlog(sql: Sql, request: Request, now: () => Date): Promise<Response> {
	const body = await parseOdBody(request, bodySchema);
	if (body instanceof Response) return body;
	if (body.PatNum === undefined) return odError(400, 'PatNum is required.');
	// plainText has trimmed it: a note of spaces is no note.
	if (!body.Note) return odError(400, 'Note is required.');
	const when = body.CommDateTime ?? odDateTime(now());
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
