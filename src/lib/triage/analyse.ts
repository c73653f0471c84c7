/**
 * From mentions to clinical facts: which findings the patient reports (with
 * their sites and modifiers), which are denied, past, hypothetical or family
 * history (ConText, Harkema 2009), who has them, the subject's age, and the
 * vital signs in the numbers.
 */
import type { Mention } from './lexicon';
import type { VitalKind, VitalsData } from './schema';
import { type Token, quote } from './text';

export interface Finding {
	id: string;
	start: number;
	end: number;
	sent: number;
	clause: number;
	/** Denied ("no fever"), past ("years ago"), family history or hypothetical ("if"): does not count. */
	negated: boolean;
	historical: boolean;
	family: boolean;
	hypothetical: boolean;
	/** Subject id ("parent", "child", …) or "self". */
	who: string;
	sites: Mention[];
	modifiers: Mention[];
	/** A vital-sign reading behind this finding (for `vital_unreadable`). */
	vital?: VitalReading;
	/** Told on the form (an answer to a question) rather than written: quoted as it is. */
	said?: string;
}

export interface VitalReading {
	kind: VitalKind;
	/** °C for temperature, mg/dL for glucose, [systolic, diastolic] for bp. */
	value: number | [number, number];
	evidence: string;
	start: number;
	end: number;
	sent: number;
}

export interface Analysis {
	tokens: readonly Token[];
	mentions: readonly Mention[];
	/** Every finding mention, counted or not. */
	findings: Finding[];
	/** Positive site / modifier / fact mentions anywhere (context applied). */
	sites: Mention[];
	modifiers: Mention[];
	facts: Mention[];
	vitals: VitalReading[];
	/** Ages (years) of the people the text is about. */
	ages: { years: number; evidence: string }[];
	subjects: Mention[];
}

const SCOPE_BEFORE = 5;
const SCOPE_AFTER = 3;
const HISTORY_SCOPE = 8;

const isContext = (m: Mention): boolean =>
	m.kind === 'negationBefore' ||
	m.kind === 'negationAfter' ||
	m.kind === 'historical' ||
	m.kind === 'historicalAfter' ||
	m.kind === 'familyHistory' ||
	m.kind === 'hypothetical';

/** `n` empty slots, filled by push: V8 keeps a long array made with `new Array(n)` as a slow dictionary. */
function slots<T>(n: number): (T | undefined)[] {
	const out: (T | undefined)[] = [];
	for (let i = 0; i < n; i++) out.push(undefined);
	return out;
}

/** How far back a trigger phrase can start and still cover a word: the longest phrase in practice. */
const MAX_PHRASE = 16;

/**
 * Context triggers indexed by token position, so each mention looks only at
 * the few positions its scope can reach: linear in the length of the text.
 */
class Scopes {
	/** kind → position → triggers (arrays by position: most positions hold none). */
	private readonly endingAt = new Map<string, (Mention[] | undefined)[]>();
	private readonly startingAt = new Map<string, (Mention[] | undefined)[]>();
	/** terminations[i] = number of termination triggers starting before position i. */
	private readonly terminations: Int32Array;
	/** Last live family-history trigger ending at or before each position. */
	private readonly lastFamily: (Mention | undefined)[];

