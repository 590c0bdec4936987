import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunningBridge, type RunningBridge } from '../support/runningBridge';

let certDir: string;
let bridge: RunningBridge;

function get(url: string, ca: string | undefined): Promise<{ status: number; body: string; protocol: string }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { ca }, (res) => {
			let body = '';
			res.on('data', (c) => (body += c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body, protocol: 'https' }));
		});
		req.on('error', reject);
		req.end();
	});
}

beforeAll(async () => {
	bridge = await startRunningBridge({}, 'https', (dataDir) => {
		// As an operator would: `npm run cert` in the bridge's data folder, then start with TLS_CERT/TLS_KEY.
		certDir = dataDir;
		execFileSync(process.execPath, ['scripts/cert.js', 'bridge.test.lan'], { env: { ...process.env, DATA_DIR: dataDir } });
		return { TLS_CERT: join(dataDir, 'tls/server.crt'), TLS_KEY: join(dataDir, 'tls/server.key') };
	});
});
afterAll(async () => {
	await bridge?.stop();
});

describe('HTTPS on the practice network', () => {
	it('serves the app and the API over HTTPS with a certificate from `npm run cert`, trusted through its authority', async () => {
		const ca = readFileSync(join(certDir, 'tls/ca.crt'), 'utf8');
		const health = await get(`${bridge.baseUrl}/api/v1/health`, ca);
		expect(health.status).toBe(200);
		expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
		const page = await get(`${bridge.baseUrl}/`, ca);
		expect(page.status).toBe(200);
		expect(page.body).toContain('<!doctype html>');
		const sw = await get(`${bridge.baseUrl}/service-worker.js`, ca);
		expect(sw.status).toBe(200);
		// The authority's certificate is offered for download, so tablets can trust it.
		const offered = await get(`${bridge.baseUrl}/ca.crt`, ca);
		expect(offered.body.trim()).toBe(ca.trim());
	});

	it('is refused by a client that does not trust the authority', async () => {
		await expect(get(`${bridge.baseUrl}/api/v1/health`, undefined)).rejects.toThrow(/certificate/i);
	});

	it('the certificate names this machine, localhost, loopback and the extra names asked for', () => {
		const cert = new X509Certificate(readFileSync(join(certDir, 'tls/server.crt')));
		expect(cert.subjectAltName).toContain('DNS:localhost');
		expect(cert.subjectAltName).toContain('DNS:bridge.test.lan');
		expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
		expect(cert.checkIssued(new X509Certificate(readFileSync(join(certDir, 'tls/ca.crt'))))).toBe(true);
	});

	it('pairs a device through the admin channel over HTTPS', async () => {
		const out = execFileSync(process.execPath, ['scripts/admin.js', 'pair-code'], { env: { ...process.env, DATA_DIR: bridge.dataDir }, encoding: 'utf8' });
		expect(out).toMatch(/^Pairing code: [A-Z0-9]{4}-[A-Z0-9]{4}/);
	});
});
