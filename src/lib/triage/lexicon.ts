/**
 * Compiles the lexicons' phrase lists into one index and finds every phrase
 * in a token stream in one pass. Phrase syntax (see data/README.md): words
 * separated by spaces; `a|b` alternatives; `word*` any ending; a plain word
 * also matches its plural; `~` skips up to 3 words (`~5` up to 5) inside one
 * sentence; `(a b|c)` groups alternatives of several words.
 *
 * Every "unable to" form ("can not", "couldn't", "not able to", "can no
 * longer", "no puedo") becomes the one word `unable`, in phrases and in text
 * alike, so "unable ~ breath*" covers all of them and the "not" inside them is
 * never read as a negation.
 *
 * Spelling: a word that is neither in wink's English vocabulary nor in the
 * engine's gets a correction toward the engine's vocabulary (one edit, same
 * first letter). Both the typed and the corrected word are matched, so a
 * correction can only add findings, never lose one.
 */
import type { LexiconData } from './schema';
import { type Token, fold, tokenize } from './text';

export type MentionKind =
	| 'finding'
	| 'site'
	| 'modifier'
	| 'fact'
	| 'subject'
	| 'negationBefore'
	| 'negationAfter'
	| 'pseudoNegation'
	| 'termination'
	| 'historical'
	| 'historicalAfter'
	| 'familyHistory'
	| 'hypothetical'
	| 'vitalCue'
	| 'unit'
	| 'ageUnit'
	| 'admin'
	| 'courtesy';

export interface Tag {
	kind: MentionKind;
	id: string;
}

export interface Mention extends Tag {
	start: number;
	end: number;
	sent: number;
	clause: number;
	/** Told on the form (an answer, a tap) rather than written: quoted as it is, and it sits after the text. */
	said?: string;
}

interface WordElem {
	gap: false;
	exact: ReadonlySet<string>;
	/** The exact words as ids (see CompiledLexicon.wordIds), sorted. */
	ids: Int32Array;
	prefixes: readonly string[];
	/** This element's number among all phrase elements (see WordInfo.elems). */
	index: number;
}
interface GapElem {
	gap: true;
	index: -1;
	max: number;
}
type Elem = WordElem | GapElem;

interface Pattern {
	tag: Tag;
	elems: readonly Elem[];
	/** A content phrase: transparent words may stand between its words (see SKIPPING). */
	skip: boolean;
}

export interface CompiledLexicon {
	patterns: readonly Pattern[];
	/** 0 … patterns.length - 1. */
	everyPattern: readonly number[];
	/** An id for every exact word of every phrase: tokens are matched by id, and indexed by the first one or two. */
	wordIds: ReadonlyMap<string, number>;
	/** Patterns by the id of their first word, when their second element is not a plain word. */
	byWord: readonly (readonly number[] | undefined)[];
	/** Patterns by their first two words ("my mom", "no fever"), keyed `id1 * PAIR_SPAN + id2`: common first words stay cheap. */
	byPair: ReadonlyMap<number, readonly number[]>;
	byPrefix: ReadonlyMap<string, readonly number[]>;
	/** Phrase elements (by number) that hold each word id exactly. */
	elemsById: readonly (readonly number[] | undefined)[];
	/** Phrase elements with a `word*` prefix, by the prefix's first three letters. */
	elemsByPrefix: ReadonlyMap<string, readonly { elem: number; prefix: string }[]>;
	/** Every word that starts a phrase. */
	firstWords: ReadonlySet<string>;
	shorthand: ReadonlyMap<string, readonly string[]>;
	/** The same sequences by their first word, longest first. */
	unableByFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
	/** Words a content phrase may skip between its words (lexicon `transparent`), folded. */
	transparent: ReadonlySet<string>;
	vocabulary: ReadonlySet<string>;
	/** Deletion index for spelling correction: a word with one letter removed → vocabulary words. */
	deletions: ReadonlyMap<string, readonly string[]>;
	/** Consonant skeleton → vocabulary words, for misspelt vowels ("pane" → "pain", "blod" → "blood"). */
	skeletons: ReadonlyMap<string, readonly string[]>;
	/** What the matcher needs of each distinct word, worked out once (see `wordInfo`): words wink knows, words it does not, other tokens. */
	words: [Map<string, WordInfo>, Map<string, WordInfo>, Map<string, WordInfo>];
	/** Scratch for findMentions (which pattern was tried at which token): reused, never shared across calls. */
	stamp: Int32Array;
}