	constructor(mentions: readonly Mention[], length: number) {
		const byStart = slots<Mention[]>(length + 1);
		for (const m of mentions) {
			if (isContext(m) || m.kind === 'termination') continue;
			(byStart[m.start] ??= []).push(m);
		}
		// A trigger word inside a longer phrase of the lexicon is part of that phrase, not a trigger:
		// "no wet diapers", "not going away", "never had one this bad", "not only", "no better".
		const swallowed = (t: Mention): boolean => {
			for (let i = Math.max(0, t.start - MAX_PHRASE); i <= t.start; i++) {
				const list = byStart[i];
				if (list) for (const c of list) if (c.end >= t.end && c.end - c.start > t.end - t.start) return true;
			}
			return false;
		};
		const term = new Int32Array(length + 2);
		for (const m of mentions) if (m.kind === 'termination') term[m.start + 1]!++;
		for (let i = 1; i < term.length; i++) term[i]! += term[i - 1]!;
		this.terminations = term;
		const add = (map: Map<string, (Mention[] | undefined)[]>, m: Mention, pos: number): void => {
			let byPos = map.get(m.kind);
			if (!byPos) map.set(m.kind, (byPos = slots<Mention[]>(length + 1)));
			(byPos[pos] ??= []).push(m);
		};
		for (const m of mentions) {
			if (!isContext(m) || swallowed(m)) continue;
			add(this.endingAt, m, m.end);
			add(this.startingAt, m, m.start);
		}
		this.lastFamily = [];
		const family = this.endingAt.get('familyHistory');
		let last: Mention | undefined;
		for (let i = 0; i <= length; i++) {
			const here = family?.[i];
			if (here) last = here[here.length - 1];
			this.lastFamily.push(last);
		}
	}

	private terminatedBetween(from: number, to: number): boolean {
		return to > from && this.terminations[to]! - this.terminations[from]! > 0;
	}

	forward(kind: Mention['kind'], m: Mention, reach: number): boolean {
		const list = this.endingAt.get(kind);
		if (!list) return false;
		for (let e = m.start; e >= Math.max(0, m.start - reach); e--) {
			const here = list[e];
			if (here)
				for (const t of here) {
					if (t.sent === m.sent && t.clause === m.clause && !this.terminatedBetween(t.end, m.start)) return true;
				}
		}
		return false;
	}

	backward(kind: Mention['kind'], m: Mention, reach: number): boolean {
		const list = this.startingAt.get(kind);
		if (!list) return false;
		for (let st = m.end; st <= Math.min(m.end + reach, list.length - 1); st++) {
			const here = list[st];
			if (here)
				for (const t of here) {
					if (t.clause === m.clause && !this.terminatedBetween(m.end, t.start)) return true;
				}
		}
		return false;
	}

	/** Family history reaches to the end of its sentence, unless a termination ("but now") cuts it. */
	family(m: Mention): boolean {
		const t = this.lastFamily[m.start];
		return t !== undefined && t.sent === m.sent && !this.terminatedBetween(t.end, m.start);
	}
}

function contextOf(m: Mention, s: Scopes): Pick<Finding, 'negated' | 'historical' | 'family' | 'hypothetical'> {
	return {
		negated: s.forward('negationBefore', m, SCOPE_BEFORE) || s.backward('negationAfter', m, SCOPE_AFTER),
		historical: s.forward('historical', m, HISTORY_SCOPE) || s.backward('historicalAfter', m, HISTORY_SCOPE),
		family: s.family(m),
		hypothetical: s.forward('hypothetical', m, HISTORY_SCOPE)
	};
}

const counts = (c: Pick<Finding, 'negated' | 'historical' | 'family' | 'hypothetical'>): boolean =>
	!c.negated && !c.historical && !c.family && !c.hypothetical;

/** `counts(contextOf(m, s))`, asking each context only until one applies. */
const countsIn = (m: Mention, s: Scopes): boolean =>
	!s.forward('negationBefore', m, SCOPE_BEFORE) &&
	!s.backward('negationAfter', m, SCOPE_AFTER) &&
	!s.forward('historical', m, HISTORY_SCOPE) &&
	!s.backward('historicalAfter', m, HISTORY_SCOPE) &&
	!s.family(m) &&
	!s.forward('hypothetical', m, HISTORY_SCOPE);

/** How far inside its clause a site or modifier reaches to every finding. */
const CLAUSE_REACH = 8;

/**
 * Attaches each site and modifier to every finding of its clause within a few
 * words; failing that to the nearest finding of its sentence (order-free),
 * else to the findings of the sentence before ("My side hurts. It came on suddenly.").
 */
