/**
 * `npm run triage:eval -- FILE`: scores the engine on labelled vignettes.
 * Exits non-zero if any emergency or urgent case is under-triaged.
 */
import { readFileSync } from 'node:fs';
import { triage } from '../src/lib/triage/index';
import { parseLabelledVignette } from '../src/lib/triage/vignette';
import { lowAcuityOverTriage, score, summarise, type ScoredCase } from '../src/lib/triage/scoring';

const file = process.argv[2];
if (!file) {
	process.stderr.write('usage: triage-eval FILE.jsonl\n');
	process.exit(2);
}

const cases: ScoredCase[] = [];
let invalid = 0;
readFileSync(file, 'utf8')
	.split('\n')
	.forEach((line, i) => {
		if (line.trim().length === 0) return;
		try {
			const vignette = parseLabelledVignette(line);
			const decision = triage(vignette.input);
			cases.push({
				vignette,
				level: decision.level,
				reasons: decision.reasons.map((r) => r.id),
				outcome: score(decision.level, vignette.expected, vignette.acceptable)
			});
		} catch (err) {
			invalid++;
			process.stderr.write(`line ${i + 1}: ${err instanceof Error ? err.message : String(err)}\n`);
		}
	});

const pct = (k: number, n: number): string => (n === 0 ? '-' : `${((100 * k) / n).toFixed(1)}%`);
const pad = (s: string | number, w: number): string => String(s).padStart(w);
console.log(
	`${file}: ${cases.length} cases, rule set ${triage({ text: '', emergencyScreen: [], ageYears: null, sex: null, pregnant: null, severity: null, durationHours: null }).ruleSetVersion}`
);
console.log('expected    n  correct          under            over');
for (const row of summarise(cases)) {
	console.log(
		`${row.expected.padEnd(9)} ${pad(row.n, 3)}  ${pad(row.correct, 3)} ${pad(pct(row.correct, row.n), 6)}   ${pad(row.under, 3)} ${pad(pct(row.under, row.n), 6)}   ${pad(row.over, 3)} ${pad(pct(row.over, row.n), 6)}`
	);
}
const total = cases.length;
const correct = cases.filter((c) => c.outcome === 'correct').length;
console.log(`${'all'.padEnd(9)} ${pad(total, 3)}  ${pad(correct, 3)} ${pad(pct(correct, total), 6)}`);
const low = lowAcuityOverTriage(cases);
console.log(`over-triage on routine+admin: ${low.over}/${low.n} = ${pct(low.over, low.n)} (target ≤ 15%)`);

const show = (c: ScoredCase): string =>
	`  ${c.vignette.id}  expected ${c.vignette.expected}${c.vignette.acceptable.length ? ` (or ${c.vignette.acceptable.join('/')})` : ''}, got ${c.level}  [${c.reasons.join(', ')}]`;
const under = cases.filter((c) => c.outcome === 'under');
const over = cases.filter((c) => c.outcome === 'over');
console.log(`\nunder-triaged (${under.length}):`);
for (const c of under) console.log(show(c));
console.log(`over-triaged (${over.length}):`);
for (const c of over) console.log(show(c));

const unsafe = under.filter((c) => c.vignette.expected === 'emergency' || c.vignette.expected === 'urgent');
if (unsafe.length > 0 || invalid > 0) process.exitCode = 1;