const UNABLE = 'unable';
/** Word ids stay below this, so a pair of them is one small-integer key (V8 hashes those fastest). */
const PAIR_SPAN = 1 << 15;
/** Longer "words" are not misspellings (and correcting one costs its length squared). */
const MAX_CORRECTABLE = 24;
/** An English word wink knows is corrected only when short ("pane", "blod"): "stubbed" is not "stabbed". */
const MAX_KNOWN_CORRECTABLE = 5;

/** The kinds of phrase that may skip transparent words ("chest really hurts" as "chest hurts"). */
const SKIPPING: ReadonlySet<MentionKind> = new Set(['finding', 'site', 'modifier', 'fact', 'subject']);

export class LexiconError extends Error {
	override name = 'LexiconError';
}

function compileElem(src: string, where: string): Elem {
	if (src === '*') return { gap: true, max: 2, index: -1 };
	if (src.startsWith('~')) {
		const max = src.length > 1 ? Number(src.slice(1)) : 3;
		if (!Number.isInteger(max) || max < 1 || max > 14) throw new LexiconError(`${where}: bad gap "${src}"`);
		return { gap: true, max, index: -1 };
	}
	const exact = new Set<string>();
	const prefixes: string[] = [];
	for (const alt of src.split('|')) {
		if (alt.length === 0) throw new LexiconError(`${where}: empty alternative in "${src}"`);
		if (alt.endsWith('*')) {
			const p = alt.slice(0, -1);
			if (p.length < 3) throw new LexiconError(`${where}: prefix "${alt}" is too short`);
			prefixes.push(p);
		} else exact.add(alt);
	}
	return { gap: false, exact, ids: new Int32Array(0), prefixes, index: -1 };
}

/** "blood ~ (stool|bowel movement)" → one phrase per multi-word alternative. */
export function expandGroups(phrase: string): string[] {
	const open = phrase.indexOf('(');
	if (open < 0) return [phrase];
	const close = phrase.indexOf(')', open);
	if (close < 0) throw new LexiconError(`unbalanced group in "${phrase}"`);
	const head = phrase.slice(0, open);
	const tail = phrase.slice(close + 1);
	const alts = phrase.slice(open + 1, close).split('|');
	const whole = (open === 0 || phrase[open - 1] === ' ') && (close === phrase.length - 1 || phrase[close + 1] === ' ');
	const single = whole ? alts.filter((a) => !a.includes(' ')) : [];
	const rest = whole ? alts.filter((a) => a.includes(' ')) : alts;
	const out = single.length > 0 ? expandGroups(`${head}${single.join('|')}${tail}`) : [];
	for (const alt of rest) out.push(...expandGroups(`${head}${alt}${tail}`));
	return out;
}

/** Replaces every "unable to" sequence in a word list by the one word `unable`. */
function rewriteUnable(words: string[], unable: readonly (readonly string[])[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < words.length;) {
		const seq = unable.find((u) => u.every((w, k) => words[i + k] === w));
		if (seq) {
			out.push(UNABLE);
			i += seq.length;
		} else out.push(words[i++]!);
	}
	return out;
}

/** First letter, then the consonants with doubles collapsed: "blood" → "bld", "pain" → "pn". */
function skeleton(w: string): string {
	return (
		w[0] +
		w
			.slice(1)
			.replace(/[aeiouy]/g, '')
			.replace(/(.)\1+/g, '$1')
	);
}

function deletionsOf(w: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
	return out;
}

type Section = Exclude<keyof LexiconData, 'language' | 'shorthand' | 'unable' | 'context' | 'units' | 'ageUnits'>;

