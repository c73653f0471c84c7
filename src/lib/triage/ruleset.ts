/**
 * A rule set is the compiled form of one data directory. Its version is the
 * SHA-256 of the data's canonical JSON, of the NLP model's name and version,
 * and of the matching code's own version (ENGINE_VERSION), so a stored
 * decision names exactly the words, rules and code that made it.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { compileLexicons, type CompiledLexicon } from './lexicon';
import type {
	Concepts,
	Condition,
	FamilyDef,
	QuestionDef,
	RiskFactorDef,
	RuleData,
	RuleDef,
	RulesFile,
	UpliftDef,
	VitalsData
} from './schema';
import { fold } from './text';

/**
 * Bump when the engine's matching or scoring code changes behaviour (the data
 * hash covers everything else). engine-version.test.ts fails until you do.
 */
export const ENGINE_VERSION = 'findings-6';

export interface CompiledRuleSet {
	version: string;
	data: RuleData;
	concepts: Concepts;
	lexicon: CompiledLexicon;
	vitals: VitalsData;
	rules: readonly RuleDef[];
	/**
	 * Per rule, the clauses of facts it needs (see `triggersOf`): the engine skips a rule when some
	 * clause has none of its facts present. No clauses: the rule may fire on anything.
	 */
	triggers: readonly (readonly Int32Array[])[];
	/** How many distinct trigger keys the rules need: a report's keys are marked in an array that long. */
	triggerCount: number;
	/** Each trigger key's number, by the key's kind ("f", "s", …) and then its id, so no key string is built per report. */
	triggerIdsByKind: ReadonlyMap<string, ReadonlyMap<string, number>>;
	uplifts: readonly UpliftDef[];
	defaults: RulesFile['defaults'];
	levelText: RulesFile['levelText'];
	stopWords: ReadonlySet<string>;
	/** Words after which the next word is a name ("dr", "this is"). */
	nameLeads: ReadonlySet<string>;
	/** Is site `s` the site `ancestor` or inside it (rib ⊂ chest wall ⊂ chest)? */
	isSite(s: string, ancestor: string): boolean;
	/** A finding's concept (its intrinsic site, `also` definitions), looked up in a Map rather than the JSON object. */
	findingConcept(id: string): Concepts['findings'][string] | undefined;
	/** Site `s` and every site it is inside. */
	siteAncestors(s: string): ReadonlySet<string>;
	/** Position of a rule in the data file, for a stable order of reasons. */
	order(id: string): number;
	/** The question step (data/questions.json). */
	questions: {
		maxQuestions: number;
		families: readonly FamilyDef[];
		byId: ReadonlyMap<string, { question: QuestionDef; family: FamilyDef }>;
		riskFactors: ReadonlyMap<string, RiskFactorDef>;
	};
}

/** The public name: a compiled rule set is what `triage()` takes. */
export type RuleSet = CompiledRuleSet;

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export function ruleSetVersion(data: RuleData): string {
	const bytes = new TextEncoder().encode(canonical({ data, engine: ENGINE_VERSION }));
	return `rs-${encodeHexLowerCase(sha256(bytes)).slice(0, 16)}`;
}

/**
 * Trigger keys a condition needs, as clauses that must all hold, each met by any one of its keys:
 * `f:<finding>` (counted), `f` (any counted finding), `s:<site>` (a site mention inside it),
 * `m:<modifier>`, `x:<fact>`, `v:<vital kind>`, `sc:<screen id>`, `sc` (any box ticked),
 * `in:pregnant` (the form says pregnant). No clauses means the condition can hold without any
 * of them (an age, a sex, a `not`). Sound by construction: an `all` needs every part's clauses,
 * an `any` one clause made of a clause of each part, a finding also its `also` definitions'.
 */
