import { describe, expect, it } from 'vitest';
import { defaultRuleSet, triage } from './index';
import { findMentions, prepare } from './lexicon';
import { loadFixture } from './test-helpers';
import type { LabelledVignette } from './vignette';

/**
 * The engine's speed comes from two shortcuts: phrase indexes (a pattern is
 * tried only where its first words are) and rule triggers (a rule is evaluated
 * only when a finding, site, fact or box it needs is present). Each must give
 * exactly what the slow way gives: every pattern at every token, every rule on
 * every report.
 */
const sets = ['vignettes.dev.jsonl', 'vignettes.paraphrase.jsonl', 'vignettes.holdout-style.jsonl'].map(loadFixture);
const cases: LabelledVignette[] = [...sets.flat(), ...loadFixture('vignettes.blind-2026-12.jsonl')];
const rs = defaultRuleSet();
/**
 * These compare against the slow way over thousands of texts: seconds on an idle machine, half a minute on
 * a loaded two-core CI box. The limit only guards against a hang; speed is measured by `npm run bench:triage`.
 */
const EXHAUSTIVE = { timeout: 180_000 };

/** Each text, and the same words reordered and retold, so the indexes meet unusual neighbours too. */
const texts = cases.flatMap(({ input: { text } }) => [
	text,
	text
		.split(/(?<=[.,;!?])\s+/)
		.reverse()
		.join(' '),
	`my mother says ${text.toUpperCase()} and she can't stop`
]);

describe('phrase indexes', () => {
	it('find exactly the mentions that trying every pattern at every token finds', EXHAUSTIVE, () => {
		for (const text of texts) {
			const tokens = prepare(text, rs.lexicon);
			expect(findMentions(tokens, rs.lexicon), text).toEqual(findMentions(tokens, rs.lexicon, true));
		}
	});
});

describe('rule triggers', () => {
	const everyRule = { ...rs, triggers: rs.rules.map(() => []) };

	it('skip only rules that could not have fired', EXHAUSTIVE, () => {
		for (const c of cases) {
			for (const text of [c.input.text, `${c.input.text} my dad is 91 and diabetic, o2 88%`]) {
				const input = { ...c.input, text };
				expect(triage(input, rs), text).toEqual(triage(input, everyRule));
			}
		}
	});

	it('are known for every rule (a rule with none is evaluated on every report)', () => {
		const untriggered = rs.rules.filter((_, i) => rs.triggers[i]!.length === 0).map((r) => r.id);
		expect(untriggered).toEqual([]);
	});
});