export function compileLexicons(lexicons: readonly LexiconData[]): CompiledLexicon {
	const shorthand = new Map<string, readonly string[]>();
	for (const lex of lexicons)
		for (const [k, v] of Object.entries(lex.shorthand)) shorthand.set(fold(k), fold(v).split(/\s+/));
	// Longest first, so "have not been able to" wins over "not able to".
	const unable = lexicons
		.flatMap((l) => l.unable)
		.map((u) => fold(u).split(/\s+/))
		.sort((a, b) => b.length - a.length);

	const patterns: Pattern[] = [];
	const wordIds = new Map<string, number>();
	const idOf = (w: string): number => {
		let id = wordIds.get(w);
		if (id === undefined) {
			id = wordIds.size;
			if (id >= PAIR_SPAN) throw new LexiconError('too many distinct phrase words');
			wordIds.set(w, id);
		}
		return id;
	};
	const byWord: number[][] = [];
	let elemCount = 0;
	const elemsById: number[][] = [];
	const elemsByPrefix = new Map<string, { elem: number; prefix: string }[]>();
	const byPair = new Map<number, number[]>();
	const byPrefix = new Map<string, number[]>();
	const firstWords = new Set<string>();
	const vocabulary = new Set<string>();
	const push = <K, T>(map: Map<K, T[]>, key: K, value: T): void => {
		const list = map.get(key);
		if (list) list.push(value);
		else map.set(key, [value]);
	};
	const addPhrase = (tag: Tag, phrase: string, where: string): void => {
		for (const variant of expandGroups(fold(phrase))) {
			const words = variant
				.trim()
				.split(/\s+/)
				.flatMap((w) => (w.includes('|') || w.includes('*') || w.startsWith('~') ? [w] : (shorthand.get(w) ?? [w])));
			const elems = rewriteUnable(words, unable).map((w) => compileElem(w, where));
			for (const e of elems) {
				if (e.gap) continue;
				e.ids = Int32Array.from([...e.exact].map(idOf)).sort();
				e.index = elemCount++;
				for (const id of e.ids) (elemsById[id] ??= []).push(e.index);
				for (const p of e.prefixes) push(elemsByPrefix, p.slice(0, 3), { elem: e.index, prefix: p });
			}
			const first = elems[0];
			const last = elems[elems.length - 1];
			if (!first || first.gap || !last || last.gap)
				throw new LexiconError(`${where}: "${phrase}" must start and end with a word`);
			const index = patterns.length;
			patterns.push({ tag, elems, skip: SKIPPING.has(tag.kind) });
			const second = elems[1];
			const pairable =
				second !== undefined &&
				!second.gap &&
				second.prefixes.length === 0 &&
				first.exact.size * second.exact.size <= 64;
			for (const w of first.exact) {
				firstWords.add(w);
				const id = idOf(w);
				if (pairable) for (const w2 of second.exact) push(byPair, id * PAIR_SPAN + idOf(w2), index);
				else (byWord[id] ??= []).push(index);
			}
			for (const p of first.prefixes) push(byPrefix, p.slice(0, 3), index);
			for (const e of elems) {
				if (e.gap) continue;
				for (const w of e.exact) if (/^[a-z]{4,}$/.test(w)) vocabulary.add(w);
				// A long prefix is a word stem worth correcting toward ("pregnat" → "pregnan*").
				for (const w of e.prefixes) if (/^[a-z]{5,}$/.test(w)) vocabulary.add(w);
			}
		}
	};
	const sections: [Section, MentionKind][] = [
		['findings', 'finding'],
		['sites', 'site'],
		['modifiers', 'modifier'],
		['facts', 'fact'],
		['subjects', 'subject'],
		['vitalCues', 'vitalCue']
	];
	for (const lex of lexicons) {
		const file = `lexicon.${lex.language}.json`;
		for (const [section, kind] of sections) {
			for (const [id, list] of Object.entries(lex[section] as Record<string, string[]>)) {
				for (const p of list) addPhrase({ kind, id }, p, `${file} ${section}.${id}`);
			}
		}
		for (const [k, list] of Object.entries(lex.context)) {
			for (const p of list) addPhrase({ kind: k as MentionKind, id: k }, p, `${file} context.${k}`);
		}
		for (const [k, list] of Object.entries(lex.units))
			for (const p of list) addPhrase({ kind: 'unit', id: k }, p, `${file} units.${k}`);
		for (const [k, list] of Object.entries(lex.ageUnits))
			for (const p of list) addPhrase({ kind: 'ageUnit', id: k }, p, `${file} ageUnits.${k}`);
		for (const p of lex.admin) addPhrase({ kind: 'admin', id: 'admin' }, p, `${file} admin`);
		for (const p of lex.courtesy) addPhrase({ kind: 'courtesy', id: 'courtesy' }, p, `${file} courtesy`);
	}
	const deletions = new Map<string, string[]>();
	for (const w of vocabulary) for (const d of deletionsOf(w)) push(deletions, d, w);
	const skeletons = new Map<string, string[]>();
	for (const w of vocabulary) push(skeletons, skeleton(w), w);
	const unableByFirst = new Map<string, (readonly string[])[]>();
	for (const u of unable) push(unableByFirst, u[0]!, u);
	return {
		stamp: new Int32Array(patterns.length),
		unableByFirst,
		transparent: new Set(lexicons.flatMap((l) => (l.transparent ?? []).map(fold))),
		patterns,
		everyPattern: patterns.map((_, i) => i),
		elemsById,
		elemsByPrefix,
		wordIds,
		byWord,
		byPair,
		byPrefix,
		firstWords,
		shorthand,
		vocabulary,
		deletions,
		skeletons,
		words: [new Map(), new Map(), new Map()]
	};
}

