import { describe, it, expect } from 'vitest';
import { triage } from './index';
import { levelRank } from './types';
import { lowAcuityOverTriage, score, type ScoredCase } from './scoring';
import { loadFixture } from './test-helpers';

/**
 * dev: the original labelled set; paraphrase: rewordings by the engine's author;
 * holdout-style: an independent set written blind to the lexicon (caregivers,
 * typos, non-native English, admin mixed with red flags), same assertions.
 */
for (const fixture of ['vignettes.dev.jsonl', 'vignettes.paraphrase.jsonl', 'vignettes.holdout-style.jsonl']) {
	const vignettes = loadFixture(fixture);

	describe(`triage on ${fixture}`, () => {
		it.each(vignettes.map((v) => [v.id, v] as const))('%s is never under-triaged', (_id, v) => {
			const decision = triage(v.input);
			expect(levelRank(decision.level), decision.reasons.map((r) => r.id).join(', ')).toBeGreaterThanOrEqual(
				levelRank(v.expected)
			);
		});

		it('keeps over-triage on routine and admin cases at or below 15%', () => {
			const cases: ScoredCase[] = vignettes.map((v) => {
				const d = triage(v.input);
				return {
					vignette: v,
					level: d.level,
					reasons: d.reasons.map((r) => r.id),
					outcome: score(d.level, v.expected, v.acceptable)
				};
			});
			const low = lowAcuityOverTriage(cases);
			expect(low.n).toBeGreaterThan(0);
			expect(low.rate).toBeLessThanOrEqual(0.15);
		});
	});
}
