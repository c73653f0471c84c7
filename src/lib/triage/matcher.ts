/**
 * Finds lexicon concepts in a token array. Phrases are indexed by their first
 * word, so matching is one pass over the tokens with a handful of candidate
 * phrases per token: no regular expressions over the raw text, linear time.
 *
 * Negation only ever looks BACKWARDS from a mention, within a short window
 * and the same clause. Appending text therefore can never negate or remove
 * an earlier mention, which is what keeps triage monotonic.
 */
import type { Lexicon } from './types';
import { tokenise, type Token, type Vocabulary } from './normalise';

// Token kinds (see normalise.ts), local so hot loops compare plain numbers.
const WORD = 0;
const CLAUSE = 1;
const SENTENCE = 2;

export interface Hit {
	start: number;
	end: number;
	sent: number;
	clause: number;
	negated: boolean;
	evidence: readonly string[];
}

export interface ConceptHits {
	all: Hit[];
	positive: Hit[];
}

export interface Analysis {
	tokens: Token[];
	concepts: ReadonlyMap<string, ConceptHits>;
}

interface WordElem {
	type: 'word';
	exact: ReadonlySet<string>;
	prefixes: readonly string[];
}
interface GapElem {
	type: 'gap';
	max: number;
}
type Elem = WordElem | GapElem;

interface Pattern {
	concept: string;
	elems: readonly Elem[];
}

interface Derived {
	concept: string;
	anyOf: readonly string[];
	near: readonly { of: readonly string[]; within: number }[];
}

export interface CompiledLexicon {
	patterns: readonly Pattern[];
	byWord: ReadonlyMap<string, readonly number[]>;
	byPrefix: ReadonlyMap<string, readonly number[]>;
	derived: readonly Derived[];
	conceptIds: readonly string[];
	vocabulary: Vocabulary;
}

/** Words that negate a following mention ("no chest pain", "denies fever"). */
const NEGATION_CUES = new Set([
	'no',
	'not',
	'never',
	'without',
	'denies',
	'denied',
	'deny',
	'denying',
	'none',
	'nor',
	'neither',
	'negative'
]);
/** A cue immediately followed by one of these is not a negation: "can't stop bleeding", "can't feel my arm". */
const PSEUDO_NEGATION = new Set([
	'stop',
	'stopping',
	'stopped',
	'stops',
	'only',
	'sure',
	'certain',
	'idea',
	'matter',
	'doubt',
	'way',
	'able',
	'help',
	'helping',
	'helped',
	'better',
	'relief',
	'improvement',
	'improving',
	'improved',
	'go',
	'going',
	'feel',
	'move',
	'lift',
	'grip',
	'hold',
	'use',
	'walk',
	'stand',
	'see',
	'talk',
	'speak',
	'pee',
	'breathe',
	'breath',
	'swallow',
	'wake',
	'get',
	'getting',
	'keep',
	'keeping',
	'catch',
	'bear',
	'put',
	'remember',
	'focus',
	'think',
	'control',
	'sleep',
	'eat',
	'drink',
	'respond',
	'responding',
	'wet',
	'urinate',
	'make',
	'making',
	'recognize',
	'know',
	'finish',
	'say',
	'open',
	'close',
	'raise',
	'bend',
	'straighten',
	'sit',
	'lie',
	'function',
	'cope'
]);
/** Words that end the scope of a negation. */
const NEGATION_STOPS = new Set([
	'and',
	'but',
	'however',
	'although',
	'though',
	'except',
	'yet',
	'still',
	'because',
	'since',
	'so',
	'then',
	'when',
	'while',
	'until',
	'now',
	'which',
	'who',
	'plus',
	'also',
	'apart',
	'today',
	'tonight',
	'suddenly'
]);
const NEGATION_WINDOW = 5;

function compileElem(src: string): Elem {
	if (src.startsWith('~')) {
		const max = src.length > 1 ? Number(src.slice(1)) : 3;
		if (!Number.isInteger(max) || max < 1 || max > 8) throw new Error(`bad gap "${src}"`);
		return { type: 'gap', max };
	}
	const exact = new Set<string>();
	const prefixes: string[] = [];
	for (const alt of src.split('|')) {
		if (alt.length === 0) throw new Error(`empty alternative in "${src}"`);
		if (alt.endsWith('*')) {
			const p = alt.slice(0, -1);
			if (p.length < 3) throw new Error(`prefix "${alt}" is too short`);
			prefixes.push(p);
		} else exact.add(alt);
	}
	return { type: 'word', exact, prefixes };
}