/** Damerau–Levenshtein distance, capped: returns 2 for anything above 1. */
function withinOneEdit(a: string, b: string): boolean {
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	if (a.length === b.length) {
		if (i === a.length) return true;
		if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
		return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
	}
	const [long, short] = a.length > b.length ? [a, b] : [b, a];
	return long.slice(i + 1) === short.slice(i);
}

function matchesAnyPrefix(lex: CompiledLexicon, w: string): boolean {
	for (const i of lex.byPrefix.get(w.slice(0, 3)) ?? []) {
		const first = lex.patterns[i]!.elems[0] as WordElem;
		if (first.prefixes.some((p) => w.startsWith(p))) return true;
	}
	return false;
}

/**
 * Vocabulary words close to `w` (same first letter, at most 4, in alphabetical order). A word wink does
 * not know gets every word one edit away and every word with the same consonants ("blod" → "blood");
 * a short English word only the vowel slips ("pane" → "pain"), never another consonant ("bike" is not "bile").
 */
function correct(lex: CompiledLexicon, w: string, unknown: boolean): readonly string[] {
	const sameConsonants = (lex.skeletons.get(skeleton(w)) ?? []).filter(
		(c) => c !== w && Math.abs(c.length - w.length) <= 2
	);
	let out = sameConsonants;
	if (unknown) {
		const candidates = new Set<string>();
		const add = (list: readonly string[] | undefined): void => list?.forEach((c) => candidates.add(c));
		add(lex.deletions.get(w));
		for (const d of deletionsOf(w)) {
			if (lex.vocabulary.has(d)) candidates.add(d);
			add(lex.deletions.get(d));
		}
		const oneEdit = [...candidates].sort().filter((c) => c !== w && c[0] === w[0] && withinOneEdit(c, w));
		out = [...new Set([...oneEdit, ...sameConsonants])];
	}
	return out.slice(0, 4);
}

/** Tokens ready for matching: shorthand written out, "unable" merged, misspellings corrected. */
export function prepare(text: string, lex: CompiledLexicon): Token[] {
	const tokens = tokenize(text, lex.shorthand);
	const out: Token[] = [];
	for (let i = 0; i < tokens.length;) {
		const seq = unableAt(tokens, i, lex.unableByFirst.get(tokens[i]!.norm));
		if (seq) {
			const parts = tokens.slice(i, i + seq.length);
			out.push({
				...parts[0]!,
				norm: UNABLE,
				raw: parts.map((p, k) => (k === 0 ? '' : p.space) + p.raw).join(''),
				unknown: false
			});
			i += seq.length;
			continue;
		}
		const t = tokens[i++]!;
		const corrected = wordInfo(lex, t).corrected;
		if (corrected) t.corrected = corrected;
		out.push(t);
	}
	return out;
}

