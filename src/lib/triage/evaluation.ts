/**
 * One report's facts, asked rule by rule: does a condition hold, and on what
 * evidence? Findings come from the text (analyse.ts) and from the form's
 * structured answers (questions.ts), which carry their own wording.
 */
import type { Analysis, Finding } from './analyse';
import type { Mention } from './lexicon';
import type { CompiledRuleSet } from './ruleset';
import type { Condition } from './schema';
import { quote } from './text';
import type { TriageInput } from './types';

/** Words of the report, quoted only if the rule fires (most partial matches are never shown). */
export type Span = { start: number; end: number; said?: string };

/** What a condition matched: its evidence (text, or words to quote), and the findings it used. */
export interface Match {
	evidence: (string | Span)[];
	findings: Finding[];
}

export const NONE: Match = { evidence: [], findings: [] };

export class Evaluation {
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

	q(m: Span): string {
		return m.said ?? quote(this.a.tokens, m.start, m.end);
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

export function formatAge(years: number): string {
	if (years < 1 / 12) return `${Math.round(years * 365)} days`;
	if (years < 2) return `${Math.round(years * 12)} months`;
	return `${years} years`;
}
