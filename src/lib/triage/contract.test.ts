import { describe, it, expect } from 'vitest';
import { triage, defaultRuleSet } from './index';
import { ruleSet } from './rules';
import { tokenise } from './normalise';
import { compileLexicon } from './matcher';
import { lexicon } from './lexicon';
import { parseVignetteLine, parseLabelledVignette, VignetteError } from './vignette';
import { TRIAGE_LEVELS, levelRank, type RuleSet, type TriageDecision } from './types';
import { loadFixture, report } from './test-helpers';

const STRUCTURED = /^(checklist|age|severity|pregnant|sex|duration): /;
const vignettes = [...loadFixture('vignettes.dev.jsonl'), ...loadFixture('vignettes.paraphrase.jsonl')];

function checkContract(text: string, d: TriageDecision): void {
	expect(d.reasons.length).toBeGreaterThan(0);
	expect(d.ruleSetVersion).toBe(ruleSet.version);
	expect(d.level).toBe(d.reasons[0]!.level);
	for (let i = 1; i < d.reasons.length; i++) {
		expect(levelRank(d.reasons[i - 1]!.level)).toBeGreaterThanOrEqual(levelRank(d.reasons[i]!.level));
	}
	const lower = text.toLowerCase();
	for (const r of d.reasons) {
		expect(r.patientText.length).toBeGreaterThan(0);
		expect(r.clinicianText.length).toBeGreaterThan(0);
		for (const e of r.evidence) {
			if (!STRUCTURED.test(e)) expect(lower).toContain(e.toLowerCase());
			expect(r.clinicianText).toContain(`'${e}'`);
		}
	}
}

describe('decision contract', () => {
	it.each(vignettes.map((v) => [v.id, v] as const))('%s: reasons, version and evidence', (_id, v) => {
		checkContract(v.input.text, triage(v.input));
	});

	it('quotes the patient words as evidence and explains the combination', () => {
		const d = triage(report('Stomach pain since Tuesday and blood in my stool'));
		const rule = d.reasons.find((r) => r.id === 'gi.bleed_with_pain');
		expect(rule?.evidence).toEqual(['blood in my stool', 'Stomach', 'pain']);
		expect(rule?.clinicianText).toBe(
			"'blood in my stool' + 'Stomach' + 'pain' → rectal bleeding with abdominal pain → possible GI bleed"
		);
	});

	it('never returns empty reasons, for empty, nonsense and admin text', () => {
		for (const text of ['', '   ', 'asdfgh qwerty', '???', 'need a refill of my lisinopril']) {
			const d = triage(report(text));
			checkContract(text, d);
		}
		expect(triage(report('')).level).toBe('routine');
		expect(triage(report('zzzz blorp')).level).toBe('routine');
		expect(triage(report('need a refill of my lisinopril')).level).toBe('admin');
	});

	it('sets crisisLine for suicidal content and the checklist box only', () => {
		expect(triage(report('i just want to end it all')).crisisLine).toBe(true);
		expect(triage(report('', { screen: ['suicidal_thoughts'] })).crisisLine).toBe(true);
		expect(triage(report('', { screen: ['suicidal_thoughts'] })).level).toBe('emergency');
		expect(triage(report('not suicidal, refill please')).crisisLine).toBe(false);
		expect(triage(report('crushing chest pain and sweating')).crisisLine).toBe(false);
	});

	it('retracting a single ticked box gives urgent, never admin; a retracted suicidal tick stays an emergency', () => {
		expect(triage(report('clicked the wrong box, just need a refill', { screen: ['seizure'] })).level).toBe('urgent');
		expect(triage(report('clicked the wrong box', { screen: ['suicidal_thoughts'] })).level).toBe('emergency');
		expect(triage(report('clicked the wrong box', { screen: ['seizure', 'chest_pain'] })).level).toBe('emergency');
	});

	it('accepts an alternative rule set and reports its version', () => {
		const candidate: RuleSet = {
			version: 'candidate-1',
			lexicon: defaultRuleSet.lexicon,
			rules: [
				{
					id: 'test.everything_urgent',
					level: 'urgent',
					when: { all: [] },
					clinician: 'test',
					reason: 'test',
					patientText: 'test'
				}
			]
		};
		const d = triage(report('need a refill'), candidate);
		expect(d.ruleSetVersion).toBe('candidate-1');
		expect(d.level).toBe('urgent');
		expect(d.reasons.map((r) => r.id)).toEqual(['test.everything_urgent']);
		const empty = triage(report('anything'), { ...candidate, rules: [] });
		expect(empty.level).toBe('routine');
		expect(empty.reasons.length).toBe(1);
	});

	it('rule ids are unique, every level is valid and every rule has its texts', () => {
		const ids = ruleSet.rules.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const r of ruleSet.rules) {
			expect(TRIAGE_LEVELS).toContain(r.level);
			for (const text of [r.clinician, r.reason, r.patientText]) expect(text.length).toBeGreaterThan(0);
		}
	});

	it('every concept a rule refers to exists in the lexicon', () => {
		const known = new Set(compileLexicon(lexicon).conceptIds);
		const refs = JSON.stringify(ruleSet.rules.map((r) => r.when)).matchAll(/"(?:concept|mentioned)":"([^"]+)"/g);
		for (const [, id] of refs) expect(known.has(id!), id).toBe(true);
	});
});