/** The first (longest) of `candidates` that the tokens from `i` spell, inside one sentence. */
function unableAt(
	tokens: readonly Token[],
	i: number,
	candidates: readonly (readonly string[])[] | undefined
): readonly string[] | undefined {
	if (!candidates) return undefined;
	const sent = tokens[i]!.sent;
	next: for (const u of candidates) {
		for (let k = 0; k < u.length; k++) {
			const t = tokens[i + k];
			if (t === undefined || t.norm !== u[k] || t.sent !== sent) continue next;
		}
		return u;
	}
	return undefined;
}

/**
 * Everything the matcher needs of one distinct word, worked out once and kept: its spelling
 * corrections, the forms phrases may match, their phrase-word ids, and the patterns that may start
 * on it. A report repeats its words and reports share them, so each token costs one lookup.
 */
export interface WordInfo {
	corrected: readonly string[] | undefined;
	forms: readonly string[];
	ids: readonly number[];
	/** Patterns whose first element may match this word (by its ids, or a prefix), in index order, once each. */
	starts: readonly number[];
	/** Every phrase element this word matches (by number): matching a token is one lookup. */
	elems: ReadonlySet<number>;
	/** A word content phrases may skip (CompiledLexicon.transparent). */
	transparent: boolean;
}

const MAX_WORDS_CACHED = 50_000;
const PUNCT_INFO: WordInfo = {
	corrected: undefined,
	forms: [],
	ids: [],
	starts: [],
	elems: new Set(),
	transparent: false
};

export function wordInfo(lex: CompiledLexicon, t: Token): WordInfo {
	if (t.kind === 'punct') return PUNCT_INFO;
	const cache = lex.words[t.kind !== 'word' ? 2 : t.unknown ? 1 : 0];
	const known = cache.get(t.norm);
	if (known) return known;
	let corrected: readonly string[] | undefined;
	if (
		t.kind === 'word' &&
		t.norm.length >= 4 &&
		t.norm.length <= (t.unknown ? MAX_CORRECTABLE : MAX_KNOWN_CORRECTABLE) &&
		!lex.vocabulary.has(t.norm) &&
		!lex.firstWords.has(t.norm) &&
		!matchesAnyPrefix(lex, t.norm)
	) {
		const c = correct(lex, t.norm, t.unknown);
		if (c.length > 0) corrected = c;
	}
	const forms = formsOf(t.norm, corrected);
	const ids = [...new Set(idsOf(lex, forms))];
	const elems = new Set<number>();
	for (const id of ids) for (const e of lex.elemsById[id] ?? []) elems.add(e);
	for (const f of forms)
		if (f.length >= 3)
			for (const e of lex.elemsByPrefix.get(f.slice(0, 3)) ?? []) if (f.startsWith(e.prefix)) elems.add(e.elem);
	const starts = new Set<number>();
	for (const id of ids) for (const i of lex.byWord[id] ?? []) starts.add(i);
	for (const f of forms)
		if (f.length >= 3)
			for (const i of lex.byPrefix.get(f.slice(0, 3)) ?? [])
				if (elems.has(lex.patterns[i]!.elems[0]!.index)) starts.add(i);
	const info: WordInfo = {
		corrected,
		forms,
		ids,
		starts: [...starts].sort((a, b) => a - b),
		elems,
		transparent: t.kind === 'word' && lex.transparent.has(t.norm)
	};
	if (cache.size >= MAX_WORDS_CACHED) cache.clear();
	cache.set(t.norm, info);
	return info;
}

