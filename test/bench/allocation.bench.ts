import { cpus, loadavg } from 'node:os';
import { afterAll, bench, describe } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { allocationInputSchema } from '$lib/domain/allocation/allocationInput';
import { familyAllocationInput } from '../unit/domain/allocation/familyAllocationInput';
import { referenceAllocate } from '../unit/domain/allocation/referenceAllocate';

/*
 * Issue 3, item 5: allocation on generated family ledgers of 100 to 100,000 entries (procedures,
 * adjustments and prior splits, about half of the adjustments and splits unattached; see
 * `familyAllocationInput`), against the deliberately naive reference implementation that is also
 * the engine's test oracle. Targets: 10,000 entries in at most 5 ms median; time growing no faster
 * than n log n (100,000 entries in at most 12 × the 10,000-entry median).
 *
 * Both sides start from the same plain JSON input, as a worker message brings it: the engine is the
 * whole `allocatePayment` (checking the input included); the naive side is the zod schema's parse
 * and `referenceAllocate`. vitest prints hz, mean and percentiles but neither median nor p95 nor
 * ratios, so the summary at the end times each size itself and prints those.
 */

const SIZES = [100, 1_000, 10_000, 100_000] as const;
/** The naive reference rescans its lists for every entry: about 0.3 s at 10,000 entries and, being quadratic, minutes at 100,000. */
const NAIVE_UP_TO = 10_000;
const TARGET_10K_MS = 5;
const TARGET_GROWTH = 12;

const inputs = new Map<number, unknown>(SIZES.map((size) => [size, JSON.parse(JSON.stringify(familyAllocationInput(size)))]));
const inputOf = (size: number): unknown => inputs.get(size);

function runEngine(size: number): void {
	const result = allocatePayment(inputOf(size));
	if (!result.ok) throw new Error(`the ${size}-entry family was refused: ${result.error.message}`);
}

function runNaive(size: number): void {
	referenceAllocate(allocationInputSchema.parse(inputOf(size)));
}

const label = (size: number) => `${size.toLocaleString('en-US')} entries`;

describe('allocatePayment (engine) on generated family ledgers', () => {
	for (const size of SIZES) {
		bench(`engine, ${label(size)}`, () => runEngine(size), size >= 100_000 ? { iterations: 10, time: 0, warmupIterations: 2 } : { time: 1_000 });
	}
});

describe('naive reference (zod parse + referenceAllocate) on the same ledgers', () => {
	for (const size of SIZES) {
		if (size <= NAIVE_UP_TO) {
			bench(`naive, ${label(size)}`, () => runNaive(size), size >= 10_000 ? { iterations: 10, time: 0, warmupIterations: 1 } : { time: 1_000 });
		} else {
			bench.skip(`naive, ${label(size)} (skipped: quadratic, it would take minutes)`, () => runNaive(size));
		}
	}
});

/**
 * Milliseconds of `runs` timed calls after `warmup` untimed ones, each sorted: wall clock, and the
 * process's CPU time (which a busy machine inflates less, since time spent waiting for a core is
 * not counted; the garbage collector's helper threads are).
 */
function time(run: () => void, warmup: number, runs: number): { wall: number[]; cpu: number[] } {
	for (let index = 0; index < warmup; index++) run();
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let index = 0; index < runs; index++) {
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		run();
		wall.push(performance.now() - start);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / 1000);
	}
	return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

/** The value at quantile `q` of sorted `values` (nearest rank). */
const quantile = (values: readonly number[], q: number): number => values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)] ?? Number.NaN;
const ms = (value: number) => (Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(3) : value.toFixed(1));

afterAll(() => {
	const rows: string[][] = [];
	const medians = new Map<number, number>();
	const cpuMedians = new Map<number, number>();
	for (const size of SIZES) {
		const large = size >= 100_000;
		const engine = time(() => runEngine(size), large ? 2 : 5, large ? 10 : 30);
		const naive = size <= NAIVE_UP_TO ? time(() => runNaive(size), 1, size >= 10_000 ? 10 : 30).wall : [];
		const engineMedian = quantile(engine.wall, 0.5);
		const naiveMedian = quantile(naive, 0.5);
		medians.set(size, engineMedian);
		cpuMedians.set(size, quantile(engine.cpu, 0.5));
		rows.push([
			size.toLocaleString('en-US'),
			ms(engineMedian),
			ms(quantile(engine.wall, 0.95)),
			ms(quantile(engine.cpu, 0.5)),
			naive.length > 0 ? ms(naiveMedian) : 'skipped',
			naive.length > 0 ? ms(quantile(naive, 0.95)) : '—',
			naive.length > 0 ? (engineMedian / naiveMedian).toFixed(4) : '—',
			naive.length > 0 ? `${(naiveMedian / engineMedian).toFixed(0)}×` : '—'
		]);
	}
	const header = ['entries', 'engine median ms', 'engine p95 ms', 'engine CPU median ms', 'naive median ms', 'naive p95 ms', 'engine/naive', 'speed-up'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: string[]) => `  ${cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ')}`;
	const median10k = medians.get(10_000) ?? Number.NaN;
	const growth = (medians.get(100_000) ?? Number.NaN) / median10k;
	const cpu10k = cpuMedians.get(10_000) ?? Number.NaN;
	const cpuGrowth = (cpuMedians.get(100_000) ?? Number.NaN) / cpu10k;
	const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
	const text = [
		'',
		`Allocation summary (allocatePayment on generated family ledgers; naive = zod parse + referenceAllocate; ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(2)})`,
		line(header),
		...rows.map(line),
		`  10,000 entries: median ${ms(median10k)} ms (CPU ${ms(cpu10k)} ms), target ≤ ${TARGET_10K_MS} ms: ${verdict(median10k <= TARGET_10K_MS)} (CPU: ${verdict(cpu10k <= TARGET_10K_MS)})`,
		`  growth 100,000 / 10,000 entries: ${growth.toFixed(2)}× (CPU ${cpuGrowth.toFixed(2)}×), target ≤ ${TARGET_GROWTH}× (n log n): ${verdict(growth <= TARGET_GROWTH)} (CPU: ${verdict(cpuGrowth <= TARGET_GROWTH)})`,
		`  naive at 100,000 entries: skipped (quadratic; it would take minutes)`,
		''
	].join('\n');
	// Written straight to stdout: vitest's bench reporter does not show console.log from bench files.
	process.stdout.write(`${text}\n`);
}, 600_000);
