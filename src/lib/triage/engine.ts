/**
 * Evaluates the rule data against one report. Rules are independent; the
 * level is the maximum over every rule that fired, so more text can only add
 * findings and rules (monotonic). Then the general uplifts, then the safe
 * default: a clinical finding that no rule explains, or words the engine
 * cannot place, go to a clinician; admin needs every content word to be
 * administrative.
 */
import { type Analysis, type Finding, analyse } from './analyse';
import { Evaluation, NONE, type Match, type Span } from './evaluation';
import { findMentions, prepare } from './lexicon';
import type { CompiledRuleSet } from './ruleset';
import type { RuleDef } from './schema';
import { quote } from './text';
import { addTold } from './told';
import {
	ANSWERS,
	EMERGENCY_SCREEN_IDS,
	SUBJECTS,
	levelRank,
	type Answer,
	type Measurements,
	type FiredRule,
	type Lang,
	type TriageDecision,
	type TriageInput,
	type TriageLevel
} from './types';

/** Does every clause have one of its trigger keys present? */
function holds(clauses: readonly Int32Array[], present: Uint8Array): boolean {
	outer: for (const clause of clauses) {
		for (let k = 0; k < clause.length; k++) if (present[clause[k]!] === 1) continue outer;
		return false;
	}
	return true;
}

const KNOWN_SCREEN_IDS: ReadonlySet<string> = new Set(EMERGENCY_SCREEN_IDS);

function sanitise(input: TriageInput): TriageInput {
	const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
	const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
	const subject = (SUBJECTS as readonly unknown[]).includes(input.subject) ? input.subject! : 'self';
	const answers: Record<string, Answer> = {};
	if (input.answers && typeof input.answers === 'object')
		for (const [id, a] of Object.entries(input.answers))
			if ((ANSWERS as readonly unknown[]).includes(a)) answers[id] = a;
	const measurements: Measurements = {};
	if (input.measurements && typeof input.measurements === 'object')
		for (const k of ['temperatureC', 'glucoseMgDl', 'systolic', 'diastolic', 'spo2'] as const) {
			const v = num(input.measurements[k]);
			if (v !== null) measurements[k] = v;
		}
	return {
		text: typeof input.text === 'string' ? input.text : '',
		emergencyScreen: Array.isArray(input.emergencyScreen)
			? input.emergencyScreen.filter((id) => KNOWN_SCREEN_IDS.has(id))
			: [],
		// About someone else: the profile's age is not theirs; the age given for them counts instead.
		ageYears: subject === 'self' ? num(input.ageYears) : num(input.subjectAgeYears),
		sex: input.sex ?? null,
		pregnant: typeof input.pregnant === 'boolean' ? input.pregnant : null,
		severity: num(input.severity),
		durationHours: num(input.durationHours),
		lang: input.lang === 'es' ? 'es' : 'en',
		answers,
		complaints: ids(input.complaints),
		subject,
		subjectAgeYears: num(input.subjectAgeYears),
		riskFactors: ids(input.riskFactors),
		measurements
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
	const { input, analysis } = readReport(rawInput, rs);
	return decideOn(input, analysis, rs);
}

/** A report read: its text analysed, and what the form told added to it. */
export function readReport(rawInput: TriageInput, rs: CompiledRuleSet): { input: TriageInput; analysis: Analysis } {
	const input = sanitise(rawInput);
	const tokens = prepare(input.text, rs.lexicon);
	const analysis = analyse(tokens, findMentions(tokens, rs.lexicon), rs.vitals);
	addTold(input, analysis, rs);
	return { input, analysis };
}

/** The decision over an analysed report: the rules, the uplifts, then the safe defaults. */
export function decideOn(input: TriageInput, a: Analysis, rs: CompiledRuleSet): TriageDecision {
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
	// Findings told on the form have no words: they are explained one by one.
	const explainedWords = new Uint8Array(a.tokens.length + 1);
	const explainedTold = new Set<Finding>();
	for (const f of fired)
		for (const e of f.match.findings)
			if (e.said === undefined) explainedWords.fill(1, e.start, Math.max(e.end, e.start + 1));
			else explainedTold.add(e);
	const wordsExplained = (from: number, to: number): boolean => {
		for (let i = from; i < to && i < explainedWords.length; i++) if (explainedWords[i] === 1) return true;
		return false;
	};
	const unexplained = ev
		.counted()
		.filter((f) =>
			f.said === undefined ? !wordsExplained(f.start, Math.max(f.end, f.start + 1)) : !explainedTold.has(f)
		);
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
		if (q === undefined) quotes.set(sp, (q = sp.said ?? quote(a.tokens, sp.start, sp.end)));
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