/** The forms of a word the phrases may match: the word and its corrections, each with its singulars ("ribs" → "rib", "bruises" → "bruis"). */
function formsOf(norm: string, corrected: readonly string[] | undefined): string[] {
	const out: string[] = [];
	pushForms(norm, out);
	if (corrected) for (const c of corrected) pushForms(c, out);
	return out;
}

function pushForms(w: string, into: string[]): void {
	into.push(w);
	const n = w.length;
	if (n > 3 && w.charCodeAt(n - 1) === 115) {
		into.push(w.slice(0, -1));
		if (n > 4 && w.charCodeAt(n - 2) === 101) into.push(w.slice(0, -2));
	}
}

function hasId(ids: Int32Array, id: number): boolean {
	let lo = 0;
	let hi = ids.length;
	while (hi - lo > 8) {
		const mid = (lo + hi) >> 1;
		if (ids[mid]! <= id) lo = mid;
		else hi = mid;
	}
	for (let k = lo; k < hi; k++) if (ids[k] === id) return true;
	return false;
}

function elemMatches(el: WordElem, formIds: readonly number[], forms: readonly string[]): boolean {
	for (let k = 0; k < formIds.length; k++) if (hasId(el.ids, formIds[k]!)) return true;
	for (const p of el.prefixes) for (let k = 0; k < forms.length; k++) if (forms[k]!.startsWith(p)) return true;
	return false;
}

/** One findMentions call's state: the tokens, each token's forms, and the mentions found so far. */
interface Scan {
	tokens: readonly Token[];
	forms: readonly (readonly string[])[];
	/** Ids of each token's forms that are phrase words. */
	ids: readonly (readonly number[])[];
	/** Each token's phrase elements (WordInfo.elems), or null to compare words one by one (the reference). */
	elems: readonly ReadonlySet<number>[] | null;
	patterns: readonly Pattern[];
	/** 1 where the token is a transparent word (see CompiledLexicon.transparent). */
	transparent: Uint8Array;
	stamp: Int32Array;
	round: number;
	/** Patterns that matched at the current token (`hitPattern[0 … hitCount)`), with where each ended. */
	hitPattern: number[];
	hitEnd: number[];
	hitCount: number;
}

function tokenMatches(scan: Scan, el: WordElem, ti: number, sent: number): boolean {
	const t = scan.tokens[ti];
	if (!t || t.sent !== sent) return false;
	return scan.elems ? scan.elems[ti]!.has(el.index) : elemMatches(el, scan.ids[ti]!, scan.forms[ti]!);
}

/** At most this many transparent words are skipped before one phrase word. */
const MAX_TRANSPARENT = 2;

/**
 * Where `elems[ei..]` matching from token `ti` ends, or -1; gaps never leave the sentence. With `skip`
 * (content phrases), up to two transparent words may stand before any word but the first.
 */
function matchFrom(scan: Scan, elems: readonly Elem[], ei: number, ti: number, sent: number, skip: boolean): number {
	const { tokens } = scan;
	for (; ei < elems.length; ei++, ti++) {
		const el = elems[ei]!;
		if (el.gap) {
			for (let k = 0; k <= el.max; k++) {
				const t = tokens[ti + k];
				if (!t || t.sent !== sent) return -1;
				const end = matchFrom(scan, elems, ei + 1, ti + k, sent, skip);
				if (end >= 0) return end;
			}
			return -1;
		}
		if (tokenMatches(scan, el, ti, sent)) continue;
		if (!skip || ei === 0) return -1;
		let skipped = 0;
		while (skipped < MAX_TRANSPARENT && scan.transparent[ti] === 1 && tokens[ti]!.sent === sent) {
			ti++;
			skipped++;
			if (tokenMatches(scan, el, ti, sent)) break;
		}
		if (!tokenMatches(scan, el, ti, sent)) return -1;
	}
	return ti;
}

/**
 * Tries each pattern in `list` at token `ti`, once per token however many keys lead to it. The indexes
 * list a pattern at a token only where its first word matches (`first` 1): matching resumes after it.
 */
