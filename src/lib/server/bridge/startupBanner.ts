import { networkInterfaces } from 'node:os';
import { displayPairingCode } from '$lib/domain/api/devicePairing';

/** The lines printed when the bridge is ready: where to open it, and a pairing code. */
export function startupBanner(options: { host: string; port: number; protocol: 'http' | 'https'; pms: string; demo: boolean; emr: string; code: string; expiresAt: Date }): string[] {
	const { host, port, protocol } = options;
	const urls: string[] = [];
	if (host === '0.0.0.0' || host === '::') {
		urls.push(`${protocol}://localhost:${port}`);
		for (const list of Object.values(networkInterfaces())) {
			for (const net of list ?? []) if (net.family === 'IPv4' && !net.internal) urls.push(`${protocol}://${net.address}:${port}`);
		}
	} else if (host === '127.0.0.1' || host === 'localhost' || host === '::1') {
		urls.push(`${protocol}://localhost:${port}`);
	} else {
		urls.push(`${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}`);
	}
	return [
		'',
		`Paysplit bridge is running ${describePms(options)}.`,
		`Open ${urls.join(' or ')}`,
		`Pairing code: ${displayPairingCode(options.code)}  (one device, valid until ${options.expiresAt.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}; \`npm run -s pair-code\` prints another)`,
		''
	];
}

function describePms(options: { pms: string; demo: boolean; emr: string }): string {
	if (options.demo && options.emr === 'Open Dental') return 'with the demo practice (an Open Dental-compatible PMS, embedded)';
	if (options.demo) return `with the demo ${options.emr} practice (behind an embedded NexHealth-compatible fake)`;
	if (options.pms === 'nexhealth') return `with ${options.emr}, through NexHealth`;
	return `with ${options.emr}`;
}
