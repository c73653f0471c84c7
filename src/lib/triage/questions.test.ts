import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultRuleSet, questionsFor, triage } from './index';
import { loadFixture, report } from './test-helpers';
import { countsAsYes, isRedFlag } from './told';
import { levelRank, maxLevel, type Answer, type TriageInput } from './types';

const rs = defaultRuleSet();
const families = rs.questions.families;
const exampleOf = (f: (typeof families)[number]): TriageInput =>
	report(f.example.text, { age: f.example.ageYears ?? 40 });
const evidence = (input: TriageInput): string[] => triage(input).reasons.flatMap((r) => r.evidence);

describe('question data', () => {
	it('has the complaint families of the issue (pregnancy and postpartum apart), each with 2 to 6 questions', () => {
		expect(families.map((f) => f.id)).toEqual([
			'chest',
			'abdominal',
			'headache',
			'breathing',
			'bleeding',
			'fever',
			'urinary',
			'pregnancy',
			'postpartum',
			'mental_health',
			'medicine',
			'injury',
			'skin',
			'eye',
			'child',
			'not_right'
		]);
		for (const f of families) expect(f.questions.length).toBeGreaterThanOrEqual(2);
	});

	it.each(families.map((f) => [f.id, f] as const))('%s: its example is recognised as the family', (_, f) => {
		expect(questionsFor(exampleOf(f)).complaints).toContain(f.id);
	});

	const cases = families.flatMap((f) => f.questions.map((q) => [q.id, f, q] as const));
	it.each(cases)('%s: "yes" reaches its stated level on the family example, with the answer as evidence', (_, f, q) => {
		const base = triage(exampleOf(f)).level;
		const yes = { ...exampleOf(f), answers: { [q.id]: 'yes' as Answer } };
		expect(triage(yes).level).toBe(maxLevel(base, q.level));
		if (levelRank(q.level) > levelRank(base)) expect(evidence(yes)).toContain(`answer: ${q.text.en} yes`);
	});

	it.each(cases)('%s: "no" changes nothing; "not sure" counts as yes only on a red flag', (_, f, q) => {
		const base = triage(exampleOf(f)).level;
		expect(triage({ ...exampleOf(f), answers: { [q.id]: 'no' } }).level).toBe(base);
		const unsure = triage({ ...exampleOf(f), answers: { [q.id]: 'unsure' } }).level;
		expect(unsure).toBe(isRedFlag(q) ? maxLevel(base, q.level) : base);
	});

	it('writes each question in Spanish too, and keeps ids under their family', () => {
		for (const f of families) {
			expect(f.label.es).not.toBe(f.label.en);
			for (const q of f.questions) {
				expect(q.id.startsWith(`${f.id}.`)).toBe(true);
				expect(q.text.es).not.toBe(q.text.en);
				expect(q.text.en.endsWith('?')).toBe(true);
				expect(q.text.es).toMatch(/¿[^?]+\?$/);
			}
		}
	});
});