function attach(findings: Finding[], items: readonly Mention[], into: (f: Finding) => Mention[]): void {
	const distance = (f: Finding, m: Mention): number =>
		f.start >= m.end ? f.start - m.end : m.start >= f.end ? m.start - f.end : 0;
	const bySent = new Map<number, Finding[]>();
	for (const f of findings) {
		const list = bySent.get(f.sent);
		if (list) list.push(f);
		else bySent.set(f.sent, [f]);
	}
	for (const item of items) {
		let candidates = bySent.get(item.sent) ?? [];
		if (candidates.length === 0) candidates = bySent.get(item.sent - 1) ?? [];
		if (candidates.length === 0) continue;
		// Findings are in text order: look only around the item.
		let lo = 0;
		let hi = candidates.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (candidates[mid]!.start < item.start) lo = mid + 1;
			else hi = mid;
		}
		const near: Finding[] = [];
		for (let k = lo - 1; k >= 0 && near.length < 64; k--) {
			if (distance(candidates[k]!, item) > CLAUSE_REACH && near.length > 0) break;
			near.push(candidates[k]!);
		}
		for (let k = lo; k < candidates.length && near.length < 128; k++) {
			if (distance(candidates[k]!, item) > CLAUSE_REACH && near.length > 0) break;
			near.push(candidates[k]!);
		}
		const inClause = near.filter((f) => f.clause === item.clause && distance(f, item) <= CLAUSE_REACH);
		if (inClause.length > 0) {
			for (const f of inClause) into(f).push(item);
			continue;
		}
		const best = Math.min(...near.map((f) => distance(f, item)));
		for (const f of near) if (distance(f, item) === best) into(f).push(item);
	}
}

export function analyse(tokens: readonly Token[], mentions: readonly Mention[], vitals: VitalsData): Analysis {
	const scopes = new Scopes(mentions, tokens.length);
	const subjects = mentions.filter((m) => m.kind === 'subject' && countsIn(m, scopes));
	const whoAt = (start: number): string => {
		// Subjects are in text order: the last one before `start`.
		let lo = 0;
		let hi = subjects.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (subjects[mid]!.start < start) lo = mid + 1;
			else hi = mid;
		}
		return lo === 0 ? 'self' : subjects[lo - 1]!.id;
	};
	const positive = (kind: Mention['kind']): Mention[] => mentions.filter((m) => m.kind === kind && countsIn(m, scopes));
	const readings = readVitals(tokens, mentions, vitals);
	const findings: Finding[] = [];
	for (const m of mentions) {
		if (m.kind !== 'finding') continue;
		const c = contextOf(m, scopes);
		findings.push({
			id: m.id,
			start: m.start,
			end: m.end,
			sent: m.sent,
			clause: m.clause,
			negated: c.negated,
			historical: c.historical,
			family: c.family,
			hypothetical: c.hypothetical,
			who: whoAt(m.start),
			sites: [],
			modifiers: []
		});
	}
	for (const u of readings.unreadable) {
		findings.push({
			id: 'vital_unreadable',
			start: u.start,
			end: u.end,
			sent: u.sent,
			clause: tokens[u.start]?.clause ?? 0,
			negated: false,
			historical: false,
			family: false,
			hypothetical: false,
			who: whoAt(u.start),
			sites: [],
			modifiers: [],
			vital: u
		});
	}
	// A finding word inside a longer administrative phrase ("flu shot", "blood test", "skin check") is the
	// request, not a symptom; inside a vital-sign name ("blood pressure") it is the measurement's name.
	const adminAt: (Mention[] | undefined)[] = [];
	for (const m of mentions) {
		if (m.kind !== 'admin' && m.kind !== 'vitalCue') continue;
		(adminAt[m.start] ??= []).push(m);
	}
	const insideAdmin = (f: Finding): boolean => {
		for (let i = Math.max(0, f.start - MAX_PHRASE); i <= f.start && i < adminAt.length; i++) {
			const list = adminAt[i];
			if (list) for (const m of list) if (m.end >= f.end && m.end - m.start > f.end - f.start) return true;
		}
		return false;
	};
	const kept = adminAt.length === 0 ? findings : findings.filter((f) => !insideAdmin(f));
	const sites = positive('site');
	const modifiers = positive('modifier');
	const counted = kept.filter(counts);
	attach(counted, sites, (f) => f.sites);
	attach(counted, modifiers, (f) => f.modifiers);
	return {
		tokens,
		mentions,
		findings: kept,
		sites,
		modifiers,
		facts: positive('fact'),
		vitals: readings.readings,
		ages: readAges(tokens, mentions, subjects),
		subjects
	};
}

