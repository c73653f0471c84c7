/**
 * Evaluates the rule data against one report. Rules are independent; the
 * level is the maximum over every rule that fired, so more text can only add
 * findings and rules (monotonic). Then the general uplifts, then the safe
 * default: a clinical finding that no rule explains, or words the engine
 * cannot place, go to a clinician; admin needs every content word to be
 * administrative.
 */
import { type Analysis, type Finding, analyse } from './analyse';
import { findMentions, prepare, type Mention } from './lexicon';
import type { CompiledRuleSet } from './ruleset';
import type { Condition, RuleDef } from './schema';
import { quote } from './text';
import {
	EMERGENCY_SCREEN_IDS,
	levelRank,
	type FiredRule,
	type Lang,
	type TriageDecision,
	type TriageInput,
	type TriageLevel
} from './types';

/** Words of the report, quoted only if the rule fires (most partial matches are never shown). */
type Span = { start: number; end: number };

/** What a condition matched: its evidence (text, or words to quote), and the findings it used. */
interface Match {
	evidence: (string | Span)[];
	findings: Finding[];
}

const NONE: Match = { evidence: [], findings: [] };

class Evaluation {
	private readonly memo = new Map<string, Match | null>();
	readonly ages: { years: number; evidence: string }[];

	constructor(
		readonly input: TriageInput,
		readonly a: Analysis,
		readonly rs: CompiledRuleSet
	) {
		this.ages = [...a.ages];
		if (input.ageYears !== null)
			this.ages.push({ years: input.ageYears, evidence: `age: ${formatAge(input.ageYears)}` });
		for (const s of a.subjects) {
			const min = rs.concepts.subjects[s.id]?.minAge;
			if (min !== undefined) this.ages.push({ years: min, evidence: this.q(s) });
		}
		const newborn = a.facts.find((f) => f.id === 'newborn');
		if (newborn) this.ages.push({ years: 0.02, evidence: this.q(newborn) });
	}

	/** The trigger keys this report has (see `triggersOf` in ruleset.ts), marked by their number. */
	present(): Uint8Array {
		const { input, a, rs } = this;
		const keys = new Uint8Array(rs.triggerCount);
		const mark = (kind: string, id = ''): void => {
			const n = rs.triggerIdsByKind.get(kind)?.get(id);
			if (n !== undefined) keys[n] = 1;
		};
		for (const f of this.counted()) mark('f', f.id);
		if (this.counted().length > 0) mark('f');
		for (const s of a.sites) for (const anc of rs.siteAncestors(s.id)) mark('s', anc);
		for (const m of a.modifiers) mark('m', m.id);
		for (const f of a.facts) mark('x', f.id);
		for (const v of a.vitals) mark('v', v.kind);
		for (const s of input.emergencyScreen) mark('sc', s);
		if (input.emergencyScreen.length > 0) mark('sc');
		if (input.pregnant === true) mark('in', 'pregnant');
		return keys;
	}

	q(m: { start: number; end: number }): string {
		return quote(this.a.tokens, m.start, m.end);
	}

	private countedCache: Finding[] | null = null;
	private byIdCache: Map<string, Finding[]> | null = null;

	/** The findings that count: present, the patient's or a relative's, not denied, past or family history. */
	counted(): Finding[] {
		this.countedCache ??= this.a.findings.filter(
			(f) =>
				!f.negated &&
				!f.historical &&
				!f.family &&
				(!f.hypothetical || this.rs.findingConcept(f.id)?.hypotheticalCounts === true)
		);
		return this.countedCache;
	}

	countedById(id: string): readonly Finding[] {
		if (!this.byIdCache) {
			this.byIdCache = new Map();
			for (const f of this.counted()) {
				const list = this.byIdCache.get(f.id);
				if (list) list.push(f);
				else this.byIdCache.set(f.id, [f]);
			}
		}
		return this.byIdCache.get(id) ?? [];
	}

	private hasSite(f: Finding, wanted: string | readonly string[]): Mention | 'intrinsic' | null {
		const intrinsic = this.rs.findingConcept(f.id)?.site;
		if (intrinsic && this.siteIn(intrinsic, wanted)) return 'intrinsic';
		for (const s of f.sites) if (this.siteIn(s.id, wanted)) return s;
		return null;
	}

	private siteIn(s: string, wanted: string | readonly string[]): boolean {
		if (typeof wanted === 'string') return this.rs.isSite(s, wanted);
		for (const w of wanted) if (this.rs.isSite(s, w)) return true;
		return false;
	}