function tryPatterns(scan: Scan, list: readonly number[] | undefined, ti: number, first: 0 | 1): void {
	if (!list) return;
	const sent = scan.tokens[ti]!.sent;
	for (let k = 0; k < list.length; k++) {
		const i = list[k]!;
		if (scan.stamp[i] === scan.round) continue;
		scan.stamp[i] = scan.round;
		const pattern = scan.patterns[i]!;
		const end = matchFrom(scan, pattern.elems, first, ti + first, sent, pattern.skip);
		if (end >= 0) {
			// Kept in order as they come: longest first (the fullest quote for evidence), then in
			// lexicon order, the same order however the indexes found them.
			let at = scan.hitCount++;
			while (at > 0 && (scan.hitEnd[at - 1]! < end || (scan.hitEnd[at - 1] === end && scan.hitPattern[at - 1]! > i))) {
				scan.hitEnd[at] = scan.hitEnd[at - 1]!;
				scan.hitPattern[at] = scan.hitPattern[at - 1]!;
				at--;
			}
			scan.hitEnd[at] = end;
			scan.hitPattern[at] = i;
		}
	}
}

/**
 * Every phrase of every lexicon found in the tokens, in text order. `exhaustive` tries every
 * pattern at every token instead of using the indexes: the slow reference the tests compare with.
 */
export function findMentions(tokens: readonly Token[], lex: CompiledLexicon, exhaustive = false): Mention[] {
	const n = tokens.length;
	// Filled by push: V8 keeps a long array made with `new Array(n)` as a slow dictionary.
	const infos: WordInfo[] = [];
	const forms: (readonly string[])[] = [];
	const ids: (readonly number[])[] = [];
	const elems: ReadonlySet<number>[] = [];
	const transparent = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const t = tokens[i]!;
		const w = wordInfo(lex, t);
		infos.push(w);
		if (w.transparent) transparent[i] = 1;
		if (exhaustive) {
			const f = t.kind === 'punct' ? [] : formsOf(t.norm, t.corrected);
			forms.push(f);
			ids.push(idsOf(lex, f));
		} else {
			forms.push(w.forms);
			ids.push(w.ids);
			elems.push(w.elems);
		}
	}
	// Stamps instead of a Set: a pattern is tried once per token without allocating.
	lex.stamp.fill(0);
	const scan: Scan = {
		tokens,
		forms,
		ids,
		elems: exhaustive ? null : elems,
		patterns: lex.patterns,
		transparent,
		stamp: lex.stamp,
		round: 0,
		hitPattern: [],
		hitEnd: [],
		hitCount: 0
	};
	const out: Mention[] = [];
	for (let ti = 0; ti < tokens.length; ti++) {
		const t = tokens[ti]!;
		if (t.kind === 'punct') continue;
		scan.round++;
		scan.hitCount = 0;
		if (exhaustive) tryPatterns(scan, lex.everyPattern, ti, 0);
		else {
			tryPatterns(scan, infos[ti]!.starts, ti, 1);
			const here = ids[ti]!;
			// The pair index by the next word, and by the word after up to two transparent ones.
			for (
				let next = ti + 1;
				here.length > 0 && next <= ti + 1 + MAX_TRANSPARENT && tokens[next]?.sent === t.sent;
				next++
			) {
				const there = ids[next]!;
				for (let a = 0; a < here.length; a++)
					for (let b = 0; b < there.length; b++)
						tryPatterns(scan, lex.byPair.get(here[a]! * PAIR_SPAN + there[b]!), ti, 1);
				if (transparent[next] !== 1) break;
			}
		}
		for (let h = 0; h < scan.hitCount; h++) {
			const { kind, id } = lex.patterns[scan.hitPattern[h]!]!.tag;
			out.push({ kind, id, start: ti, end: scan.hitEnd[h]!, sent: t.sent, clause: t.clause });
		}
	}
	return out;
}

function idsOf(lex: CompiledLexicon, forms: readonly string[]): number[] {
	const out: number[] = [];
	for (const f of forms) {
		const id = lex.wordIds.get(f);
		if (id !== undefined) out.push(id);
	}
	return out;
}
