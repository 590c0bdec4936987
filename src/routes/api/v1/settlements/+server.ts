import type { RequestHandler } from './$types';
import { SETTLEMENT_CSV_HEADER } from '$lib/domain/clearing/parseSettlementCsv';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { clearingDepsOf } from '$lib/server/clearing/clearingDeps';
import { importSettlementFile } from '$lib/server/clearing/importSettlementFile';
import { readRawBody } from '$lib/server/clearing/readRawBody';
import { requireSettlementImporter } from '$lib/server/clearing/requireSettlementImporter';
import { apiError, apiJson } from '$lib/server/http/apiResponses';

/** A day's settlement file is a few KB; a year's fits easily. */
const MAX_FILE_BYTES = 2 * 1_048_576;

/**
 * `POST /settlements` (DESIGN §6): a processor's settlement file (`text/csv`, header
 * `reference,amount,settled_at,fee`) → a report of what became of each row.
 */
export const POST: RequestHandler = async (event) => {
	const bridge = getBridge();
	const importer = await requireSettlementImporter(bridge, event);
	if (importer instanceof Response) return importer;
	const type = event.request.headers.get('content-type') ?? '';
	if (!/^(text|application)\/csv\b/i.test(type)) {
		return apiError(415, 'unsupported_media_type', `The body must be a CSV file (Content-Type: text/csv) with the header "${SETTLEMENT_CSV_HEADER.join(',')}", not "${type || 'none'}".`);
	}
	const body = await readRawBody(event.request, MAX_FILE_BYTES, 'a settlement file');
	if (!body.ok) return apiError(body.status, body.code, body.message, undefined, body.headers);
	// Not fatal on bad UTF-8: a stray byte spoils the row it is in (its reference will not match),
	// never the whole file.
	const text = new TextDecoder('utf-8').decode(body.bytes);
	const result = await importSettlementFile(clearingDepsOf(bridge), importer.importedBy, text);
	if (!result.ok) return apiError(result.error.code === 'too_many_rows' ? 413 : 400, result.error.code, result.error.message);
	return apiJson(result.value);
};