/** "blood ~ (stool|bowel movement)" → one phrase per multi-word alternative. */
function expandGroups(phrase: string): string[] {
	const open = phrase.indexOf('(');
	if (open < 0) return [phrase];
	const close = phrase.indexOf(')', open);
	if (close < 0) throw new Error(`unbalanced group in "${phrase}"`);
	const head = phrase.slice(0, open);
	const tail = phrase.slice(close + 1);
	const alts = phrase.slice(open + 1, close).split('|');
	// A group that is a whole element keeps its one-word alternatives together as one
	// `a|b|c` element, so "(stool|poop|toilet paper)" compiles to 2 patterns, not 3: fewer
	// candidate patterns per token, same matches.
	const whole = (open === 0 || phrase[open - 1] === ' ') && (close === phrase.length - 1 || phrase[close + 1] === ' ');
	const single = whole ? alts.filter((a) => !a.includes(' ')) : [];
	const rest = whole ? alts.filter((a) => a.includes(' ')) : alts;
	const out = single.length > 0 ? expandGroups(`${head}${single.join('|')}${tail}`) : [];
	for (const alt of rest) out.push(...expandGroups(`${head}${alt}${tail}`));
	return out;
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
	const cached = compiled.get(lexicon);
	if (cached) return cached;
	const patterns: Pattern[] = [];
	const byWord = new Map<string, number[]>();
	const byPrefix = new Map<string, number[]>();
	const derived: Derived[] = [];
	const vocabulary = new Set<string>();
	const declared = new Set<string>();
	const add = (map: Map<string, number[]>, key: string, index: number): void => {
		const list = map.get(key);
		if (list) list.push(index);
		else map.set(key, [index]);
	};
	for (const [concept, def] of Object.entries(lexicon)) {
		for (const phrase of (def.phrases ?? []).flatMap(expandGroups)) {
			const parts = phrase.trim().split(/\s+/);
			const elems = parts.map(compileElem);
			const first = elems[0];
			const last = elems[elems.length - 1];
			if (!first || first.type !== 'word' || !last || last.type !== 'word') {
				throw new Error(`phrase "${phrase}" of ${concept} must start and end with a word`);
			}
			const index = patterns.length;
			patterns.push({ concept, elems });
			for (const w of first.exact) add(byWord, w, index);
			for (const p of first.prefixes) add(byPrefix, p.slice(0, 3), index);
			for (const e of elems) if (e.type === 'word') for (const w of e.exact) vocabulary.add(w);
		}
		const refs = [...(def.anyOf ?? []), ...(def.near ?? []).flatMap((n) => n.of)];
		for (const ref of refs) {
			if (!(ref in lexicon) && !(NUMERIC_CONCEPTS as readonly string[]).includes(ref)) {
				throw new Error(`${concept} refers to unknown concept ${ref}`);
			}
			if (!declared.has(ref) && ref !== concept) {
				const refDef = lexicon[ref];
				if (refDef && (refDef.anyOf || refDef.near)) {
					throw new Error(`${concept} refers to derived concept ${ref} declared after it`);
				}
			}
		}
		if (def.anyOf || def.near) derived.push({ concept, anyOf: def.anyOf ?? [], near: def.near ?? [] });
		declared.add(concept);
	}
	for (const builtin of NUMERIC_CONCEPTS) declared.add(builtin);
	const result: CompiledLexicon = {
		patterns,
		byWord,
		byPrefix,
		derived,
		conceptIds: [...declared],
		vocabulary
	};
	compiled.set(lexicon, result);
	return result;
}

function wordMatches(el: WordElem, w: string): boolean {
	if (el.exact.has(w)) return true;
	const n = w.length;
	if (n > 3 && w.charCodeAt(n - 1) === 115) {
		if (el.exact.has(w.slice(0, -1))) return true;
		if (n > 4 && w.charCodeAt(n - 2) === 101 && el.exact.has(w.slice(0, -2))) return true;
	}
	for (const p of el.prefixes) if (w.startsWith(p)) return true;
	return false;
}

