/**
 * A rule set is the compiled form of one data directory. Its version is the
 * SHA-256 of the data's canonical JSON, of the NLP model's name and version,
 * and of the matching code's own version (ENGINE_VERSION), so a stored
 * decision names exactly the words, rules and code that made it.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { compileLexicons, type CompiledLexicon } from './lexicon';
import type { Concepts, RuleData, RuleDef, RulesFile, UpliftDef, VitalsData } from './schema';
import { fold } from './text';

/**
 * Bump when the engine's matching or scoring code changes behaviour (the data
 * hash covers everything else). engine-version.test.ts fails until you do.
 */
export const ENGINE_VERSION = 'findings-1';

export interface CompiledRuleSet {
	version: string;
	data: RuleData;
	concepts: Concepts;
	lexicon: CompiledLexicon;
	vitals: VitalsData;
	rules: readonly RuleDef[];
	uplifts: readonly UpliftDef[];
	defaults: RulesFile['defaults'];
	levelText: RulesFile['levelText'];
	stopWords: ReadonlySet<string>;
	/** Words after which the next word is a name ("dr", "this is"). */
	nameLeads: ReadonlySet<string>;
	/** Is site `s` the site `ancestor` or inside it (rib ⊂ chest wall ⊂ chest)? */
	isSite(s: string, ancestor: string): boolean;
	/** Position of a rule in the data file, for a stable order of reasons. */
	order(id: string): number;
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
	const order = new Map([...data.rules.rules, ...data.rules.uplifts].map((r, i) => [r.id, i]));
	const stopWords = new Set(
		data.lexicons
			.flatMap((l) => l.courtesy)
			.filter((w) => !w.includes(' '))
			.map(fold)
	);
	return {
		version: ruleSetVersion(data),
		data,
		concepts,
		lexicon: compileLexicons(data.lexicons),
		vitals: data.vitals,
		rules: data.rules.rules,
		uplifts: data.rules.uplifts,
		defaults: data.rules.defaults,
		levelText: data.rules.levelText,
		stopWords,
		nameLeads: new Set(data.lexicons.flatMap((l) => l.nameLeads).map(fold)),
		isSite: (s, ancestor) => ancestors.get(s)?.has(ancestor) ?? s === ancestor,
		order: (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER
	};
}
