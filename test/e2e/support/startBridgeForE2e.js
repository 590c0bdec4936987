// Starts the built bridge for the end-to-end tests: a fresh DATA_DIR each run, the demo practice,
// and the data folder recorded for the specs
// (they ask the bridge for pairing codes through the loopback admin channel, like an operator would).
// The demo practice is dated from the real today, as the devices' payment dates are.
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Several bridges run side by side (the Open Dental demo, and Dentrix and Eaglesoft behind the NexHealth
// fake): each records its data folder under its port; the first (no DEMO_EMR) also as the default.
const dataDir = mkdtempSync(join(tmpdir(), 'paysplit-e2e-'));
mkdirSync('.test-output', { recursive: true });
writeFileSync(`.test-output/e2e-data-dir-${process.env.PORT}`, dataDir);
if (!process.env.DEMO_EMR) writeFileSync('.test-output/e2e-data-dir', dataDir);
process.env.DATA_DIR = dataDir;
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
process.env.HOST = '127.0.0.1';
await import(new URL('../../../scripts/start.js', import.meta.url).href);
