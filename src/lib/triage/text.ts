/**
 * Text preparation: wink-nlp's tokenizer and sentence boundaries (it keeps
 * "o2", "192/118", "101.5" whole and expands "can't" to "can not"), folded to
 * lower case without accents so "años", "anos" and "AÑOS" are one word, then
 * the lexicon's shorthand ("cant", "rn", "bc") written out. Clauses end at
 * punctuation and at line breaks. wink's negation flag is not used: context
 * is the engine's own, from reviewed trigger lists.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model, ['sbd']);
const its = nlp.its;

/** The first lexeme id wink gives a word it has never seen: ids from here on are out of its vocabulary. */
const FIRST_UNKNOWN_ID = nlp.readDoc('qzxqzjvk').tokens().out(its.uniqueId)[0] as unknown as number;

export type TokenKind = 'word' | 'number' | 'punct' | 'other';

export interface Token {
	/** Folded form: lower case, no accents. */
	norm: string;
	/** The characters the patient typed, for quoting evidence. */
	raw: string;
	/** Whitespace before the token in the original text. */
	space: string;
	kind: TokenKind;
	sent: number;
	clause: number;
	/** Not a word of wink's English model (a misspelling, a Spanish word, a brand name). */
	unknown: boolean;
	/** Written with a capital letter other than at the start of a sentence (a name). */
	capital: boolean;
	/** Spelling corrections toward the engine's own vocabulary (one edit away), matched in addition to `norm`. */
	corrected: readonly string[] | undefined;
}

const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '—', '–', '/', '…']);
/** Hyphens join words ("light-headed", "6-week-old", "c-section"): dropped, never a boundary. */
const JOINERS = new Set(['-', '‐', '‑']);

const NON_ASCII = /[\u0080-\uffff]/;
const CAPITAL = /^\p{Lu}/u;

export function fold(s: string): string {
	// Most words are plain lower-case ASCII already: checked by character, without a regex.
	let plain = true;
	for (let i = 0; i < s.length && plain; i++) {
		const c = s.charCodeAt(i);
		plain = c < 128 && !(c >= 65 && c <= 90);
	}
	if (plain) return s;
	const lower = s.toLowerCase();
	return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}

/** Starts with a capital letter (ASCII by character code, any other script by regex). */
function capitalised(raw: string): boolean {
	const c = raw.charCodeAt(0);
	return c < 128 ? c >= 65 && c <= 90 : CAPITAL.test(raw);
}

const kindOf = (t: string): TokenKind =>
	t === 'word' || t === 'email' || t === 'hashtag' || t === 'mention'
		? 'word'
		: t === 'number' || t === 'ordinal'
			? 'number'
			: t === 'punctuation'
				? 'punct'
				: 'other';

/** No word is longer than this; a run of the same punctuation mark counts once ("!!!!!" is "!!!"). */
const MAX_WORD = 64;
/** wink-nlp's tokenizer slows down more than linearly on very long documents: longer text is read in pieces. */
const CHUNK = 2000;

/**
 * Text as wink reads it: runs of one punctuation mark shortened and endless
 * "words" cut, then split into pieces of about CHUNK characters at line or
 * sentence ends (or spaces). Real reports are one piece; a 100 KB paste stays linear.
 */
const REPEATED_MARK = /([^\p{L}\p{N}\s])\1{3,}/gu;
const ENDLESS_WORD = new RegExp(`\\S{${MAX_WORD + 1},}`, 'gu');
const WORD_PIECE = new RegExp(`[^]{1,${MAX_WORD}}`, 'gu');

/** Does `text` hold a word longer than MAX_WORD or four of one character in a row? One pass, no regex (most reports do not). */
function needsCleaning(text: string): boolean {
	let run = 0;
	/** How many times in a row the current character has come. */
	let same = 0;
	let prev = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		run = c === 32 || c === 10 || c === 9 || c === 13 ? 0 : run + 1;
		if (run > MAX_WORD) return true;
		same = c === prev ? same + 1 : 1;
		if (same > 3) return true;
		prev = c;
	}
	return false;
}

function pieces(text: string): string[] {
	const cleaned = needsCleaning(text)
		? text.replace(REPEATED_MARK, '$1$1$1').replace(ENDLESS_WORD, (w) => w.match(WORD_PIECE)!.join(' '))
		: text;
	if (cleaned.length <= CHUNK) return [cleaned];
	const out: string[] = [];
	let rest = cleaned;
	while (rest.length > CHUNK) {
		const window = rest.slice(0, CHUNK);
		const cut =
			Math.max(window.lastIndexOf('\n'), window.search(/[.!?]\s(?!.*[.!?]\s)/su) + 1, 0) ||
			window.lastIndexOf(' ') + 1 ||
			CHUNK;
		out.push(rest.slice(0, cut));
		rest = rest.slice(cut);
	}
	out.push(rest);
	return out;
}