	/** Findings established as `id` by their own words or by one of the finding's `also` definitions. */
	private findingMatches(c: Extract<Condition, { finding: string }>): Match | null {
		const sites = c.site;
		const mods = c.modifier;
		let found: Match | null = null;
		for (const f of this.countedById(c.finding)) {
			const site = sites === undefined ? 'intrinsic' : this.hasSite(f, sites);
			if (!site) continue;
			const mod =
				mods === undefined
					? undefined
					: f.modifiers.find((m) => (typeof mods === 'string' ? m.id === mods : mods.includes(m.id)));
			if (mods !== undefined && !mod) continue;
			if (found) {
				found.findings.push(f);
				continue;
			}
			const evidence: (string | Span)[] = [f.vital ? f.vital.evidence : f];
			if (site !== 'intrinsic') evidence.push(site);
			if (mod) evidence.push(mod);
			found = { evidence, findings: [f] };
		}
		if (found) return found;
		const refined = sites !== undefined || mods !== undefined;
		for (const alt of this.rs.findingConcept(c.finding)?.also ?? []) {
			// An `also` definition stands for the finding itself; the rule's site/modifier still apply.
			if ('finding' in alt && refined) {
				const m = this.findingMatches({
					finding: alt.finding,
					site: sites ?? alt.site,
					modifier: mods ?? alt.modifier
				});
				if (m && (!alt.site || sites === undefined || m.findings.some((f) => this.hasSite(f, alt.site!)))) return m;
				continue;
			}
			if (refined) continue;
			const m = this.eval(alt);
			if (m) return m;
		}
		return null;
	}

	/** Plain findings recur (in `also` definitions, in several rules): their answers are kept. */
	eval(c: Condition): Match | null {
		if (!('finding' in c) || c.site !== undefined || c.modifier !== undefined) return this.evalUncached(c);
		const cached = this.memo.get(c.finding);
		if (cached !== undefined) return cached;
		const result = this.findingMatches(c);
		this.memo.set(c.finding, result);
		return result;
	}

	private evalUncached(c: Condition): Match | null {
		const { input, a } = this;
		if ('finding' in c) return this.findingMatches(c);
		if ('site' in c) {
			const s = a.sites.find((m) => this.rs.isSite(m.id, c.site));
			return s ? { evidence: [s], findings: [] } : null;
		}
		if ('modifier' in c) {
			const m = a.modifiers.find((x) => x.id === c.modifier);
			return m ? { evidence: [m], findings: [] } : null;
		}
		if ('fact' in c) return this.fact(c.fact);
		if ('vital' in c) {
			for (const r of a.vitals) {
				if (r.kind !== c.vital) continue;
				if (c.atLeast !== undefined && !meets(r.value, c.atLeast, (v, t) => v >= t)) continue;
				if (c.below !== undefined && !meets(r.value, c.below, (v, t) => v > 0 && v < t)) continue;
				return { evidence: [r.evidence], findings: [] };
			}
			return null;
		}
		if ('age' in c) {
			const hit = this.ages.find(
				(x) =>
					(c.age.below === undefined || x.years < c.age.below) &&
					(c.age.atLeast === undefined || x.years >= c.age.atLeast)
			);
			return hit ? { evidence: [hit.evidence], findings: [] } : null;
		}
		if ('sex' in c) return input.sex === c.sex ? { evidence: [`sex: ${c.sex}`], findings: [] } : null;
		if ('screen' in c)
			return input.emergencyScreen.includes(c.screen) ? { evidence: [`checklist: ${c.screen}`], findings: [] } : null;
		if ('anyScreen' in c) {
			return input.emergencyScreen.length > 0
				? { evidence: input.emergencyScreen.map((s) => `checklist: ${s}`), findings: [] }
				: null;
		}
		if ('screenCountAtMost' in c) return new Set(input.emergencyScreen).size <= c.screenCountAtMost ? NONE : null;
		if ('severityAtLeast' in c) {
			const s = input.severity;
			return s !== null && s >= c.severityAtLeast ? { evidence: [`severity: ${s}/10`], findings: [] } : null;
		}
		if ('anyClinicalFinding' in c) {
			const all = this.counted();
			return all.length > 0 ? { evidence: [all[0]!], findings: all } : null;
		}
		if ('all' in c) {
			const out: Match = { evidence: [], findings: [] };
			for (const part of c.all) {
				const m = this.eval(part);
				if (!m) return null;
				out.evidence.push(...m.evidence);
				out.findings.push(...m.findings);
			}
			return out;
		}
		if ('any' in c) {
			// Every branch that holds contributes the findings it explains; the first one quotes the evidence.
			let out: Match | null = null;
			for (const part of c.any) {
				const m = this.eval(part);
				if (!m) continue;
				if (!out) out = { evidence: [...m.evidence], findings: [...m.findings] };
				else out.findings.push(...m.findings);
			}
			return out;
		}
		return this.eval(c.not) ? null : NONE;
	}