export function triggersOf(c: Condition, concepts: Concepts, seen: ReadonlySet<string> = new Set()): string[][] {
	/** One clause that holds whenever `clauses` do (the shortest), or null for no constraint. */
	const oneOf = (clauses: string[][]): string[] | null =>
		clauses.length === 0 ? null : clauses.reduce((a, b) => (b.length < a.length ? b : a));
	if ('finding' in c) {
		const out = new Set([`f:${c.finding}`]);
		if (seen.has(c.finding)) return [[...out]];
		const inner = new Set([...seen, c.finding]);
		for (const alt of concepts.findings[c.finding]?.also ?? []) {
			const clause = oneOf(triggersOf('finding' in alt ? { finding: alt.finding } : alt, concepts, inner));
			if (clause === null) return [];
			for (const k of clause) out.add(k);
		}
		return [[...out]];
	}
	if ('site' in c) return [[`s:${c.site}`]];
	if ('modifier' in c) return [[`m:${c.modifier}`]];
	if ('fact' in c) {
		if (c.fact === 'pregnant') return [['in:pregnant', 'x:pregnancy']];
		if (c.fact === 'possibly_pregnant') return [['in:pregnant', 'x:pregnancy', 'x:late_period']];
		return [[`x:${c.fact}`]];
	}
	if ('vital' in c) return [[`v:${c.vital}`]];
	if ('screen' in c) return [[`sc:${c.screen}`]];
	if ('anyScreen' in c) return [['sc']];
	if ('anyClinicalFinding' in c) return [['f']];
	if ('all' in c) return c.all.flatMap((part) => triggersOf(part, concepts, seen));
	if ('any' in c) {
		const out = new Set<string>();
		for (const part of c.any) {
			const clause = oneOf(triggersOf(part, concepts, seen));
			if (clause === null) return [];
			for (const k of clause) out.add(k);
		}
		return [[...out]];
	}
	return [];
}

export function compileRuleSet(data: RuleData): CompiledRuleSet {
	const { concepts } = data;
	const ancestors = new Map<string, Set<string>>();
	const up = (s: string, seen: Set<string>): Set<string> => {
		const cached = ancestors.get(s);
		if (cached) return cached;
		const out = new Set([s]);
		if (seen.has(s)) return out;
		seen.add(s);
		for (const p of concepts.sites[s]?.parents ?? []) for (const x of up(p, seen)) out.add(x);
		ancestors.set(s, out);
		return out;
	};
	for (const s of Object.keys(concepts.sites)) up(s, new Set());
	const findingConcepts = new Map(Object.entries(concepts.findings));
	const order = new Map([...data.rules.rules, ...data.rules.uplifts].map((r, i) => [r.id, i]));
	const stopWords = new Set(
		data.lexicons
			.flatMap((l) => l.courtesy)
			.filter((w) => !w.includes(' '))
			.map(fold)
	);
	const triggerIds = new Map<string, number>();
	const triggers = data.rules.rules.map((r) =>
		triggersOf(r.when, concepts).map((clause) =>
			Int32Array.from(clause, (k) => {
				let id = triggerIds.get(k);
				if (id === undefined) triggerIds.set(k, (id = triggerIds.size));
				return id;
			})
		)
	);
	const triggerIdsByKind = new Map<string, Map<string, number>>();
	for (const [key, n] of triggerIds) {
		const colon = key.indexOf(':');
		const kind = colon < 0 ? key : key.slice(0, colon);
		let byId = triggerIdsByKind.get(kind);
		if (!byId) triggerIdsByKind.set(kind, (byId = new Map()));
		byId.set(colon < 0 ? '' : key.slice(colon + 1), n);
	}
	return {
		version: ruleSetVersion(data),
		data,
		concepts,
		lexicon: compileLexicons(data.lexicons),
		vitals: data.vitals,
		rules: data.rules.rules,
		triggers,
		triggerCount: triggerIds.size,
		triggerIdsByKind,
		uplifts: data.rules.uplifts,
		defaults: data.rules.defaults,
		levelText: data.rules.levelText,
		stopWords,
		nameLeads: new Set(data.lexicons.flatMap((l) => l.nameLeads).map(fold)),
		isSite: (s, ancestor) => ancestors.get(s)?.has(ancestor) ?? s === ancestor,
		findingConcept: (id) => findingConcepts.get(id),
		siteAncestors: (s) => ancestors.get(s) ?? new Set([s]),
		order: (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER,
		questions: {
			maxQuestions: data.questions.maxQuestions,
			families: data.questions.families,
			byId: new Map(
				data.questions.families.flatMap((family) => family.questions.map((q) => [q.id, { question: q, family }]))
			),
			riskFactors: new Map(data.questions.riskFactors.map((r) => [r.id, r]))
		}
	};
}
