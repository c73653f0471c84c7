import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { defaultRawData, defaultRuleSet, triage } from './index';
import { loadRuleSet } from './load';
import { RuleDataError, validateRuleData } from './schema';
import { parseVignetteLine, parseLabelledVignette, VignetteError } from './vignette';
import { levelRank, type TriageDecision } from './types';
import { loadFixture, report } from './test-helpers';

const DATA_DIR = fileURLToPath(new URL('./data', import.meta.url));
const STRUCTURED = /^(checklist|age|severity|pregnant|sex): /;
const vignettes = [...loadFixture('vignettes.dev.jsonl'), ...loadFixture('vignettes.paraphrase.jsonl')];

function checkContract(text: string, d: TriageDecision): void {
	expect(d.reasons.length).toBeGreaterThan(0);
	expect(d.ruleSetVersion).toBe(defaultRuleSet().version);
	expect(d.level).toBe(d.reasons[0]!.level);
	for (let i = 1; i < d.reasons.length; i++) {
		expect(levelRank(d.reasons[i - 1]!.level)).toBeGreaterThanOrEqual(levelRank(d.reasons[i]!.level));
	}
	const squash = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');
	for (const r of d.reasons) {
		expect(r.patientText.length).toBeGreaterThan(0);
		expect(r.clinicianText.length).toBeGreaterThan(0);
		for (const e of r.evidence) {
			if (!STRUCTURED.test(e)) expect(squash(text)).toContain(squash(e));
			expect(r.clinicianText).toContain(e);
		}
	}
}

/** A copy of the shipped data directory, with `edit` applied to one file. */
function candidateDir(file: string, edit: (json: Record<string, unknown>) => void): string {
	const dir = mkdtempSync(join(tmpdir(), 'clearline-rules-'));
	cpSync(DATA_DIR, dir, { recursive: true });
	const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
	edit(json);
	writeFileSync(join(dir, file), JSON.stringify(json));
	return dir;
}

describe('decision contract', () => {
	it.each(vignettes.map((v) => [v.id, v] as const))('%s: reasons, version and quoted evidence', (_id, v) => {
		checkContract(v.input.text, triage(v.input));
	});

	it('quotes the patient words that made the finding, its site and its modifier', () => {
		const d = triage(report('Sudden pain along my left ribs'));
		const rule = d.reasons.find((r) => r.id === 'seed.rib_pain_sudden');
		expect(rule?.evidence).toEqual(['pain', 'ribs', 'Sudden']);
		expect(rule?.clinicianText).toBe('sudden onset + rib/chest-wall pain: “pain” + “ribs” + “Sudden”');
	});

	it('explains a vital sign with the number the patient typed', () => {
		const d = triage(report('my bp is 192/118 and i have a headache'));
		expect(d.level).toBe('emergency');
		const crisis = d.reasons.find((r) => r.id === 'vitals.bp_crisis');
		expect(crisis?.evidence).toContain('bp is 192/118');
	});

	it('never returns empty reasons; nothing at all is routine, words it cannot place go to a clinician', () => {
		for (const text of ['', '   ', 'asdfgh qwerty', '???', 'need a refill of my lisinopril'])
			checkContract(text, triage(report(text)));
		expect(triage(report('')).reasons.map((r) => r.id)).toEqual(['engine.empty']);
		expect(triage(report('zzzz blorp')).reasons.map((r) => r.id)).toEqual(['engine.not_understood']);
		expect(triage(report('need a refill of my lisinopril')).level).toBe('admin');
	});

	it('an admin word never makes a message it does not understand admin', () => {
		const d = triage(report('I have a plan to take all my pills tonight. thanks, can someone call me back'));
		expect(d.level).toBe('emergency');
		expect(d.crisisLine).toBe(true);
		expect(triage(report('please refill my metformin, and my toes have gone black')).level).not.toBe('admin');
		expect(triage(report('refill please, the grimbly feeling is back')).reasons.map((r) => r.id)).toContain(
			'engine.not_understood'
		);
	});

	it('reads a line break as the end of a sentence: a denial never reaches the next line', () => {
		expect(triage(report('no fever\nvomiting blood')).level).toBe('emergency');
		expect(triage(report('denies fever\r\n\tblood in my stool')).level).toBe('urgent');
		const d = triage(report('my chest hurts\n\nand I am short of breath'));
		expect(levelRank(d.level)).toBeGreaterThanOrEqual(levelRank('urgent'));
		for (const r of d.reasons) for (const e of r.evidence) expect(e).not.toMatch(/[\n\t]/);
	});

	it('sets crisisLine for suicidal content and the checklist box only', () => {
		expect(triage(report('i just want to end it all')).crisisLine).toBe(true);
		expect(triage(report('', { screen: ['suicidal_thoughts'] })).level).toBe('emergency');
		expect(triage(report('not suicidal, refill please')).crisisLine).toBe(false);
		expect(triage(report('crushing chest pain and sweating')).crisisLine).toBe(false);
	});

	it('retracting a single ticked box gives urgent, never admin; a retracted suicidal tick stays an emergency', () => {
		expect(triage(report('clicked the wrong box, just need a refill', { screen: ['seizure'] })).level).toBe('urgent');
		expect(triage(report('clicked the wrong box', { screen: ['suicidal_thoughts'] })).level).toBe('emergency');
		expect(triage(report('clicked the wrong box', { screen: ['seizure', 'chest_pain'] })).level).toBe('emergency');
	});

	it('speaks to the patient in their language', () => {
		const es = triage({ ...report('dolor de pecho y sudor frio'), lang: 'es' });
		expect(es.level).toBe('emergency');
		expect(es.reasons[0]!.patientText).toMatch(/Llame al 911/);
		expect(triage(report('dolor de pecho y sudor frio')).reasons[0]!.patientText).toMatch(/Call 911/);
	});
});