/* ---------- numbers ---------- */

function numberValue(t: Token): number | [number, number] | null {
	if (t.kind !== 'number') return null;
	const pair = /^(\d{2,3})\/(\d{2,3})$/.exec(t.norm);
	if (pair) return [Number(pair[1]), Number(pair[2])];
	const n = Number(t.norm.replace(',', '.'));
	return Number.isFinite(n) ? n : null;
}

const within = (v: number, [lo, hi]: readonly [number, number]): boolean => v >= lo && v <= hi;
const round1 = (v: number): number => Math.round(v * 10) / 10;

function readVitals(
	tokens: readonly Token[],
	mentions: readonly Mention[],
	data: VitalsData
): { readings: VitalReading[]; unreadable: VitalReading[] } {
	const readings: VitalReading[] = [];
	const unreadable: VitalReading[] = [];
	const cueEndingAt = new Map<number, Mention>();
	const cueStartingAt = new Map<number, Mention>();
	const unitStartingAt = new Map<number, Mention>();
	const timeUnitAt = new Set<number>();
	for (const m of mentions) {
		if (m.kind === 'vitalCue') {
			cueEndingAt.set(m.end, m);
			if (!cueStartingAt.has(m.start)) cueStartingAt.set(m.start, m);
		} else if (m.kind === 'unit' && !unitStartingAt.has(m.start)) unitStartingAt.set(m.start, m);
		else if (m.kind === 'ageUnit') timeUnitAt.add(m.start);
	}
	const p = data.plausible;
	const consumed = new Set<number>();
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (consumed.has(i)) continue;
		let value = numberValue(t);
		if (value === null) continue;
		let end = i + 1;
		const unitAt = (k: number): string | undefined => unitStartingAt.get(k)?.id;
		// "220 over 120", "220 sobre 120"
		if (typeof value === 'number' && unitAt(end) === 'over') {
			const next = tokens[end + 1] ? numberValue(tokens[end + 1]!) : null;
			if (typeof next === 'number') {
				value = [value, next];
				consumed.add(end + 1);
				end += 2;
			}
		}
		const unit = unitAt(end);
		if (unit && unit !== 'over') end = unitStartingAt.get(end)!.end;
		let cueBefore: Mention | undefined;
		for (let e = i; e >= Math.max(0, i - data.cueReach.before) && !cueBefore; e--) {
			const c = cueEndingAt.get(e);
			if (c && c.sent === t.sent) cueBefore = c;
		}
		// A cue after the number ("100.4 under the arm") only when no other number or unit of time stands between.
		let cueAfter: Mention | undefined;
		if (!timeUnitAt.has(end)) {
			for (let st = end; st <= end + data.cueReach.after && st < tokens.length; st++) {
				if (tokens[st]!.kind === 'number') break;
				const c = cueStartingAt.get(st);
				if (c && c.sent === t.sent) {
					cueAfter = c;
					break;
				}
			}
		}
		const cue = cueBefore ?? cueAfter;
		const from = cueBefore ? cueBefore.start : i;
		const to = cueAfter && !cueBefore ? cueAfter.end : end;
		const reading = (kind: VitalKind, v: number | [number, number]): void => {
			readings.push({ kind, value: v, evidence: quote(tokens, from, to), start: from, end: to, sent: t.sent });
		};
		const cannotRead = (kind: VitalKind): void => {
			unreadable.push({ kind, value, evidence: quote(tokens, from, to), start: from, end: to, sent: t.sent });
		};
		if (Array.isArray(value)) {
			const [sys, dia] = value;
			if (within(sys, p.systolic) && within(dia, p.diastolic) && sys > dia) reading('bp', value);
			else if (cue?.id === 'bp') cannotRead('bp');
			continue;
		}
		const v = value;
		const kind = cue?.id as VitalKind | undefined;
		if (kind === 'glucose' || unit === 'mmol') {
			const decimal = !Number.isInteger(v);
			if ((unit === 'mmol' || decimal) && within(v, p.glucoseMmol)) reading('glucose', Math.round(v * 18));
			else if (unit !== 'mmol' && !decimal && within(v, p.glucoseMgDl)) reading('glucose', v);
			else cannotRead('glucose');
			continue;
		}
		if (unit === 'fahrenheit' || unit === 'celsius' || kind === 'temperature') {
			if (unit !== 'celsius' && within(v, p.temperatureF)) reading('temperature', round1(((v - 32) * 5) / 9));
			else if (unit !== 'fahrenheit' && within(v, p.temperatureC)) reading('temperature', v);
			else if (kind === 'temperature' || unit) cannotRead('temperature');
			continue;
		}
		if (kind === 'spo2') {
			if (within(v, p.spo2)) reading('spo2', v);
			else cannotRead('spo2');
			continue;
		}
		if (kind === 'heart_rate') {
			if (within(v, p.heartRate)) reading('heart_rate', v);
			else cannotRead('heart_rate');
			continue;
		}
		if (kind === 'bp') {
			// A lone systolic ("bp 210"): read it as a systolic with an unknown diastolic.
			if (within(v, p.systolic)) reading('bp', [v, 0]);
			else cannotRead('bp');
			continue;
		}
		if (kind === 'pill_count' && unit === undefined && within(v, p.pillCount)) reading('pill_count', v);
	}
	return { readings, unreadable };
}

