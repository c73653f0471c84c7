/**
 * Evaluates a rule set against one report. The level is the maximum over
 * independently fired rules, so extra text can only add rules (monotonic).
 * Two deliberate exceptions, both required by the labelling policy: an
 * explicit retraction of a single ticked checklist box ("clicked the wrong
 * box") turns that box's emergency into urgent (a clinician confirms), and a
 * report with no clinical content at all becomes admin when it asks for
 * something administrative.
 */
import { compileLexicon, analyse, type Analysis, type Hit } from './matcher';
import {
	EMERGENCY_SCREEN_IDS,
	TRIAGE_LEVELS,
	levelRank,
	type Condition,
	type FiredRule,
	type Rule,
	type RuleSet,
	type TriageDecision,
	type TriageInput
} from './types';

type Evidence = string[] | null;

const MAX_SIGNAL_EVIDENCE = 3;

/** Per-rule-set facts computed once. */
interface Prepared {
	order: ReadonlyMap<string, number>;
	crisisIds: ReadonlySet<string>;
	signals: readonly (readonly [string, 'positive' | 'mention'])[];
}
const preparedCache = new WeakMap<RuleSet, Prepared>();
function prepare(ruleSet: RuleSet): Prepared {
	let p = preparedCache.get(ruleSet);
	if (!p) {
		const signals: [string, 'positive' | 'mention'][] = [];
		for (const [id, def] of Object.entries(ruleSet.lexicon)) if (def.signal) signals.push([id, def.signal]);
		p = {
			order: new Map(ruleSet.rules.map((r, i) => [r.id, i])),
			crisisIds: new Set(ruleSet.rules.filter((r) => r.crisisLine).map((r) => r.id)),
			signals
		};
		preparedCache.set(ruleSet, p);
	}
	return p;
}

class Context {
	clinicalRuleFired = false;
	private signalEvidence: string[] | null = null;

	constructor(
		readonly input: TriageInput,
		readonly analysis: Analysis,
		readonly prepared: Prepared
	) {}

	hits(concept: string): readonly Hit[] {
		return this.analysis.concepts.get(concept)?.positive ?? [];
	}

	/** Text mentions that make a report clinical, plus structured answers that do. */
	clinicalSignalEvidence(): string[] {
		if (this.signalEvidence) return this.signalEvidence;
		const out: string[] = [];
		for (const [id, signal] of this.prepared.signals) {
			const hits = this.analysis.concepts.get(id);
			const hit = signal === 'mention' ? hits?.all[0] : hits?.positive[0];
			if (hit) out.push(...hit.evidence);
			if (out.length >= MAX_SIGNAL_EVIDENCE) break;
		}
		const { severity, emergencyScreen } = this.input;
		if (severity !== null && severity >= 3) out.push(`severity: ${severity}/10`);
		for (const id of emergencyScreen) out.push(`checklist: ${id}`);
		this.signalEvidence = out;
		return out;
	}

	pregnancy(kind: 'confirmed' | 'possible'): Evidence {
		if (this.input.pregnant === true) return ['pregnant: yes'];
		const stated = this.hits('pregnant')[0];
		if (stated) return [...stated.evidence];
		if (kind === 'confirmed' || this.input.sex === 'male') return null;
		const late = this.hits('late_period')[0];
		return late ? [...late.evidence] : null;
	}