describe('which questions are asked', () => {
	const asked = (text: string, extra: Partial<TriageInput> = {}): string[] =>
		questionsFor({ ...report(text), ...extra }).questions.map((q) => q.id);

	it('asks the red flags of the complaint the patient described, most dangerous first', () => {
		expect(asked('my stomach hurts')).toEqual([
			'abdominal.vomit_blood',
			'abdominal.hard',
			'abdominal.blood_stool',
			'abdominal.faint',
			'abdominal.severe',
			'abdominal.movement'
		]);
	});

	it('takes each recognised family in turn when the text names two ("my side hurts": chest wall and flank)', () => {
		const q = questionsFor(report('my side hurts'));
		expect(q.complaints).toEqual(expect.arrayContaining(['chest', 'urinary']));
		expect(q.questions.slice(0, 2).map((x) => x.complaint)).toEqual(['chest', 'urinary']);
		expect(q.questions).toHaveLength(rs.questions.maxQuestions);
	});

	it.each([
		['I have a headache but no stiff neck', 'headache.stiff_neck'],
		['my stomach hurts and there is blood in my stool', 'abdominal.blood_stool'],
		['it burns when I pee and I have a fever', 'urinary.fever'],
		['my eye hurts and I wear contacts', 'eye.contacts'],
		['I fell and hit my head', 'injury.hit_head'],
		['I feel down, no thoughts of hurting myself', 'mental_health.suicidal'],
		['I have a fever of 103.5', 'fever.high']
	])('never asks what the text already says: "%s" does not ask %s', (text, id) => {
		const ids = asked(text);
		expect(ids.length, 'the family is still asked about').toBeGreaterThan(0);
		expect(ids.map((q) => q.split('.')[0])).toContain(id.split('.')[0]);
		expect(ids).not.toContain(id);
	});

	it('asks about the belly or the eye when the text names it without a symptom the engine knows', () => {
		const es = { ...report('mi mama no se siente bien del estomago', { age: 77 }), lang: 'es' as const };
		expect(questionsFor(es).complaints).toContain('abdominal');
		expect(questionsFor(report('something is wrong with my eye')).complaints).toContain('eye');
	});

	it('asks an older person who will not eat the "not right" questions, and a baby who will not feed a child’s', () => {
		expect(questionsFor(report('abuela no quiere comer', { age: 88 })).complaints).toEqual(['not_right']);
		expect(questionsFor(report('my baby will not feed', { age: 34 })).complaints).toContain('child');
	});

	it('never asks a question already answered, and never the same thing twice', () => {
		expect(asked('my stomach hurts', { answers: { 'abdominal.vomit_blood': 'no' } })).not.toContain(
			'abdominal.vomit_blood'
		);
		// Chest and breathing both ask about a swollen leg: once.
		const both = questionsFor(report('my chest feels tight and I have a cough'));
		const texts = both.questions.map((q) => q.text);
		expect(new Set(texts).size).toBe(texts.length);
	});

	it('asks nothing once the text is already an emergency (the call-911 screen comes first) or only admin', () => {
		const e = questionsFor(report('crushing chest pain going down my left arm'));
		expect(e.level).toBe('emergency');
		expect(e.questions).toEqual([]);
		expect(questionsFor(report('I need to reschedule my appointment')).questions).toEqual([]);
	});

	it('offers the family picker instead of guessing when it recognises no complaint', () => {
		const q = questionsFor(report('i dont feel good'));
		expect(q.questions).toEqual([]);
		expect(q.picker?.map((p) => p.id)).toEqual(families.map((f) => f.id));
		const es = questionsFor({ ...report('no me siento bien'), lang: 'es' });
		expect(es.picker?.[0]?.label).toBe(families[0]!.label.es);
		// A tap on the picker brings that family's questions.
		const picked = questionsFor({ ...report('i dont feel good'), complaints: ['abdominal'] });
		expect(picked.picker).toBeUndefined();
		expect(picked.questions[0]?.id).toBe('abdominal.vomit_blood');
	});

	it('marks the questions whose "yes" means call 911 now, and the crisis line', () => {
		const q = questionsFor(report('I have been feeling down and stressed'));
		const suicidal = q.questions.find((x) => x.id === 'mental_health.suicidal');
		expect(suicidal).toMatchObject({ emergency: true, crisis: true, redFlag: true });
		const cope = q.questions.find((x) => x.id === 'mental_health.cope');
		expect(cope).toMatchObject({ emergency: false, crisis: false, redFlag: true });
		const fever = questionsFor(report('my son is sick', { age: 2 })).questions.find((x) => x.id === 'child.fever');
		expect(fever?.redFlag).toBe(false);
	});

	it('asks in the patient language', () => {
		const q = questionsFor({ ...report('me duele el estómago'), lang: 'es' });
		expect(q.questions[0]?.text).toBe(rs.questions.byId.get('abdominal.vomit_blood')?.question.text.es);
	});
});