/* ---------- ages ---------- */

const AGE_UNIT_YEARS: Record<string, number> = { days: 1 / 365, weeks: 1 / 52, months: 1 / 12, years: 1 };
const OLD = new Set(['old', 'of', 'de', 'nacido', 'nacida', 'edad']);
const AGE_LEAD = new Set(['aged', 'age', 'edad', 'tiene', 'tengo', 'tenia', 'cumplio']);

function readAges(
	tokens: readonly Token[],
	mentions: readonly Mention[],
	subjects: readonly Mention[]
): Analysis['ages'] {
	const ages: Analysis['ages'] = [];
	const unitAt = new Map(mentions.filter((m) => m.kind === 'ageUnit').map((m) => [m.start, m]));
	const subjectEnds = new Set(subjects.map((s) => s.end));
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		const v = numberValue(t);
		if (typeof v !== 'number' || v < 0 || v > 120) continue;
		let k = i + 1;
		while (tokens[k]?.norm === '-') k++;
		const unit = unitAt.get(k);
		const prev = tokens[i - 1]?.norm ?? '';
		if (unit) {
			let after = unit.end;
			while (tokens[after]?.norm === '-') after++;
			const next = tokens[after]?.norm ?? '';
			const prev2 = tokens[i - 2]?.norm ?? '';
			// "3 week old", "6-week-old", "80 años de edad", "tiene 80 años", "mi abuela de 80 años"
			const isAge =
				next === 'old' ||
				(OLD.has(next) && tokens[after + 1]?.norm !== undefined && OLD.has(tokens[after + 1]!.norm)) ||
				(unit.id === 'years' && (AGE_LEAD.has(prev) || (prev === 'de' && subjectEnds.has(i - 1)))) ||
				(prev === 'de' && subjectEnds.has(i - 1)) ||
				(AGE_LEAD.has(prev2) && prev === 'de');
			if (isAge)
				ages.push({
					years: v * AGE_UNIT_YEARS[unit.id]!,
					evidence: quote(tokens, i, Math.min(tokens.length, after + 1))
				});
			continue;
		}
		const next = tokens[i + 1]?.norm ?? '';
		// "my father, 91,", "aged 91", "91 yo"
		const afterSubject =
			subjectEnds.has(i) || ((prev === ',' || prev === 'is' || prev === 'tiene') && subjectEnds.has(i - 1));
		if ((afterSubject && v >= 1) || AGE_LEAD.has(prev) || next === 'yo' || next === 'y/o' || next === 'yr') {
			ages.push({ years: v, evidence: quote(tokens, Math.max(0, i - 1), i + 2) });
		}
	}
	return ages;
}