describe('rule data', () => {
	it('the shipped data validates against its schema, and loading it from disk gives the same version', () => {
		expect(() => validateRuleData(defaultRawData)).not.toThrow();
		expect(loadRuleSet(DATA_DIR).version).toBe(defaultRuleSet().version);
		expect(defaultRuleSet().version).toMatch(/^rs-[0-9a-f]{16}$/);
	});

	it('names the NLP model it was built with, and that is the installed one', () => {
		const pkg = JSON.parse(
			readFileSync(
				fileURLToPath(new URL('../../../node_modules/wink-eng-lite-web-model/package.json', import.meta.url)),
				'utf8'
			)
		) as { version: string };
		expect(defaultRuleSet().data.manifest.nlpModel).toBe(`wink-eng-lite-web-model@${pkg.version}`);
	});

	it('any change to the data changes the version stored with decisions', () => {
		const dir = candidateDir('lexicon.en.json', (lex) => {
			(lex['findings'] as Record<string, string[]>)['cough']!.push('hacking away');
		});
		const candidate = loadRuleSet(dir);
		expect(candidate.version).not.toBe(defaultRuleSet().version);
		expect(triage(report('been hacking away all week'), candidate).ruleSetVersion).toBe(candidate.version);
		expect(triage(report('been hacking away all week'), candidate).reasons.map((r) => r.id)).toContain(
			'routine.recognised_symptom'
		);
	});

	it.each([
		[
			'rules.json',
			'a rule naming a finding that does not exist',
			(j: Record<string, unknown>) => {
				(j['rules'] as { when: unknown }[])[0]!.when = { finding: 'no_such_finding' };
			},
			/unknown finding "no_such_finding"/
		],
		[
			'rules.json',
			'two rules with one id',
			(j: Record<string, unknown>) => {
				const rules = j['rules'] as { id: string }[];
				rules[1]!.id = rules[0]!.id;
			},
			/duplicate id/
		],
		[
			'rules.json',
			'a rule without its clinical rationale',
			(j: Record<string, unknown>) => {
				delete (j['rules'] as Record<string, unknown>[])[0]!['rationale'];
			},
			/rationale/
		],
		[
			'concepts.json',
			'a site whose parent does not exist',
			(j: Record<string, unknown>) => {
				(j['sites'] as Record<string, { parents: string[] }>)['rib']!.parents = ['nowhere'];
			},
			/unknown site "nowhere"/
		],
		[
			'lexicon.es.json',
			'Spanish words for a finding that does not exist',
			(j: Record<string, unknown>) => {
				(j['findings'] as Record<string, string[]>)['dolor_fantasma'] = ['fantasma'];
			},
			/unknown finding "dolor_fantasma"/
		]
	])('%s: refuses %s', (file, _what, edit, message) => {
		const dir = candidateDir(file, edit);
		expect(() => loadRuleSet(dir)).toThrow(RuleDataError);
		expect(() => loadRuleSet(dir)).toThrow(message);
	});
});

describe('vignette parsing', () => {
	it('maps snake_case fields to TriageInput and ignores labels', () => {
		const v = parseVignetteLine(
			JSON.stringify({
				id: 'x',
				text: 'hi',
				age_years: 0.12,
				sex: 'female',
				pregnant: null,
				severity: 3,
				duration_hours: 2,
				emergency_screen: ['seizure'],
				expected: 'admin'
			})
		);
		expect(v.input).toEqual({
			text: 'hi',
			emergencyScreen: ['seizure'],
			ageYears: 0.12,
			sex: 'female',
			pregnant: null,
			severity: 3,
			durationHours: 2
		});
	});

	it('rejects bad lines with the vignette id', () => {
		expect(() => parseVignetteLine('{"id":"a","text":"x","emergency_screen":["nope"]}')).toThrow(VignetteError);
		expect(() => parseVignetteLine('not json')).toThrow('line is not valid JSON');
	});

	it('parses labels and tags only through parseLabelledVignette', () => {
		const v = parseLabelledVignette(
			JSON.stringify({ id: 'p', text: 'x', expected: 'urgent', acceptable: ['emergency'], tags: ['es', 'typo'] })
		);
		expect(v.expected).toBe('urgent');
		expect(v.tags).toEqual(['es', 'typo']);
	});
});