function matchFrom(tokens: readonly Token[], elems: readonly Elem[], ei: number, ti: number): number {
	if (ei === elems.length) return ti;
	const el = elems[ei]!;
	if (el.type === 'gap') {
		for (let k = 0; k <= el.max; k++) {
			if (k > 0) {
				const skipped = tokens[ti + k - 1];
				if (!skipped || skipped.kind === SENTENCE) return -1;
			}
			const end = matchFrom(tokens, elems, ei + 1, ti + k);
			if (end >= 0) return end;
		}
		return -1;
	}
	const t = tokens[ti];
	if (!t || t.kind !== WORD || !wordMatches(el, t.w)) return -1;
	return matchFrom(tokens, elems, ei + 1, ti + 1);
}

function isNegated(tokens: readonly Token[], start: number): boolean {
	let seen = 0;
	for (let i = start - 1; i >= 0 && seen < NEGATION_WINDOW; i--) {
		const t = tokens[i]!;
		if (t.kind !== WORD || NEGATION_STOPS.has(t.w)) return false;
		if (NEGATION_CUES.has(t.w)) {
			const next = tokens[i + 1];
			if (!next || next.kind !== WORD || !PSEUDO_NEGATION.has(next.w)) return true;
		}
		seen++;
	}
	return false;
}

function quote(text: string, tokens: readonly Token[], start: number, end: number): string {
	return text.slice(tokens[start]!.s, tokens[end - 1]!.e);
}

function pushHit(map: Map<string, ConceptHits>, concept: string, hit: Hit): void {
	let hits = map.get(concept);
	if (!hits) {
		hits = { all: [], positive: [] };
		map.set(concept, hits);
	}
	hits.all.push(hit);
	if (!hit.negated) hits.positive.push(hit);
}

