/**
 * Where the e2e bridges with a Dentrix and an Eaglesoft demo practice (behind the NexHealth-compatible
 * fake) listen: beside the Open Dental one (playwright.config.ts starts all three).
 */
const PORT = Number(process.env.E2E_PORT ?? 4319);
export const NEXHEALTH_BRIDGES = { dentrix: `http://127.0.0.1:${PORT + 1}`, eaglesoft: `http://127.0.0.1:${PORT + 2}` } as const;
export type DemoEmr = keyof typeof NEXHEALTH_BRIDGES;

/** The fake's API key (src/lib/server/demo-nexhealth/createDemoNexhealth.ts). */
export const DEMO_NEXHEALTH_KEY = 'paysplit-demo-nexhealth-key';

/** NexHealth's API on a demo bridge's mount, authenticated as a connector would be: `get(path, query)` answers its `data`. */
export async function nexhealthReader(baseURL: string): Promise<(path: string, query?: Record<string, string>) => Promise<unknown>> {
	const auth = (await (await fetch(`${baseURL}/demo-nexhealth/authenticates`, { method: 'POST', headers: { authorization: DEMO_NEXHEALTH_KEY, 'nex-api-version': 'v3.0.0' } })).json()) as { data: { token: string } };
	const headers = { authorization: `Bearer ${auth.data.token}`, 'nex-api-version': 'v3.0.0' };
	const locations = (await (await fetch(`${baseURL}/demo-nexhealth/locations`, { headers })).json()) as { data: { subdomain: string; locations: { id: number }[] }[] };
	const scope = { subdomain: locations.data[0]!.subdomain, location_id: String(locations.data[0]!.locations[0]!.id) };
	return async (path, query = {}) => {
		const params = new URLSearchParams({ ...scope, per_page: '1000', ...query });
		const answer = (await (await fetch(`${baseURL}/demo-nexhealth${path}?${params}`, { headers })).json()) as { data: unknown };
		return answer.data;
	};
}