describe('what the form tells', () => {
	it('counts the age of the person the report is about, not the account holder', () => {
		const text = 'she fell down today';
		expect(triage(report(text, { age: 45 })).level).toBe('routine');
		const mother = triage({ ...report(text, { age: 45 }), subject: 'parent', subjectAgeYears: 82 });
		expect(mother.level).toBe('urgent');
		expect(mother.reasons.flatMap((r) => r.evidence).join(' ')).toContain('82');
	});

	it('reads the risk-factor taps as patient facts', () => {
		const d = triage({ ...report('I fell down today'), riskFactors: ['blood_thinner'] });
		expect(d.level).toBe('urgent');
		expect(d.reasons.flatMap((r) => r.evidence)).toContain('risk factor: Takes a blood thinner');
		expect(triage({ ...report('I have a fever'), riskFactors: ['weak_immune'] }).level).toBe('emergency');
		expect(triage({ ...report('I fell down today'), riskFactors: ['no_such_tap'] }).level).toBe('routine');
	});

	it('reads measurements as vital signs, and ignores readings outside what a body can have', () => {
		const low = triage({ ...report('I feel a bit off'), measurements: { spo2: 87 } });
		expect(low.level).toBe('emergency');
		expect(low.reasons.flatMap((r) => r.evidence)).toContain('measured: oxygen 87%');
		expect(triage({ ...report('I am pregnant'), measurements: { systolic: 165, diastolic: 112 } }).level).toBe(
			'emergency'
		);
		expect(triage({ ...report('checking in'), measurements: { spo2: 12 } }).reasons.map((r) => r.id)).not.toContain(
			'vitals.oxygen_low'
		);
	});

	it('ignores an answer to a question that does not exist', () => {
		const base = triage(report('my stomach hurts'));
		expect(triage({ ...report('my stomach hurts'), answers: { 'abdominal.nope': 'yes' } }).level).toBe(base.level);
	});

	it('an answer only adds: "no" never takes away what the text said', () => {
		const d = triage({ ...report('my chest hurts and I am short of breath'), answers: { 'chest.breathing': 'no' } });
		expect(d.level).toBe('emergency');
	});

	it('a pick of a complaint the text already names changes nothing (rib pain stays rib pain)', () => {
		const ribs = report('sudden sharp rib pain when I breathe', { age: 75, severity: 7 });
		expect(triage({ ...ribs, complaints: ['chest'] })).toEqual(triage(ribs));
	});

	it('a picked complaint is reported as the patient picked it', () => {
		const d = triage({ ...report('i dont feel good'), complaints: ['chest'] });
		expect(d.level).toBe('urgent');
		expect(d.reasons.flatMap((r) => r.evidence)).toContain('about: Chest, rib or side pain');
	});
});

describe('answers never lower a decision', () => {
	const dev = [...loadFixture('vignettes.dev.jsonl'), ...loadFixture('vignettes.paraphrase.jsonl')].map((v) => v.input);
	const answers = fc.constantFrom<Answer>('yes', 'no', 'unsure');

	it('on every dev vignette, answering every question asked, any way, never lowers the level', () => {
		fc.assert(
			fc.property(fc.constantFrom(...dev), fc.infiniteStream(answers), (input, stream) => {
				const base = triage(input).level;
				const step = questionsFor(input);
				const given = Object.fromEntries(step.questions.map((q) => [q.id, stream.next().value]));
				expect(levelRank(triage({ ...input, answers: given }).level)).toBeGreaterThanOrEqual(levelRank(base));
			}),
			{ numRuns: 300 }
		);
	});

	it('on every dev vignette, answering "no" to everything asked keeps the level exactly', () => {
		for (const input of dev) {
			const step = questionsFor(input);
			const no = Object.fromEntries(step.questions.map((q) => [q.id, 'no' as Answer]));
			expect(triage({ ...input, answers: no }).level).toBe(triage(input).level);
		}
	});

	it('"not sure" counts as "yes" exactly where a "yes" would reach a clinician', () => {
		for (const f of families)
			for (const q of f.questions) {
				expect(countsAsYes(q, 'yes')).toBe(true);
				expect(countsAsYes(q, 'no')).toBe(false);
				expect(countsAsYes(q, 'unsure')).toBe(levelRank(q.level) >= levelRank('urgent'));
			}
	});
});

describe('intensifiers inside a symptom', () => {
	it('reads "feeling really down" as "feeling down", and quotes it as written', () => {
		const d = triage(report('I have been feeling really down lately'));
		expect(d.reasons.flatMap((r) => r.evidence)).toContain('feeling really down');
		expect(questionsFor(report('I have been feeling really down lately')).complaints).toContain('mental_health');
	});

	it('never lets an intensifier carry a negation or a history across: it only joins a symptom’s own words', () => {
		expect(triage(report('no chest pain at all, I am really just tired')).level).toBe('routine');
	});
});
