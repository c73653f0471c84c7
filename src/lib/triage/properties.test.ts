import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { triage } from './index';
import { lexicon } from './lexicon';
import { EMERGENCY_SCREEN_IDS, SEXES, TRIAGE_LEVELS, levelRank, type TriageInput } from './types';
import { loadFixture, report } from './test-helpers';

/** One concrete wording per lexicon phrase: first alternative, gaps dropped, prefixes bare. */
function samplePhrase(phrase: string): string {
	return phrase
		.replace(/\(([^)|]*)[^)]*\)/g, '$1')
		.split(' ')
		.filter((p) => !p.startsWith('~'))
		.map((p) => p.split('|')[0]!.replace('*', ''))
		.join(' ');
}
const lexiconPhrases = Object.entries(lexicon)
	.filter(([id]) => id !== 'checklist_retraction')
	.flatMap(([, def]) => (def.phrases ?? []).map(samplePhrase));
const NEGATORS = [
	'no',
	'not',
	'never',
	'denies',
	'without',
	"don't",
	"isn't",
	'nor',
	'no longer',
	'not anymore',
	'negative'
];
const vignetteTexts = [...loadFixture('vignettes.dev.jsonl'), ...loadFixture('vignettes.paraphrase.jsonl')].map(
	(v) => v.input.text
);

const clinicalBase = fc.oneof(fc.constantFrom(...vignetteTexts), fc.constantFrom(...lexiconPhrases));
const suffix = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.constantFrom(...lexiconPhrases, ...NEGATORS),
	fc
		.array(fc.constantFrom(...lexiconPhrases, ...NEGATORS, ',', '.', 'but', 'and'), { maxLength: 8 })
		.map((w) => w.join(' '))
);
/** Follow-ups and staff notes are appended at a word boundary. */
const separator = fc.constantFrom(' ', '\n', '. ', ', ', ' ... ');

function level(text: string, o: Partial<TriageInput> = {}): number {
	return levelRank(triage({ ...report(text), ...o }).level);
}

describe('monotonicity: appending text never lowers the level', () => {
	it('holds for clinical texts with any appended text, including negation words', () => {
		fc.assert(
			fc.property(clinicalBase, separator, suffix, (base, sep, extra) => {
				const before = triage(report(base));
				const after = triage(report(base + sep + extra));
				// Documented exception: a report with nothing recognisable is "routine" only so a
				// person reads it; if the appended text is an admin request it may become admin.
				if (before.reasons[0]?.id === 'default.routine_unclassified') expect(TRIAGE_LEVELS).toContain(after.level);
				else expect(levelRank(after.level)).toBeGreaterThanOrEqual(levelRank(before.level));
			}),
			{ numRuns: 400 }
		);
	});

	it('holds for arbitrary base strings too', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 80 }), separator, suffix, (base, sep, extra) => {
				const before = triage(report(base));
				const after = level(base + sep + extra);
				if (before.reasons[0]?.id === 'default.routine_unclassified')
					expect(after).toBeGreaterThanOrEqual(levelRank('admin'));
				else expect(after).toBeGreaterThanOrEqual(levelRank(before.level));
			}),
			{ numRuns: 200 }
		);
	});

	it('"chest pain" stays urgent or higher whatever follows, even "no" or "not"', () => {
		for (const tail of [' no', ' not', ' no.', ' not really', ' no no no', ', none', ' denied']) {
			expect(level(`chest pain${tail}`)).toBeGreaterThanOrEqual(levelRank('urgent'));
		}
	});

	it('a ticked box stays an emergency whatever else is typed (short of an explicit retraction)', () => {
		fc.assert(
			fc.property(fc.constantFrom(...EMERGENCY_SCREEN_IDS), fc.oneof(clinicalBase, suffix), (id, text) => {
				fc.pre(!/wrong box|clicked|ticked|by (mistake|accident)/i.test(text));
				expect(triage(report(text, { screen: [id] })).level).toBe('emergency');
			}),
			{ numRuns: 150 }
		);
	});
});

describe('negation', () => {
	const redFlags = [
		'chest pain',
		'shortness of breath',
		'blood in my stool',
		'black stool',
		'suicidal thoughts',
		'coughing up blood',
		'trouble breathing',
		'vomiting blood',
		'numbness in my face',
		'swelling of my lips',
		'thoughts of hurting myself',
		'slurred speech'
	];
	const negations = ['no', 'denies', 'not having any', 'never had', 'without', "i don't have", 'no sign of'];

	it('a negated red flag alone does not escalate; the same red flag un-negated does', () => {
		fc.assert(
			fc.property(fc.constantFrom(...redFlags), fc.constantFrom(...negations), (flag, neg) => {
				expect(level(`${neg} ${flag}`)).toBeLessThanOrEqual(levelRank('routine'));
				expect(level(`i have ${flag}`)).toBeGreaterThanOrEqual(levelRank('urgent'));
			}),
			{ numRuns: 120 }
		);
	});

	it.each([
		['cant breathe', 'emergency'],
		["can't pee since this morning", 'urgent'],
		["i can't feel my left arm", 'emergency'],
		['she is not making sense', 'emergency'],
		['never had a headache this bad', 'emergency'],
		['the bleeding will not stop', 'emergency'],
		['my inhaler is not helping and i am wheezing', 'emergency']
	] as const)('"%s" is a positive finding (%s)', (text, expected) => {
		expect(level(text)).toBeGreaterThanOrEqual(levelRank(expected));
	});

	it.each([
		['my dad had a heart attack last year, i feel fine', 'routine'],
		['not bleeding anymore, cut is healing', 'routine'],
		['no fever, no cough, just need my refill', 'routine']
	] as const)('"%s" is not escalated (at most %s)', (text, max) => {
		expect(level(text)).toBeLessThanOrEqual(levelRank(max));
	});
});

describe('robustness', () => {
	const anyInput = fc.record({
		text: fc.oneof(
			fc.string({ unit: 'binary', maxLength: 300 }),
			fc
				.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 2500 }))
				.map(([s, k]) => s.repeat(k).slice(0, 100_000))
		),
		emergencyScreen: fc.uniqueArray(fc.constantFrom(...EMERGENCY_SCREEN_IDS), { maxLength: 3 }),
		ageYears: fc.option(fc.double({ min: 0, max: 120, noNaN: true })),
		sex: fc.option(fc.constantFrom(...SEXES)),
		pregnant: fc.option(fc.boolean()),
		severity: fc.option(fc.integer({ min: 0, max: 10 })),
		durationHours: fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }))
	});

	it('any Unicode text up to 100 KB yields a valid decision without throwing', () => {
		fc.assert(
			fc.property(anyInput, (input) => {
				const d = triage(input);
				expect(TRIAGE_LEVELS).toContain(d.level);
				expect(d.reasons.length).toBeGreaterThan(0);
			}),
			{ numRuns: 60 }
		);
	});

	it.each([
		['repeated words', 'blood in stool chest pain no not '.repeat(3200)],
		['deep punctuation', '!'.repeat(50_000) + '.'.repeat(50_000)],
		['nested brackets', '('.repeat(100_000)],
		['one huge word', 'a'.repeat(100_000)],
		['lone surrogates', '\ud800'.repeat(50_000)]
	])('100 KB of %s finishes quickly', (_name, text) => {
		const t0 = performance.now();
		const d = triage(report(text));
		expect(d.reasons.length).toBeGreaterThan(0);
		expect(performance.now() - t0).toBeLessThan(1000);
	});
});
