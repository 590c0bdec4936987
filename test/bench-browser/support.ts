import { expect, type Page } from '@playwright/test';
import type { RunningBridge } from '../integration/support/runningBridge';
import { practiceDay } from '../support/practiceDay';

export function stats(samples: number[]): { median: number; p95: number; min: number; max: number; n: number } {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
	return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, n: sorted.length };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

export function report(title: string, lines: Record<string, string | number>): void {
	process.stdout.write(`\n${title}\n${Object.entries(lines).map(([k, v]) => `  ${k.padEnd(44)} ${v}`).join('\n')}\n`);
}

export async function pair(page: Page, bridge: RunningBridge, name: string, loadTimeoutMs = 60_000): Promise<void> {
	const code = await bridge.pairingCode();
	await page.goto(`${bridge.baseUrl}/pair`);
	await page.getByLabel('Pairing code').fill(code);
	await page.getByLabel('Name of this device').fill(name);
	await page.getByRole('button', { name: 'Pair device' }).click();
	await page.getByText(/Ledger as of/).waitFor({ timeout: loadTimeoutMs });
	await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'online');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/**
 * Writes `count` queued payments straight into the device's IndexedDB (rows exactly as the app
 * writes them: payment + outbox entry), for patients already cached on the device.
 */
export async function fillQueue(page: Page, count: number): Promise<void> {
	// Dated by the practice's today (never the UTC day: tomorrow for the practice every evening).
	const payDate = practiceDay();
	await page.evaluate(async ({ count, payDate }) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('paysplit');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const patients = await new Promise<{ id: string }[]>((resolve, reject) => {
			const all = db.transaction('patients').objectStore('patients').getAll();
			all.onsuccess = () => resolve(all.result as { id: string }[]);
			all.onerror = () => reject(all.error);
		});
		const uuidV7 = (ms: number) => {
			const bytes = crypto.getRandomValues(new Uint8Array(16));
			let t = ms;
			for (let i = 5; i >= 0; i--) {
				bytes[i] = t % 256;
				t = Math.floor(t / 256);
			}
			bytes[6] = 0x70 | (bytes[6]! & 0x0f);
			bytes[8] = 0x80 | (bytes[8]! & 0x3f);
			const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
			return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
		};
		const start = Date.now() - count;
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(['payments', 'outbox'], 'readwrite');
			for (let i = 0; i < count; i++) {
				const at = start + i;
				const id = uuidV7(at);
				const patient = patients[i % patients.length]!;
				const intent = { id, patientId: patient.id, amount: 1000 + (i % 5000), method: { kind: 'cash' }, payDate, takenAt: new Date(at).toISOString() };
				tx.objectStore('payments').put({ id, intent, status: 'queued', updatedAt: new Date(at).toISOString() });
				tx.objectStore('outbox').put({ paymentId: id, enqueuedAt: at, attempts: 0, mayBeAtBridge: false });
			}
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, { count, payDate });
	// The app's live queries see the app's own writes; these went round it, so the page reloads.
	await page.reload();
	await page.getByLabel('Patient name').waitFor();
}

export async function waiting(page: Page): Promise<number> {
	const text = (await page.getByTestId('pending-count').textContent()) ?? '';
	return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}
