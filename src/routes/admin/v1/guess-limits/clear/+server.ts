import { apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/**
 * `POST /admin/v1/guess-limits/clear` (loopback admin channel, `npm run -s clear-lockouts`): forgets
 * the wrong manager PINs and pairing codes counted so far, for a manager locked out by a mistyping
 * colleague (or by a test that guesses on purpose).
 */
export const POST = apiRoute({ auth: 'admin' }, async ({ bridge }) => {
	const cleared = await bridge.sql.query<{ id: number }>(`DELETE FROM guess_failure RETURNING id`);
	bridge.log('info', `guessing limits cleared through the admin channel (${cleared.length} wrong guesses forgotten)`);
	return apiJson({ cleared: cleared.length });
});