	evaluate(c: Condition): Evidence {
		if ('concept' in c) {
			const hit = this.hits(c.concept)[0];
			return hit ? [...hit.evidence] : null;
		}
		if ('mentioned' in c) {
			const hit = this.analysis.concepts.get(c.mentioned)?.all[0];
			return hit ? [...hit.evidence] : null;
		}
		if ('screen' in c) return this.input.emergencyScreen.includes(c.screen) ? [`checklist: ${c.screen}`] : null;
		if ('anyScreen' in c) {
			const ticked = this.input.emergencyScreen;
			return ticked.length > 0 ? ticked.map((id) => `checklist: ${id}`) : null;
		}
		if ('screenCountAtMost' in c) return new Set(this.input.emergencyScreen).size <= c.screenCountAtMost ? [] : null;
		if ('ageBelow' in c) {
			const age = this.input.ageYears;
			return age !== null && age < c.ageBelow ? [`age: ${age} years`] : null;
		}
		if ('ageAtLeast' in c) {
			const age = this.input.ageYears;
			return age !== null && age >= c.ageAtLeast ? [`age: ${age} years`] : null;
		}
		if ('pregnancy' in c) return this.pregnancy(c.pregnancy);
		if ('sex' in c) return this.input.sex === c.sex ? [`sex: ${c.sex}`] : null;
		if ('severityAtLeast' in c) {
			const s = this.input.severity;
			return s !== null && s >= c.severityAtLeast ? [`severity: ${s}/10`] : null;
		}
		if ('clinicalSignal' in c) {
			const evidence = this.clinicalSignalEvidence();
			const clinical = this.clinicalRuleFired || evidence.length > 0;
			if (clinical !== c.clinicalSignal) return null;
			return clinical ? evidence.slice(0, MAX_SIGNAL_EVIDENCE) : [];
		}
		if ('all' in c) {
			const out: string[] = [];
			for (const part of c.all) {
				const e = this.evaluate(part);
				if (e === null) return null;
				out.push(...e);
			}
			return out;
		}
		if ('any' in c) {
			for (const part of c.any) {
				const e = this.evaluate(part);
				if (e !== null) return e;
			}
			return null;
		}
		return this.evaluate(c.not) === null ? [] : null;
	}
}

function fire(rule: Rule, evidence: string[]): FiredRule {
	const unique = [...new Set(evidence)];
	const quoted = unique.map((e) => `'${e}'`).join(' + ');
	return {
		id: rule.id,
		level: rule.level,
		patientText: rule.patientText,
		clinicianText: quoted ? `${quoted} → ${rule.clinician}` : rule.clinician,
		evidence: unique
	};
}

const NO_RULE: Rule = {
	id: 'engine.no_rule_fired',
	level: 'routine',
	when: { all: [] },
	clinician: 'no rule of this rule set fired; a person must read the report',
	reason: 'A report is never left without a reason or below routine by accident.',
	patientText: 'Thanks for your message. The care team will reply within one business day.',
	source: 'Engine safety net for incomplete candidate rule sets.'
};

const KNOWN_SCREEN_IDS: ReadonlySet<string> = new Set(EMERGENCY_SCREEN_IDS);

function sanitise(input: TriageInput): TriageInput {
	const known = KNOWN_SCREEN_IDS;
	const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
	return {
		text: typeof input.text === 'string' ? input.text : '',
		emergencyScreen: Array.isArray(input.emergencyScreen) ? input.emergencyScreen.filter((id) => known.has(id)) : [],
		ageYears: num(input.ageYears),
		sex: input.sex ?? null,
		pregnant: typeof input.pregnant === 'boolean' ? input.pregnant : null,
		severity: num(input.severity),
		durationHours: num(input.durationHours)
	};
}

export function evaluateRuleSet(rawInput: TriageInput, ruleSet: RuleSet): TriageDecision {
	const input = sanitise(rawInput);
	const analysis = analyse(input.text, compileLexicon(ruleSet.lexicon));
	const prepared = prepare(ruleSet);
	const ctx = new Context(input, analysis, prepared);
	const fired: FiredRule[] = [];
	const pass = (accept: (rule: Rule) => boolean): void => {
		for (const rule of ruleSet.rules) {
			if (!accept(rule)) continue;
			const evidence = ctx.evaluate(rule.when);
			if (evidence !== null) fired.push(fire(rule, evidence));
		}
	};
	pass((r) => !r.fallback && r.level !== 'admin');
	ctx.clinicalRuleFired = fired.length > 0;
	if (fired.length === 0) pass((r) => !r.fallback && r.level === 'admin');
	if (fired.length === 0) pass((r) => r.fallback === true);
	if (fired.length === 0) fired.push(fire(NO_RULE, []));

	const { order, crisisIds } = prepared;
	fired.sort((a, b) => levelRank(b.level) - levelRank(a.level) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
	const level = fired[0]?.level ?? TRIAGE_LEVELS[1];
	return {
		level,
		reasons: fired,
		ruleSetVersion: ruleSet.version,
		crisisLine: fired.some((r) => crisisIds.has(r.id))
	};
}