/** Tokens of `text`, with sentence and clause numbers; shorthand is expanded in place. */
export function tokenize(text: string, shorthand: ReadonlyMap<string, readonly string[]>): Token[] {
	const parts = pieces(text);
	// A real report is one piece: its tokens are numbered already.
	if (parts.length === 1) return tokenizePiece(parts[0]!, shorthand);
	const all: Token[] = [];
	let sentBase = 0;
	let clauseBase = 0;
	for (const piece of parts) {
		const tokens = tokenizePiece(piece, shorthand);
		for (const t of tokens) {
			t.sent += sentBase;
			t.clause += clauseBase;
			all.push(t);
		}
		const last = tokens[tokens.length - 1];
		if (last) {
			sentBase = last.sent + 1;
			clauseBase = last.clause + 1;
		}
	}
	return all;
}

function tokenizePiece(text: string, shorthand: ReadonlyMap<string, readonly string[]>): Token[] {
	const doc = nlp.readDoc(text);
	const tokens = doc.tokens();
	const normals = tokens.out(its.normal) as string[];
	const values = tokens.out(its.value) as string[];
	const types = tokens.out(its.type) as string[];
	const spaces = tokens.out(its.precedingSpaces) as string[];
	const ids = tokens.out(its.uniqueId) as unknown as number[];
	// wink's sentences are consecutive spans [start, end] of token numbers: walked beside the tokens.
	const spans = doc.sentences().out(its.span) as unknown as [number, number][];
	let span = 0;
	const out: Token[] = [];
	let clause = 0;
	let sent = -1;
	/** wink's sentence number of the previous token. */
	let wink = -1;
	/** Whitespace tokens (tabs, line breaks) seen since the last token, to be its leading space. */
	let pending = '';
	for (let i = 0; i < normals.length; i++) {
		const type = types[i] ?? '';
		if (type === 'tabCRLF') {
			// Tabs and line breaks are whitespace, not words; a line break ends the sentence.
			pending += (spaces[i] ?? '') + (values[i] ?? '');
			continue;
		}
		const space = pending + (spaces[i] ?? '');
		pending = '';
		const raw = values[i] ?? '';
		const kind = kindOf(type);
		const lineBreak = space.length > 0 && space !== ' ' && (space.includes('\n') || space.includes('\r'));
		while (span < spans.length && spans[span]![1] < i) span++;
		const sentence = span < spans.length && spans[span]![0] <= i ? span : 0;
		if (sentence !== wink || lineBreak) {
			wink = sentence;
			sent++;
			clause++;
		}
		const norm = fold(normals[i] ?? '');
		const first = out.length === 0 || out[out.length - 1]!.sent !== sent;
		const capital = !first && kind === 'word' && raw !== 'I' && capitalised(raw);
		const unknown = kind === 'word' && (ids[i] ?? 0) >= FIRST_UNKNOWN_ID;
		if (kind !== 'word' && JOINERS.has(raw)) continue;
		if (kind === 'punct' && CLAUSE_PUNCT.has(raw)) {
			out.push({ norm, raw, space, kind, sent, clause, unknown: false, capital: false, corrected: undefined });
			clause++;
			continue;
		}
		const expansion = kind === 'word' ? shorthand.get(norm) : undefined;
		if (expansion) {
			expansion.forEach((w, k) =>
				out.push({
					norm: w,
					raw: k === 0 ? raw : '',
					space: k === 0 ? space : '',
					kind,
					sent,
					clause,
					unknown: false,
					capital,
					corrected: undefined
				})
			);
			continue;
		}
		out.push({ norm, raw, space, kind, sent, clause, unknown, capital, corrected: undefined });
	}
	renumberSentences(out);
	return out;
}

/** Sentence numbers as consecutive integers (a skipped joiner or whitespace token may have left a gap). */
function renumberSentences(tokens: Token[]): void {
	let last = Number.NaN;
	let n = -1;
	for (const t of tokens) {
		if (t.sent !== last) {
			last = t.sent;
			n++;
		}
		t.sent = n;
	}
}

/** Whitespace quote() must tidy: a run of it, a kind other than a plain space, or an edge. */
const UNTIDY = /\s\s|[^\S ]|^\s|\s$/;

/** The patient's own words for tokens [start, end), as typed (each run of whitespace one space). */
export function quote(tokens: readonly Token[], start: number, end: number): string {
	let s = '';
	for (let i = Math.max(0, start); i < Math.min(end, tokens.length); i++) {
		const t = tokens[i]!;
		s += (i === start || t.space.length === 0 ? '' : ' ') + t.raw;
	}
	return UNTIDY.test(s) ? s.trim().replace(/\s+/g, ' ') : s;
}