describe('normalisation', () => {
	const words = (text: string): string[] =>
		tokenise(text, compileLexicon(lexicon).vocabulary)
			.filter((t) => t.kind === 0)
			.map((t) => t.w);

	it.each([
		["Can't BREATHE!!", ['can', 'not', 'breathe']],
		['doesnt w/ bc abt', ['does', 'not', 'with', 'because', 'about']],
		['sittin there w/o my meds', ['sitting', 'there', 'without', 'my', 'meds']],
		['temp 100.4F', ['temp', '100.4', 'f']],
		['sooooo dizzzzy', ['soo', 'dizzy']],
		['light-headed', ['light', 'headed']]
	])('%s', (text, expected) => {
		expect(words(text)).toEqual(expected);
	});

	it('keeps offsets into the original text', () => {
		const text = 'My CHEST hurts';
		const chest = tokenise(text, new Set()).find((t) => t.w === 'chest')!;
		expect(text.slice(chest.s, chest.e)).toBe('CHEST');
	});
});

describe('vignette parsing', () => {
	it('maps snake_case fields to TriageInput', () => {
		const v = parseVignetteLine(
			'{"id":"a","text":"hi","age_years":0.12,"sex":"male","pregnant":null,"severity":3,"duration_hours":2,"emergency_screen":["seizure"],"expected":"urgent"}'
		);
		expect(v).toEqual({
			id: 'a',
			input: {
				text: 'hi',
				ageYears: 0.12,
				sex: 'male',
				pregnant: null,
				severity: 3,
				durationHours: 2,
				emergencyScreen: ['seizure']
			}
		});
	});

	it.each([
		['not json', /valid JSON/],
		['[1,2]', /object/],
		['{"text":"x"}', /id/],
		['{"id":"a"}', /text/],
		['{"id":"a","text":"x","sex":"robot"}', /sex/],
		['{"id":"a","text":"x","severity":11}', /severity/],
		['{"id":"a","text":"x","emergency_screen":["nope"]}', /emergency_screen/],
		['{"id":"a","text":"x","pregnant":"yes"}', /pregnant/]
	])('rejects %s with a clear error', (line, message) => {
		expect(() => parseVignetteLine(line)).toThrow(VignetteError);
		expect(() => parseVignetteLine(line)).toThrow(message);
	});

	it('parses labels only through parseLabelledVignette', () => {
		const v = parseLabelledVignette(
			'{"id":"a","text":"x","expected":"routine","acceptable":["urgent"],"category":"c"}'
		);
		expect(v.expected).toBe('routine');
		expect(v.acceptable).toEqual(['urgent']);
		expect(() => parseLabelledVignette('{"id":"a","text":"x","expected":"soon"}')).toThrow(/expected/);
	});
});
