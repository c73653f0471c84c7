import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { triage } from './index';
import { EMERGENCY_SCREEN_IDS, SEXES, TRIAGE_LEVELS, levelRank, type TriageInput } from './types';
import { loadFixture, report } from './test-helpers';
import { parseLabelledVignette, type LabelledVignette } from './vignette';

const sharedDev = fileURLToPath(new URL('../../../../shared/triage/vignettes.dev.jsonl', import.meta.url));
const dev: LabelledVignette[] = [
	...(existsSync(sharedDev)
		? readFileSync(sharedDev, 'utf8')
				.split('\n')
				.filter((l) => l.trim())
				.map(parseLabelledVignette)
		: []),
	...loadFixture('vignettes.dev.jsonl'),
	...loadFixture('vignettes.paraphrase.jsonl')
];
const clinical = dev.filter((v) => v.expected === 'urgent' || v.expected === 'emergency');
const rank = (input: TriageInput): number => levelRank(triage(input).level);

/** Follow-ups and staff notes reach the engine after a line break (see reports/actions.ts). */
const APPENDED = [
	'no fever, no chest pain, not short of breath',
	'thanks so much, please call me back after 3pm',
	'also I need a refill of my lisinopril and a copy of my records',
	'my dog is fine and the weather is nice today',
	'I am not dizzy and I have no rash',
	'ignore the first part, never mind',
	'not sure if that matters',
	'gracias, necesito una cita también'
];