	private fact(id: string): Match | null {
		const { input, a } = this;
		const text = (fid: string): Match | null => {
			const m = a.facts.find((f) => f.id === fid);
			return m ? { evidence: [m], findings: [] } : null;
		};
		if (id === 'pregnant')
			return input.pregnant === true ? { evidence: ['pregnant: yes'], findings: [] } : text('pregnancy');
		if (id === 'possibly_pregnant') {
			const confirmed = this.fact('pregnant');
			if (confirmed) return confirmed;
			if (input.pregnant === false || input.sex === 'male') return null;
			return text('late_period');
		}
		return text(id);
	}
}

/** Does every clause have one of its trigger keys present? */
function holds(clauses: readonly Int32Array[], present: Uint8Array): boolean {
	outer: for (const clause of clauses) {
		for (let k = 0; k < clause.length; k++) if (present[clause[k]!] === 1) continue outer;
		return false;
	}
	return true;
}

function meets(
	value: number | [number, number],
	t: number | [number, number],
	ok: (v: number, t: number) => boolean
): boolean {
	if (Array.isArray(value)) {
		const [sys, dia] = value;
		const [ts, td] = Array.isArray(t) ? t : [t, Number.NaN];
		return ok(sys, ts) || (!Number.isNaN(td) && dia > 0 && ok(dia, td));
	}
	return ok(value, Array.isArray(t) ? t[0] : t);
}

function formatAge(years: number): string {
	if (years < 1 / 12) return `${Math.round(years * 365)} days`;
	if (years < 2) return `${Math.round(years * 12)} months`;
	return `${years} years`;
}

const KNOWN_SCREEN_IDS: ReadonlySet<string> = new Set(EMERGENCY_SCREEN_IDS);

function sanitise(input: TriageInput): TriageInput {
	const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
	return {
		text: typeof input.text === 'string' ? input.text : '',
		emergencyScreen: Array.isArray(input.emergencyScreen)
			? input.emergencyScreen.filter((id) => KNOWN_SCREEN_IDS.has(id))
			: [],
		ageYears: num(input.ageYears),
		sex: input.sex ?? null,
		pregnant: typeof input.pregnant === 'boolean' ? input.pregnant : null,
		severity: num(input.severity),
		durationHours: num(input.durationHours),
		lang: input.lang === 'es' ? 'es' : 'en'
	};
}

interface Fired {
	rule: Pick<RuleDef, 'id' | 'level' | 'clinician' | 'patient' | 'crisisLine' | 'tags'>;
	match: Match;
}

function toFiredRule(f: Fired, rs: CompiledRuleSet, lang: Lang, quoteOf: (s: Span) => string): FiredRule {
	const evidence = [...new Set(f.match.evidence.map((e) => (typeof e === 'string' ? e : quoteOf(e))))];
	const quoted = evidence.map((e) => (e.includes(':') ? e : `“${e}”`)).join(' + ');
	const patient =
		f.rule.patient?.[lang] ?? (f.rule.crisisLine ? rs.levelText.crisis[lang] : rs.levelText[f.rule.level][lang]);
	return {
		id: f.rule.id,
		level: f.rule.level,
		patientText: patient,
		clinicianText: quoted ? `${f.rule.clinician}: ${quoted}` : f.rule.clinician,
		evidence
	};
}

/**
 * Words the engine does not know, in sentences where it recognised no finding. An admin word does
 * not place a sentence: a request is admin only when every other word is accounted for too.
 */
function unplacedSentences(a: Analysis, rs: CompiledRuleSet): string[] {
	const covered = new Uint8Array(a.tokens.length);
	const placed = new Set<number>();
	for (const m of a.mentions) {
		covered.fill(1, m.start, m.end);
		if (m.kind === 'finding') placed.add(m.sent);
	}
	for (const v of a.vitals) {
		covered.fill(1, v.start, v.end);
		placed.add(v.sent);
	}
	for (const f of a.findings) placed.add(f.sent);
	const out: string[] = [];
	a.tokens.forEach((t, i) => {
		if (
			placed.has(t.sent) ||
			covered[i] ||
			t.kind !== 'word' ||
			t.capital ||
			rs.stopWords.has(t.norm) ||
			t.norm.startsWith("'")
		)
			return;
		if (t.corrected?.some((c) => rs.stopWords.has(c))) return;
		if (i > 0 && rs.nameLeads.has(a.tokens[i - 1]!.norm)) return;
		out.push(t.raw);
	});
	return out;
}

