/**
 * `tsx scripts/triage-snapshot.ts OUT.jsonl [--against BEFORE.jsonl]`
 * A safety net for speed work on the engine: runs triage() and questionsFor()
 * over every vignette file (src/lib/triage/fixtures, ../shared/triage or
 * TRIAGE_SNAPSHOT_DIRS), each text retold several ways (reordered, shouted,
 * misspelt, spaced, Spanish, long, pasted), and writes one line per case with
 * the full decision (level, reasons with their evidence and wording,
 * rule-set version, crisis line), the question step and the analysis the
 * decision was made on. With --against it compares line by line and exits 1 on
 * any difference: a change that claims no behaviour change must leave every line as it was.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRuleSet, questionsFor, triage, type TriageInput } from '../src/lib/triage/index';
import { readReport } from '../src/lib/triage/engine';
import { parseVignetteLine } from '../src/lib/triage/vignette';

const args = process.argv.slice(2);
const out = args[0];
const againstAt = args.indexOf('--against');
const against = againstAt >= 0 ? args[againstAt + 1] : undefined;
if (!out) {
	console.error('Usage: tsx scripts/triage-snapshot.ts OUT.jsonl [--against BEFORE.jsonl]');
	process.exit(2);
}

const fixtures = fileURLToPath(new URL('../src/lib/triage/fixtures', import.meta.url));
const dirs = [
	fixtures,
	join(fixtures, 'questions'),
	...(process.env['TRIAGE_SNAPSHOT_DIRS'] ?? resolve(fixtures, '../../../../../shared/triage')).split(':')
].filter((d) => existsSync(d));

const cases: { key: string; input: TriageInput }[] = [];
for (const dir of dirs) {
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
		readFileSync(join(dir, file), 'utf8')
			.split('\n')
			.filter((l) => l.trim().length > 0)
			.forEach((line, n) => {
				const { id, input } = parseVignetteLine(line);
				cases.push({ key: `${dir}/${file}#${n}:${id}`, input });
			});
	}
}

/** A small seeded generator, so the misspelt variants are the same on every run. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Every third word of four letters or more with one letter dropped, doubled or swapped with the next. */
function misspell(text: string, seed: number): string {
	const r = random(seed);
	return text.replace(/\p{L}{4,}/gu, (w) => {
		if (r() > 0.33) return w;
		const i = 1 + Math.floor(r() * (w.length - 2));
		const how = Math.floor(r() * 3);
		if (how === 0) return w.slice(0, i) + w.slice(i + 1);
		if (how === 1) return w.slice(0, i) + w[i] + w.slice(i);
		return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
	});
}

const texts = cases.map((c) => c.input.text);
const joined = (size: number, offset: number): string => {
	let s = '';
	for (let i = offset; s.length < size; i++) s += texts[i % texts.length] + ' ';
	return s.slice(0, size);
};

const variants: { key: string; input: TriageInput }[] = [];
cases.forEach(({ key, input }, n) => {
	const t = input.text;
	const add = (name: string, change: Partial<TriageInput>): void => {
		variants.push({ key: `${key} ${name}`, input: { ...input, ...change } });
	};
	add('as written', {});
	add('reordered', {
		text: t
			.split(/(?<=[.,;!?])\s+/)
			.reverse()
			.join(' ')
	});
	add('retold', { text: `my mother says ${t.toUpperCase()} and she can't stop` });
	add('misspelt', { text: misspell(t, n + 1) });
	add('misspelt again', { text: misspell(t.toLowerCase(), 7919 * (n + 1)) });
	add('spaced', { text: t.replace(/ /g, (_, i: number) => (i % 3 === 0 ? '\n' : i % 3 === 1 ? '  ' : '\t')) });
	add('denied', { text: t.replace(/(^|[.!?]\s+)/g, '$1no ') });
	add('history', { text: `${t} my dad is 91 and diabetic, o2 88%, bp 190/120, temp 103.2` });
	add('other language', { lang: input.lang === 'es' ? 'en' : 'es' });
	add('bare form', { ageYears: null, sex: null, pregnant: null, severity: null, emergencyScreen: [] });
	add('500 chars', { text: joined(500, n) });
	if (n % 4 === 0) add('5000 chars', { text: joined(5000, n) });
	if (n % 40 === 0) add('30000 chars', { text: joined(30_000, n) });
});
const adversarial: Record<string, (n: number) => string> = {
	'repeated words': (n) => 'chest pain no not blood in stool '.repeat(Math.ceil(n / 32)).slice(0, n),
	'repeated punctuation': (n) => '!!!!....'.repeat(n / 8),
	'nested brackets': (n) => '('.repeat(n),
	'one giant word': (n) => 'a'.repeat(n),
	'negations and gaps': (n) => 'no no no not never pain '.repeat(Math.ceil(n / 24)).slice(0, n)
};
for (const [name, make] of Object.entries(adversarial))
	for (const size of [16, 500, 2048, 4096, 25_600])
		variants.push({ key: `adversarial ${name} ${size}`, input: { ...cases[0]!.input, text: make(size) } });

const rs = defaultRuleSet();
const lines = variants.map(({ key, input }) => {
	const { analysis } = readReport(input, rs);
	return JSON.stringify({
		key,
		decision: triage(input),
		questions: questionsFor(input),
		analysis: { ...analysis, tokens: analysis.tokens.map((t) => ({ ...t })) }
	});
});
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} cases (${cases.length} vignettes from ${dirs.join(', ')}) → ${out}`);

if (against) {
	const before = readFileSync(against, 'utf8').split('\n').filter(Boolean);
	let diffs = 0;
	if (before.length !== lines.length) {
		console.log(`DIFFERENT: ${before.length} cases before, ${lines.length} now`);
		diffs++;
	}
	for (let i = 0; i < Math.min(before.length, lines.length); i++) {
		if (before[i] === lines[i]) continue;
		if (diffs++ < 5)
			console.log(`DIFFERENT: ${JSON.parse(lines[i]!).key}\n  before ${before[i]}\n  now    ${lines[i]}`);
	}
	console.log(diffs === 0 ? `identical: all ${lines.length} cases` : `${diffs} cases differ`);
	process.exit(diffs === 0 ? 0 : 1);
}
