import { SETTLEMENT_CSV_HEADER } from '$lib/domain/clearing/parseSettlementCsv';
import { clearingDepsOf } from '$lib/server/clearing/clearingDeps';
import { importSettlementFile } from '$lib/server/clearing/importSettlementFile';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/** A day's settlement file is a few KB; a year's fits easily. */
const MAX_FILE_BYTES = 2 * 1_048_576;

/**
 * `POST /settlements` (DESIGN §6, manager): a processor's settlement file (`text/csv`, header
 * `reference,amount,settled_at,fee`) → a report of what became of each row.
 */
export const POST = apiRoute({ auth: 'manager', body: { raw: 'a settlement file', maxBytes: MAX_FILE_BYTES } }, async ({ event, bridge, caller, body }) => {
	const type = event.request.headers.get('content-type') ?? '';
	if (!/^(text|application)\/csv\b/i.test(type)) {
		return apiError(415, 'unsupported_media_type', `The body must be a CSV file (Content-Type: text/csv) with the header "${SETTLEMENT_CSV_HEADER.join(',')}", not "${type || 'none'}".`);
	}
	// Not fatal on bad UTF-8: a stray byte spoils the row it is in (its reference will not match),
	// never the whole file.
	const text = new TextDecoder('utf-8').decode(body);
	const result = await importSettlementFile(clearingDepsOf(bridge), `${caller.device.name}, manager ${caller.manager.name}`, text);
	if (!result.ok) return apiError(result.error.code === 'too_many_rows' ? 413 : 400, result.error.code, result.error.message);
	return apiJson(result.value);
});