export function evaluate(rawInput: TriageInput, rs: CompiledRuleSet): TriageDecision {
	const input = sanitise(rawInput);
	const tokens = prepare(input.text, rs.lexicon);
	return decideOn(input, analyse(tokens, findMentions(tokens, rs.lexicon), rs.vitals), rs);
}

/** The decision over an analysed report: the rules, the uplifts, then the safe defaults. */
function decideOn(input: TriageInput, a: Analysis, rs: CompiledRuleSet): TriageDecision {
	const lang = input.lang ?? 'en';
	const mentions = a.mentions;
	const ev = new Evaluation(input, a, rs);

	const fired: Fired[] = [];
	const present = ev.present();
	for (let i = 0; i < rs.rules.length; i++) {
		const rule = rs.rules[i]!;
		const triggers = rs.triggers[i];
		if (!holds(triggers!, present)) continue;
		const match = ev.eval(rule.when);
		if (match) fired.push({ rule, match });
	}
	for (const u of rs.uplifts) {
		const base = fired.find((f) => f.rule.tags?.includes(u.ifTag));
		if (!base) continue;
		const match = ev.eval(u.when);
		if (match)
			fired.push({
				rule: u,
				match: { evidence: [...base.match.evidence, ...match.evidence], findings: base.match.findings }
			});
	}

	const d = rs.defaults;
	// A finding inside the words of an explained one ("pain" in "pain when I pee") is explained too.
	const explainedWords = new Uint8Array(a.tokens.length + 1);
	for (const f of fired)
		for (const e of f.match.findings) explainedWords.fill(1, e.start, Math.max(e.end, e.start + 1));
	const unexplained = ev
		.counted()
		.filter((f) => !explainedWords.subarray(f.start, Math.max(f.end, f.start + 1)).some((x) => x === 1));
	if (unexplained.length > 0) {
		fired.push({
			rule: { id: 'engine.unexplained_finding', ...d.unexplainedFinding },
			match: {
				evidence: unexplained.slice(0, 3).map((f) => (f.vital ? f.vital.evidence : f)),
				findings: unexplained
			}
		});
	}
	// A sentence the engine cannot place (words it does not know, and no finding or request it
	// recognises) goes to a clinician, whatever else was said: judged per sentence, so text
	// appended later never lowers it.
	const unknown = fired.some((f) => levelRank(f.rule.level) >= levelRank('urgent')) ? [] : unplacedSentences(a, rs);
	if (unknown.length > 0) {
		fired.push({
			rule: { id: 'engine.not_understood', ...d.notUnderstood },
			match: { evidence: unknown.slice(0, 5), findings: [] }
		});
	}
	if (fired.length === 0) {
		// Mentioned only to deny it, as past or family history, or as a "what if": clinical, not admin.
		const denied = a.findings.find((f) => f.negated || f.family || f.historical || f.hypothetical);
		const admin = mentions.find((m) => m.kind === 'admin');
		if (denied) {
			fired.push({
				rule: { id: 'engine.reassured', ...d.reassured },
				match: { evidence: [denied], findings: [] }
			});
		} else if (admin) {
			fired.push({ rule: { id: 'engine.admin', ...d.admin }, match: { evidence: [admin], findings: [] } });
		} else {
			fired.push({ rule: { id: 'engine.empty', ...d.empty }, match: NONE });
		}
	}

	// Reasons share findings: each is quoted once.
	const quotes = new Map<Span, string>();
	const quoteOf = (sp: Span): string => {
		let q = quotes.get(sp);
		if (q === undefined) quotes.set(sp, (q = quote(a.tokens, sp.start, sp.end)));
		return q;
	};
	const reasons = fired
		.map((f) => toFiredRule(f, rs, lang, quoteOf))
		.sort((x, y) => levelRank(y.level) - levelRank(x.level) || rs.order(x.id) - rs.order(y.id));
	const level: TriageLevel = reasons[0]!.level;
	return {
		level,
		reasons,
		ruleSetVersion: rs.version,
		crisisLine: fired.some((f) => f.rule.crisisLine === true)
	};
}
