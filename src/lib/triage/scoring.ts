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

/** Over-triage rate on routine + admin cases (target ≤ 15%). */
export function lowAcuityOverTriage(cases: readonly ScoredCase[]): { n: number; over: number; rate: number } {
	const low = cases.filter((c) => c.vignette.expected === 'routine' || c.vignette.expected === 'admin');
	const over = low.filter((c) => c.outcome === 'over').length;
	return { n: low.length, over, rate: low.length === 0 ? 0 : over / low.length };
}
