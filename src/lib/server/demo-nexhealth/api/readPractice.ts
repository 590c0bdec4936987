import { EMR_INFO } from '../nexEmr';
import { checkScope, formatContext, type NexContext } from './nexContext';
import { formatLocation, formatLocationBasic, type LocationRow } from './nexFormat';
import { boolParam, choicesParam, idListParam, parseNexQuery, textParam } from './nexQuery';
import { nexError, nexOk } from './nexResponse';

const institution = async (ctx: NexContext) => (await ctx.sql.query<{ id: number; name: string; subdomain: string }>(`SELECT * FROM nexhealth.institution WHERE id = $1`, [ctx.practice.institutionId]))[0];
const locations = (ctx: NexContext) => ctx.sql.query<LocationRow>(`SELECT * FROM nexhealth.location WHERE institution_id = $1 ORDER BY id`, [ctx.practice.institutionId]);

/**
 * GET /sync_status (getSyncStatus): the health of the Synchronizer that reads and writes the PMS,
 * one entry per sync source. `write_status: red` means writes are accepted (202) but do not reach
 * the PMS until it is green again (docs how-a-write-reaches-the-ehr; the sync_status_write_change
 * webhook). `subdomain` is optional here, as the document has it.
 */
export async function readSyncStatus(ctx: NexContext, url: URL): Promise<Response> {
	const parsed = parseNexQuery(url, { subdomain: textParam(), read_status: choicesParam(['green', 'red']).element, write_status: choicesParam(['green', 'red']).element, 'location_ids[]': idListParam });
	if (parsed instanceof Response) return parsed;
	const { query } = parsed;
	const scope = checkScope(ctx, query, { subdomain: false, location: false });
	if (scope) return scope;
	const { state } = ctx;
	const places = (await locations(ctx)).filter((l) => !query['location_ids[]'] || query['location_ids[]'].includes(l.id));
	const matches = (query.read_status === undefined || query.read_status === state.readStatus) && (query.write_status === undefined || query.write_status === state.writeStatus) && places.length > 0;
	const data = matches
		? [
				{
					institution_id: ctx.practice.institutionId,
					sync_source_type: 'DataSource',
					sync_source_name: `${EMR_INFO[ctx.practice.emr].display_name} Synchronizer`,
					emr: EMR_INFO[ctx.practice.emr],
					read_status: state.readStatus,
					read_status_at: state.readStatusAt.toISOString(),
					write_status: state.writeStatus,
					write_status_at: state.writeStatusAt.toISOString(),
					locations: places.map(formatLocationBasic)
				}
			]
		: [];
	return nexOk(data, { count: data.length, remarks: parsed.remarks });
}

/** GET /locations (getLocations): the institutions this key can see, each with its locations. */
export async function readLocations(ctx: NexContext, url: URL): Promise<Response> {
	const parsed = parseNexQuery(url, { subdomain: textParam(), inactive: boolParam, foreign_id: textParam(), filter_by_subscription_feature: textParam(40) });
	if (parsed instanceof Response) return parsed;
	const { query } = parsed;
	const scope = checkScope(ctx, query, { subdomain: false, location: false });
	if (scope) return scope;
	const found = await institution(ctx);
	if (!found) return nexError(500, 'The NexHealth fake has no institution.');
	const format = formatContext(ctx);
	const places = (await locations(ctx)).filter((l) => (query.inactive === undefined || l.inactive === query.inactive) && (query.foreign_id === undefined || l.foreign_id === query.foreign_id));
	const data = [{ id: found.id, name: found.name, subdomain: found.subdomain, locations: places.map((l) => formatLocation(format, l)) }];
	return nexOk(data, { count: data.length, remarks: parsed.remarks });
}

/** GET /locations/{id} (getLocationsId). */
export async function readLocation(ctx: NexContext, url: URL, id: number): Promise<Response> {
	const parsed = parseNexQuery(url, { subdomain: textParam() });
	if (parsed instanceof Response) return parsed;
	// The document lists no 403 here: a location of another institution is one this key cannot find.
	const place = (await locations(ctx)).find((l) => l.id === id);
	if (!place || (parsed.query.subdomain !== undefined && parsed.query.subdomain !== ctx.practice.subdomain)) return nexError(404, `Couldn't find Location with 'id'=${id}`);
	return nexOk(formatLocation(formatContext(ctx), place), { remarks: parsed.remarks });
}