/** First index in sorted `hits` with start >= from. */
function lowerBound(hits: readonly Hit[], from: number): number {
	let lo = 0;
	let hi = hits.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (hits[mid]!.start < from) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * A hit within `within` words of the anchor, in the same clause; across a
 * comma only when very close ("leg is hot, swollen"), never across sentences.
 */
function findNear(hits: readonly Hit[], anchor: Hit, within: number): Hit | undefined {
	for (let k = lowerBound(hits, anchor.start - within); k < hits.length; k++) {
		const h = hits[k]!;
		if (h.start > anchor.start + within) return undefined;
		if (h.clause === anchor.clause) return h;
		if (h.sent === anchor.sent && Math.abs(h.start - anchor.start) <= CROSS_CLAUSE_WINDOW) return h;
	}
	return undefined;
}
const CROSS_CLAUSE_WINDOW = 4;

function collect(list: readonly number[] | undefined, tried: Int32Array, ti: number, out: number[]): void {
	if (!list) return;
	for (const p of list) {
		if (tried[p] !== ti) {
			tried[p] = ti;
			out.push(p);
		}
	}
}

export function analyse(text: string, lexicon: CompiledLexicon): Analysis {
	const tokens = tokenise(text, lexicon.vocabulary);
	const concepts = new Map<string, ConceptHits>();
	const tried = new Int32Array(lexicon.patterns.length).fill(-1);
	const candidates: number[] = [];

	for (let ti = 0; ti < tokens.length; ti++) {
		const t = tokens[ti]!;
		if (t.kind !== WORD) continue;
		candidates.length = 0;
		const w = t.w;
		collect(lexicon.byWord.get(w), tried, ti, candidates);
		if (w.length > 3 && w.charCodeAt(w.length - 1) === 115) {
			collect(lexicon.byWord.get(w.slice(0, -1)), tried, ti, candidates);
			if (w.charCodeAt(w.length - 2) === 101) collect(lexicon.byWord.get(w.slice(0, -2)), tried, ti, candidates);
		}
		if (w.length >= 3) collect(lexicon.byPrefix.get(w.slice(0, 3)), tried, ti, candidates);
		for (const p of candidates) {
			const pattern = lexicon.patterns[p]!;
			const end = matchFrom(tokens, pattern.elems, 0, ti);
			if (end < 0) continue;
			pushHit(concepts, pattern.concept, {
				start: ti,
				end,
				sent: t.sent,
				clause: t.clause,
				negated: isNegated(tokens, ti),
				evidence: [quote(text, tokens, ti, end)]
			});
		}
	}
	for (const hit of findNumbers(text, tokens)) pushHit(concepts, hit.concept, hit.hit);
	for (const hits of concepts.values()) {
		hits.all.sort((a, b) => a.start - b.start);
		hits.positive.sort((a, b) => a.start - b.start);
	}

	for (const d of lexicon.derived) {
		const found: Hit[] = [];
		for (const ref of d.anyOf) for (const h of concepts.get(ref)?.all ?? []) found.push(h);
		for (const near of d.near) {
			const [anchorId, ...others] = near.of;
			if (!anchorId) continue;
			const otherHits = others.map((o) => concepts.get(o)?.positive ?? []);
			if (otherHits.some((h) => h.length === 0)) continue;
			for (const anchor of concepts.get(anchorId)?.positive ?? []) {
				const parts: Hit[] = [anchor];
				for (const hs of otherHits) {
					const h = findNear(hs, anchor, near.within);
					if (!h) break;
					parts.push(h);
				}
				if (parts.length !== near.of.length) continue;
				found.push({
					start: Math.min(...parts.map((h) => h.start)),
					end: Math.max(...parts.map((h) => h.end)),
					sent: anchor.sent,
					clause: anchor.clause,
					negated: false,
					evidence: parts.flatMap((h) => h.evidence)
				});
			}
		}
		if (found.length === 0) continue;
		const existing = concepts.get(d.concept);
		if (existing) found.push(...existing.all);
		found.sort((a, b) => a.start - b.start);
		concepts.set(d.concept, { all: found, positive: found.filter((h) => !h.negated) });
	}
	return { tokens, concepts };
}

/* Numbers the patient typed: temperatures, glucose readings, blood pressure, pulse, oxygen. */

export const NUMERIC_CONCEPTS = [
	'temp_fever',
	'temp_high_fever',
	'glucose_low',
	'glucose_high',
	'glucose_very_high',
	'bp_very_high',
	'pulse_abnormal',
	'oxygen_low',
	'pill_count_high'
] as const;

const TEMP_CONTEXT = new Set([
	'temp',
	'temperature',
	'fever',
	'thermometer',
	'rectal',
	'rectally',
	'oral',
	'orally',
	'axillary',
	'febrile',
	'running',
	'up',
	'spiked',
	'spiking',
	'reading',
	'temps',
	'fevers'
]);
const TEMP_UNIT = new Set(['f', 'c', 'degrees', 'degree', 'deg', 'fahrenheit', 'celsius', 'centigrade']);
const GLUCOSE_CONTEXT = new Set([
	'sugar',
	'sugars',
	'glucose',
	'bg',
	'bs',
	'meter',
	'glucometer',
	'cgm',
	'dexcom',
	'libre',
	'readings',
	'reading',
	'bgl',
	'lows'
]);
const GLUCOSE_UNIT = new Set(['mmol', 'mgdl']);
const BP_CONTEXT = new Set(['bp', 'pressure', 'pressures']);
const PULSE_CONTEXT = new Set(['pulse', 'rate', 'hr', 'heartrate']);
const PULSE_UNIT = new Set(['bpm']);
const OXYGEN_CONTEXT = new Set(['oxygen', 'o2', 'sat', 'sats', 'saturation', 'spo2', 'oximeter', 'ox']);
/** "took like 20 of my tylenol", "swallowed 15 pills": a count of tablets large enough to be an overdose. */
const PILL_COUNT_MIN = 8;
const INGEST_VERBS = new Set(['took', 'taken', 'swallowed', 'popped', 'downed', 'ate']);
/** "took my 10 morning pills" is a usual regimen, not a count of extra tablets. */
const REGIMEN_WORDS = new Set(['my', 'all', 'usual', 'normal', 'daily', 'regular', 'the', 'his', 'her', 'their']);
const PILL_WORDS = new Set([
	'pill',
	'pills',
	'tablet',
	'tablets',
	'tabs',
	'capsule',
	'capsules',
	'caps',
	'tylenol',
	'paracetamol',
	'acetaminophen',
	'panadol',
	'advil',
	'motrin',
	'ibuprofen',
	'aleve',
	'naproxen',
	'aspirin',
	'benadryl',
	'xanax',
	'valium',
	'ambien',
	'melatonin',
	'meds',
	'sleeping'
]);
/** Index of a pill word starting right after the number (optionally after "of my"/"of her"…). */
function pillWordAfter(tokens: readonly Token[], i: number): number {
	const first = tokens[i + 1];
	if (!first || first.kind !== WORD) return -1;
	if (PILL_WORDS.has(first.w)) return i + 1;
	if (first.w !== 'of' && first.w !== 'extra' && first.w !== 'more') return -1;
	for (let k = i + 2; k <= i + 4 && k < tokens.length; k++) {
		const t = tokens[k]!;
		if (t.kind !== WORD) return -1;
		if (PILL_WORDS.has(t.w)) return k;
	}
	return -1;
}

function contextBefore(tokens: readonly Token[], i: number, words: ReadonlySet<string>, reach: number): number {
	let seen = 0;
	for (let k = i - 1; k >= 0 && seen < reach; k--) {
		const t = tokens[k]!;
		if (t.kind === SENTENCE) return -1;
		if (t.kind === CLAUSE) continue;
		if (words.has(t.w)) return k;
		seen++;
	}
	return -1;
}

function findNumbers(text: string, tokens: readonly Token[]): { concept: string; hit: Hit }[] {
	const out: { concept: string; hit: Hit }[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		const v = t.num;
		if (v === null) continue;
		const next = tokens[i + 1];
		const unit = next && next.kind === WORD ? next.w : '';
		const emit = (concept: string, from: number, to: number): void => {
			out.push({
				concept,
				hit: {
					start: from,
					end: to,
					sent: t.sent,
					clause: t.clause,
					negated: false,
					evidence: [quote(text, tokens, from, to)]
				}
			});
		};
		const tempAt = contextBefore(tokens, i, TEMP_CONTEXT, 4);
		const hasUnit = TEMP_UNIT.has(unit);
		if (tempAt >= 0 || hasUnit) {
			const from = tempAt >= 0 ? tempAt : i;
			const to = hasUnit ? i + 2 : i + 1;
			const fahrenheit = v >= 95 && v <= 110;
			const celsius = v >= 34 && v <= 44;
			if ((fahrenheit && v >= 100.4) || (celsius && v >= 38)) emit('temp_fever', from, to);
			if ((fahrenheit && v >= 104) || (celsius && v >= 40)) emit('temp_high_fever', from, to);
		}
		const gluAt = contextBefore(tokens, i, GLUCOSE_CONTEXT, 6);
		const after = tokens[i + 2];
		const gluUnit = GLUCOSE_UNIT.has(unit) || (unit === 'mg' && after !== undefined && after.w === 'dl');
		if (gluAt >= 0 || gluUnit) {
			const from = gluAt >= 0 ? gluAt : i;
			const decimal = !Number.isInteger(v);
			if (decimal || unit === 'mmol') {
				if (v < 4) emit('glucose_low', from, i + 1);
				if (v >= 14) emit('glucose_high', from, i + 1);
				if (v >= 22) emit('glucose_very_high', from, i + 1);
			} else if (v < 35) {
				// An integer this small is ambiguous (mmol/L high or mg/dL very low): both are dangerous.
				emit('glucose_low', from, i + 1);
				if (v >= 14) emit('glucose_very_high', from, i + 1);
			} else {
				if (v < 70) emit('glucose_low', from, i + 1);
				if (v >= 250) emit('glucose_high', from, i + 1);
				if (v >= 400) emit('glucose_very_high', from, i + 1);
			}
		}
		const bpAt = contextBefore(tokens, i, BP_CONTEXT, 3);
		if (bpAt >= 0 && v >= 180 && v <= 300) emit('bp_very_high', bpAt, i + 1);
		// Diastolic of a "170/125" reading: the number right after a systolic value.
		const before = tokens[i - 1];
		if (bpAt >= 0 && before && before.num !== null && before.num >= 90 && before.num <= 300 && v >= 120 && v <= 200) {
			emit('bp_very_high', bpAt, i + 1);
		}
		const pulseAt = contextBefore(tokens, i, PULSE_CONTEXT, 3);
		if ((pulseAt >= 0 || PULSE_UNIT.has(unit)) && ((v >= 130 && v <= 300) || (v > 0 && v < 40))) {
			emit('pulse_abnormal', pulseAt >= 0 ? pulseAt : i, i + 1);
		}
		const oxAt = contextBefore(tokens, i, OXYGEN_CONTEXT, 3);
		if (oxAt >= 0 && v >= 50 && v <= 92) emit('oxygen_low', oxAt, i + 1);
		if (v >= PILL_COUNT_MIN && v < 1000) {
			const prev = tokens[i - 1];
			const regimen = prev !== undefined && REGIMEN_WORDS.has(prev.w);
			const verbAt = regimen ? -1 : contextBefore(tokens, i, INGEST_VERBS, 3);
			const pillAt = verbAt >= 0 ? pillWordAfter(tokens, i) : -1;
			if (pillAt >= 0) emit('pill_count_high', verbAt, pillAt + 1);
		}
	}
	return out;
}
