import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiError } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/**
 * The practice's local certificate authority (made by `npm run cert`), so a tablet can download it
 * and trust it once. A certificate is public; the authority's key never leaves DATA_DIR/tls.
 */
export const GET = apiRoute({ auth: 'public' }, ({ bridge }) => {
	const path = join(bridge.dataDir, 'tls', 'ca.crt');
	if (!existsSync(path)) return apiError(404, 'not_found', 'No local certificate authority here: run `npm run cert` on the bridge.');
	return new Response(readFileSync(path), {
		headers: { 'content-type': 'application/x-x509-ca-cert', 'content-disposition': 'attachment; filename="paysplit-ca.crt"' }
	});
});
