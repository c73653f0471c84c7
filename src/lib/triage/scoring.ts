/** Scoring of decisions against labelled vignettes (shared/triage/README.md). */
import { TRIAGE_LEVELS, levelRank, type TriageLevel } from './types';
import type { LabelledVignette } from './vignette';

export type Outcome = 'correct' | 'under' | 'over';

export function score(predicted: TriageLevel, expected: TriageLevel, acceptable: readonly TriageLevel[]): Outcome {
	if (predicted === expected || acceptable.includes(predicted)) return 'correct';
	return levelRank(predicted) < levelRank(expected) ? 'under' : 'over';
}

export interface ScoredCase {
	vignette: LabelledVignette;
	level: TriageLevel;
	reasons: string[];
	outcome: Outcome;
}

export interface LevelRow {
	expected: TriageLevel;
	n: number;
	correct: number;
	under: number;
	over: number;
}

export function summarise(cases: readonly ScoredCase[]): LevelRow[] {
	return [...TRIAGE_LEVELS].reverse().map((expected) => {
		const rows = cases.filter((c) => c.vignette.expected === expected);
		const count = (o: Outcome): number => rows.filter((c) => c.outcome === o).length;
		return { expected, n: rows.length, correct: count('correct'), under: count('under'), over: count('over') };
	});
}

export interface GroupRow {
	group: string;
	n: number;
	/** Urgent/emergency cases below their level. */
	under: number;
	/** Urgent/emergency cases sent to the support queue (routine or admin). */
	toSupport: number;
	/** Cases above their level and not in `acceptable`. */
	over: number;
}

/** One row per key (a case may have several keys, e.g. variant tags). */
export function byGroup(cases: readonly ScoredCase[], keys: (c: ScoredCase) => readonly string[]): GroupRow[] {
	const rows = new Map<string, GroupRow>();
	for (const c of cases) {
		const clinical = c.vignette.expected === 'urgent' || c.vignette.expected === 'emergency';
		for (const group of keys(c)) {
			const row = rows.get(group) ?? { group, n: 0, under: 0, toSupport: 0, over: 0 };
			row.n++;
			if (c.outcome === 'under') row.under++;
			if (c.outcome === 'over') row.over++;
			if (clinical && (c.level === 'routine' || c.level === 'admin')) row.toSupport++;
			rows.set(group, row);
		}
	}
	return [...rows.values()].sort((a, b) => (a.group < b.group ? -1 : 1));
}

/** Over-triage rate on routine + admin cases (target under 20%). */
export function lowAcuityOverTriage(cases: readonly ScoredCase[]): { n: number; over: number; rate: number } {
	const low = cases.filter((c) => c.vignette.expected === 'routine' || c.vignette.expected === 'admin');
	const over = low.filter((c) => c.outcome === 'over').length;
	return { n: low.length, over, rate: low.length === 0 ? 0 : over / low.length };
}
