/**
 * `npm run triage:eval -- FILE...`: scores the engine on labelled vignette
 * files. Per file: a table by expected level, by concept (category) and by
 * variant tag, and the list of misses. Exits non-zero if any emergency or
 * urgent case is under-triaged, in any file. Without FILE it scores every
 * set in ../shared/triage and src/lib/triage/fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRuleSet, triage } from '../src/lib/triage/index';
import { parseLabelledVignette } from '../src/lib/triage/vignette';
import {
	byGroup,
	lowAcuityOverTriage,
	score,
	summarise,
	type GroupRow,
	type ScoredCase
} from '../src/lib/triage/scoring';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const dirs = ['../shared/triage', 'src/lib/triage/fixtures'];
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
	for (const dir of dirs.filter(existsSync)) {
		for (const f of readdirSync(dir).sort()) if (f.endsWith('.jsonl')) files.push(join(dir, f));
	}
}

const pct = (k: number, n: number): string => (n === 0 ? '-' : `${((100 * k) / n).toFixed(1)}%`);
const pad = (s: string | number, w: number): string => String(s).padStart(w);

function table(title: string, rows: readonly GroupRow[]): void {
	if (rows.length === 0) return;
	const w = Math.max(title.length, ...rows.map((r) => r.group.length));
	console.log(`\n${title.padEnd(w)}     n  under  to-support  over`);
	for (const r of rows)
		console.log(`${r.group.padEnd(w)}  ${pad(r.n, 4)}  ${pad(r.under, 5)}  ${pad(r.toSupport, 10)}  ${pad(r.over, 4)}`);
}

let failed = false;
for (const file of files) {
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
				process.stderr.write(`${file} line ${i + 1}: ${err instanceof Error ? err.message : String(err)}\n`);
			}
		});

	console.log(`\n=== ${file}: ${cases.length} cases, rule set ${defaultRuleSet().version}`);
	console.log('expected     n  correct          under            over');
	for (const row of summarise(cases)) {
		console.log(
			`${row.expected.padEnd(9)} ${pad(row.n, 4)}  ${pad(row.correct, 3)} ${pad(pct(row.correct, row.n), 6)}   ${pad(row.under, 3)} ${pad(pct(row.under, row.n), 6)}   ${pad(row.over, 3)} ${pad(pct(row.over, row.n), 6)}`
		);
	}
	const correct = cases.filter((c) => c.outcome === 'correct').length;
	console.log(`${'all'.padEnd(9)} ${pad(cases.length, 4)}  ${pad(correct, 3)} ${pad(pct(correct, cases.length), 6)}`);
	const low = lowAcuityOverTriage(cases);
	console.log(`over-triage on routine+admin: ${low.over}/${low.n} = ${pct(low.over, low.n)} (target under 20%)`);
	if (!quiet) {
		table(
			'concept',
			byGroup(cases, (c) => [c.vignette.category ?? '(none)'])
		);
		if (cases.some((c) => c.vignette.tags.length > 0))
			table(
				'variant',
				byGroup(cases, (c) => c.vignette.tags)
			);
	}
	const show = (c: ScoredCase): string =>
		`  ${c.vignette.id}  expected ${c.vignette.expected}${c.vignette.acceptable.length ? ` (or ${c.vignette.acceptable.join('/')})` : ''}, got ${c.level}  [${c.reasons.join(', ')}]`;
	const under = cases.filter((c) => c.outcome === 'under');
	const over = cases.filter((c) => c.outcome === 'over');
	console.log(`\nunder-triaged (${under.length}):`);
	for (const c of under) console.log(show(c));
	console.log(`over-triaged (${over.length}):`);
	if (!quiet) for (const c of over) console.log(show(c));
	if (under.some((c) => c.vignette.expected === 'emergency' || c.vignette.expected === 'urgent') || invalid > 0)
		failed = true;
}
if (failed) process.exitCode = 1;