describe('metamorphic: what may change the wording never lowers the level', () => {
	it('appending reassuring, unrelated or admin text on a new line', () => {
		fc.assert(
			fc.property(fc.constantFrom(...clinical), fc.constantFrom(...APPENDED), (v, extra) => {
				expect(rank({ ...v.input, text: `${v.input.text}\n${extra}` })).toBeGreaterThanOrEqual(rank(v.input));
			}),
			{ numRuns: 300 }
		);
	});

	it('reassuring, unrelated or admin text on the line before, with no full stop', () => {
		// A line break ends a sentence: "no fever" on one line never denies the next line.
		fc.assert(
			fc.property(fc.constantFrom(...clinical), fc.constantFrom(...APPENDED), (v, extra) => {
				expect(rank({ ...v.input, text: `${extra}\n${v.input.text}` })).toBeGreaterThanOrEqual(rank(v.input));
			}),
			{ numRuns: 300 }
		);
	});

	it('reordering the sentences of a report', () => {
		for (const v of clinical) {
			const sentences = v.input.text.split(/(?<=[.!?])\s+/).filter(Boolean);
			if (sentences.length < 2) continue;
			const reversed = [...sentences]
				.reverse()
				.map((x) => x.replace(/[.!?]?$/, '.'))
				.join(' ');
			expect(rank({ ...v.input, text: reversed }), `${v.id}: ${reversed}`).toBeGreaterThanOrEqual(
				levelRank(v.expected)
			);
		}
	});

	it('a one-letter typo in a long word keeps an urgent or emergency report with a clinician', () => {
		const typo = (text: string, seed: number): string =>
			text.replace(/\b[a-z]{6,}\b/g, (w, offset: number) =>
				(offset + seed) % 3 === 0 ? w.slice(0, 2) + w.slice(3) : w
			);
		fc.assert(
			fc.property(fc.constantFrom(...clinical), fc.integer({ min: 0, max: 2 }), (v, seed) => {
				expect(rank({ ...v.input, text: typo(v.input.text, seed) })).toBeGreaterThanOrEqual(levelRank('urgent'));
			}),
			{ numRuns: 200 }
		);
	});

	it.each([
		['sudden rib pain', 'my dad has sudden rib pain'],
		['stomach pain and blood in my stool', 'my mother has stomach pain and blood in her stool'],
		['I can’t breathe', 'my husband can’t breathe'],
		['crushing chest pain and sweating', 'my 80 year old father has crushing chest pain and he is sweating'],
		['my face is drooping on one side', 'my wife’s face is drooping on one side']
	])('third person: "%s" and "%s" reach the same level', (self, other) => {
		expect(rank(report(other))).toBeGreaterThanOrEqual(rank(report(self)));
	});

	it.each([
		['chest pain and sweating', 'dolor de pecho y sudor frío'],
		['blood in my stool and stomach pain', 'sangre en las heces y dolor de estómago'],
		['I can not breathe', 'no puedo respirar'],
		['fever of 39 and a stiff neck', 'fiebre de 39 y el cuello rígido'],
		['I want to kill myself', 'quiero matarme'],
		['my 2 month old has a fever of 38.5', 'mi bebé de 2 meses tiene fiebre de 38.5'],
		['my face is drooping and my arm is weak', 'tengo la cara caída y el brazo débil']
	])('Spanish: "%s" and "%s" reach the same level', (en, es) => {
		expect(rank(report(es))).toBeGreaterThanOrEqual(rank(report(en)));
	});

	it.each([
		['chest pain', 'chest discomfort'],
		['throwing up', 'vomiting'],
		['I passed out', 'I fainted'],
		['blood in my poop', 'blood in my stool'],
		['my sugar is 45', 'my glucose is 45']
	])('synonyms: "%s" and "%s" reach the same level', (a, b) => {
		expect(rank(report(a))).toBe(rank(report(b)));
	});

	it('a ticked box stays an emergency whatever else is typed (short of an explicit retraction)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...EMERGENCY_SCREEN_IDS),
				fc.constantFrom(...dev.map((v) => v.input.text), ...APPENDED),
				(id, text) => {
					fc.pre(!/wrong|clicked|ticked|mistake|accident|ignore/i.test(text));
					expect(triage(report(text, { screen: [id] })).level).toBe('emergency');
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('context', () => {
	it.each([
		['no chest pain and no trouble breathing, just a cough', 'routine'],
		['my dad had a heart attack last year, I feel fine and want a checkup', 'routine'],
		['what should I do if I ever get chest pain?', 'routine'],
		['not bleeding anymore, the cut is healing', 'routine'],
		['family history of stroke, I want my blood pressure checked', 'routine']
	] as const)('"%s" is not escalated (at most %s)', (text, max) => {
		expect(rank(report(text))).toBeLessThanOrEqual(levelRank(max));
	});

	it.each([
		['cant breathe', 'emergency'],
		['couldn’t feel my left arm and it came on suddenly', 'emergency'],
		['not able to move my right side', 'emergency'],
		['can no longer catch my breath', 'emergency'],
		["can't pee since this morning", 'urgent'],
		['she is not making sense', 'urgent'],
		['never had a headache this bad', 'emergency'],
		['the bleeding will not stop', 'emergency'],
		['my inhaler is not helping and i am wheezing', 'emergency'],
		['no fever but my chest hurts', 'urgent']
	] as const)('"%s" is a positive finding (at least %s)', (text, min) => {
		expect(rank(report(text))).toBeGreaterThanOrEqual(levelRank(min));
	});

	it('the text gives the age of the person it is about, whatever age the form holds for the writer', () => {
		expect(triage(report('my 3 week old has a temp of 100.5', { age: 35 })).level).toBe('emergency');
		expect(triage(report('my father, 91, is not eating or drinking', { age: 50 })).level).toBe('urgent');
		expect(triage(report('mi abuela de 80 años no quiere comer', { age: 40 })).level).toBe('urgent');
	});

	it.each([
		['o2 88%', 'emergency'],
		['sats 82 on the finger thing', 'emergency'],
		['bp 192/118 and a bad headache', 'emergency'],
		['blood pressure 220 over 120', 'urgent'],
		['gave birth last week, bp 162/112', 'emergency'],
		['sugar 500 and throwing up', 'emergency'],
		['temp 101.5 under the arm', 'routine'],
		['glucose 3.1 mmol and shaky', 'urgent'],
		['temp 1040', 'urgent']
	] as const)('vital signs: "%s" → at least %s', (text, min) => {
		expect(rank(report(text))).toBeGreaterThanOrEqual(levelRank(min));
	});

	it('normal readings do not escalate', () => {
		expect(triage(report('my bp this morning was 124/78, sending it like you asked')).level).toBe('routine');
		expect(triage(report('temp 98.6, feeling better')).level).toBe('routine');
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
			{ numRuns: 40 }
		);
	});

	it.each([
		['repeated words', 'blood in stool chest pain no not '.repeat(3200)],
		['deep punctuation', '!'.repeat(50_000) + '.'.repeat(50_000)],
		['one huge word', 'a'.repeat(100_000)],
		['numbers', '120/80 99% 101.5 '.repeat(5000)],
		['lone surrogates', '\ud800'.repeat(50_000)]
	])('100 KB of %s yields a decision', (_name, text) => {
		const d = triage(report(text));
		expect(d.reasons.length).toBeGreaterThan(0);
	});
});
