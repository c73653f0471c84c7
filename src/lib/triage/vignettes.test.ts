import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { triage } from './index';
import { levelRank } from './types';
import { lowAcuityOverTriage, score, type ScoredCase } from './scoring';
import { parseLabelledVignette, type LabelledVignette } from './vignette';
import { loadFixture } from './test-helpers';

/**
 * The shared sets (../shared/triage: dev and the 389-case probe) and our own:
 * paraphrase (the author's rewordings), holdout-style (158 cases written blind
 * to the old lexicon) and blind-2026-12 (180 cases, English and Spanish, written
 * from the README alone and scored once before any rule was changed for it).
 */
const shared = (name: string): LabelledVignette[] | null => {
	const path = fileURLToPath(new URL(`../../../../shared/triage/${name}`, import.meta.url));
	if (!existsSync(path)) return null;
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map(parseLabelledVignette);
};

const sets: [string, LabelledVignette[] | null, number][] = [
	['shared dev', shared('vignettes.dev.jsonl'), 0.2],
	['shared probe', shared('vignettes.probe.jsonl'), 0.2],
	['dev (copy)', loadFixture('vignettes.dev.jsonl'), 0.2],
	['paraphrase', loadFixture('vignettes.paraphrase.jsonl'), 0.2],
	['holdout-style', loadFixture('vignettes.holdout-style.jsonl'), 0.25],
	['blind-2026-12', loadFixture('vignettes.blind-2026-12.jsonl'), 0.4]
];

for (const [name, vignettes, maxOver] of sets) {
	describe.runIf(vignettes !== null)(`triage on ${name}`, () => {
		const cases = vignettes ?? [];
		it('never under-triages an urgent or emergency case', () => {
			const misses = cases
				.filter((v) => v.expected === 'urgent' || v.expected === 'emergency')
				.map((v) => ({ v, d: triage(v.input) }))
				.filter(({ v, d }) => levelRank(d.level) < levelRank(v.expected))
				.map(({ v, d }) => `${v.id}: ${v.expected} → ${d.level} [${d.reasons.map((r) => r.id).join(', ')}]`);
			expect(misses).toEqual([]);
		});

		it(`keeps over-triage on routine and admin cases under ${maxOver * 100}%`, () => {
			const scored: ScoredCase[] = cases.map((v) => {
				const d = triage(v.input);
				return {
					vignette: v,
					level: d.level,
					reasons: d.reasons.map((r) => r.id),
					outcome: score(d.level, v.expected, v.acceptable)
				};
			});
			const low = lowAcuityOverTriage(scored);
			expect(low.n).toBeGreaterThan(0);
			expect(low.rate).toBeLessThan(maxOver);
		});
	});
}
