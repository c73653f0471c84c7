import { describe, it, expect } from 'vitest';
import examples from './data/examples.json';
import { defaultRuleSet, triage } from './index';
import { EMERGENCY_SCREEN_IDS, levelRank, type EmergencyScreenId, type Sex, type TriageLevel } from './types';
import { report, type InputOptions } from './test-helpers';

/**
 * data/examples.json gives every rule (and uplift) a message on which it must
 * fire and a near miss on which it must not. Deleting or breaking any rule
 * fails its example; a rule without examples fails the first test.
 */
interface Example {
	text: string;
	age?: number | null;
	sex?: Sex | null;
	pregnant?: boolean | null;
	severity?: number | null;
	screen?: string[];
}
const table = examples as Record<string, { fires: Example[]; nearMiss: Example[] }>;
const options = (e: Example): InputOptions => ({
	age: e.age,
	sex: e.sex,
	pregnant: e.pregnant,
	severity: e.severity,
	screen: (e.screen ?? []).filter((s): s is EmergencyScreenId =>
		(EMERGENCY_SCREEN_IDS as readonly string[]).includes(s)
	)
});
const fired = (e: Example): string[] => triage(report(e.text, options(e))).reasons.map((r) => r.id);
const ruleIds = [...defaultRuleSet().rules, ...defaultRuleSet().uplifts].map((r) => r.id);

describe('every rule has examples that prove it', () => {
	it('each rule and uplift has a firing example and a near miss, and no example names a rule that is gone', () => {
		for (const id of ruleIds) {
			expect(table[id]?.fires.length ?? 0, `${id} has no firing example`).toBeGreaterThan(0);
			expect(table[id]?.nearMiss.length ?? 0, `${id} has no near miss`).toBeGreaterThan(0);
		}
		expect(Object.keys(table).filter((id) => !ruleIds.includes(id))).toEqual([]);
	});

	it.each(ruleIds.flatMap((id) => (table[id]?.fires ?? []).map((e) => [id, e.text, e] as const)))(
		'%s fires on "%s"',
		(id, _t, e) => {
			expect(fired(e)).toContain(id);
		}
	);

	it.each(ruleIds.flatMap((id) => (table[id]?.nearMiss ?? []).map((e) => [id, e.text, e] as const)))(
		'%s does not fire on "%s"',
		(id, _t, e) => {
			expect(fired(e)).not.toContain(id);
		}
	);
});

/* Families of wording, each with the range of levels a clinician accepts. */
interface Case {
	text: string;
	o?: InputOptions;
	/** Lowest acceptable level. */
	min: TriageLevel;
	/** Highest acceptable level (defaults to min). */
	max?: TriageLevel;
}

function check({ text, o, min, max }: Case): void {
	const d = triage(report(text, o));
	const why = `${d.level}: ${d.reasons.map((r) => r.id).join(', ')}`;
	expect(levelRank(d.level), why).toBeGreaterThanOrEqual(levelRank(min));
	expect(levelRank(d.level), why).toBeLessThanOrEqual(levelRank(max ?? min));
}

const E: TriageLevel = 'emergency';
const U: TriageLevel = 'urgent';
const R: TriageLevel = 'routine';
const A: TriageLevel = 'admin';

const families: Record<string, Case[]> = {
	'GI bleed': [
		{ text: 'tummy pain since this morning and theres blood in my poop', min: U, max: E },
		{ text: 'my stools have gone black and tarry the last two days', min: U, max: E },
		{ text: 'bloody diarrhea and i almost fainted standing up', min: E },
		{ text: 'threw up what looked like coffee grounds', min: E },
		{ text: 'vomiting blood this morning', min: E },
		{ text: 'blood in my BM with cramping, on warfarin', min: E },
		{ text: 'no blood in my stool, just some constipation', min: R },
		{ text: 'pooping a LOT of blood, the bowl is full of it', min: E }
	],
	cardiac: [
		{ text: 'crushing pain in the middle of my chest spreading to my left arm', min: E },
		{ text: 'my chest feels really tight and im sweating buckets', min: E },
		{ text: 'chest hurts when i walk up the hill, goes away when i rest', min: E },
		{ text: 'some chest discomfort on and off today', min: U, max: E },
		{ text: 'i think im having a heart attack', min: E },
		{ text: 'my mother had a heart attack years ago, i have no chest pain, want a checkup', min: R },
		{ text: 'heart racing and i feel like im going to pass out', min: E },
		{ text: 'had chest pressure yesterday while mowing, none today', o: { age: 70 }, min: U, max: E }
	],
	'seed rib pain': [
		{ text: 'sudden sharp pain in my left ribs', min: U, max: E },
		{ text: 'rib pain came on suddenly and now im short of breath', min: E },
		{ text: 'pain under my ribs on the right started suddenly, feel dizzy', min: E }
	],
	respiratory: [
		{ text: 'i cant breathe properly', min: E },
		{ text: 'cant catch my breath even sitting still', min: E },
		{ text: 'short of breath since yesterday', min: U, max: E },
		{ text: 'wheezing and the inhaler is not working', min: E },
		{ text: 'my lips are turning blue', min: E },
		{ text: 'asthma flaring, using my puffer every couple hours', min: U, max: E },
		{ text: 'breathing is fine, just a tickly cough', min: R }
	],
	'stroke and neuro': [
		{ text: 'my dad is slurring his words and one side of his face is drooping', min: E },
		{ text: 'suddenly cant feel my right arm', min: E },
		{ text: 'her left leg went weak all of a sudden', min: E },
		{ text: 'never had a headache this bad, came on in seconds', min: E },
		{ text: 'she had a seizure about 10 minutes ago', min: E },
		{ text: 'my husband is confused and doesnt recognize me', o: { age: 75 }, min: E },
		{ text: 'hit my head on a shelf and now im vomiting and drowsy', min: E },
		{ text: 'mild headache after a long day staring at screens', min: R },
		{ text: 'lost vision in my left eye suddenly', min: E },
		{ text: 'not making sense when she talks', min: E }
	],
	'sepsis and meningitis': [
		{ text: 'high fever and a stiff neck, light hurts', min: E },
		{ text: 'fever 39.5 and he is very confused', min: E },
		{ text: 'fever with purple spots on her legs that dont fade', min: E },
		{ text: 'on chemo and now temp is 38.4', min: E },
		{ text: 'fever and shaking chills, breathing fast', min: E },
		{ text: 'low grade fever and runny nose', min: R }
	],
	allergy: [
		{ text: 'my throat is closing up after eating peanuts', min: E },
		{ text: 'lips and tongue swelling after a new medicine', min: E },
		{ text: 'hives all over and now wheezing', min: E },
		{ text: 'itchy rash after starting a new antibiotic, breathing fine', min: U, max: E },
		{ text: 'no swelling of my lips or tongue, just sneezy from pollen', min: R }
	],
	obstetric: [
		{
			text: 'might be pregnant, period is late, bad pain low on my right side and bleeding',
			o: { sex: 'female' },
			min: E
		},
		{ text: 'pregnant and bleeding with cramps', o: { sex: 'female', pregnant: true }, min: E },
		{ text: 'some spotting today', o: { sex: 'female', pregnant: true }, min: U, max: E },
		{ text: 'severe headache and seeing flashing lights', o: { sex: 'female', pregnant: true }, min: E },
		{ text: 'baby hasnt moved much today', o: { sex: 'female', pregnant: true }, min: U, max: E },
		{ text: 'my water broke', o: { sex: 'female', pregnant: true }, min: U, max: E },
		{ text: 'mild morning sickness but keeping food down', o: { sex: 'female', pregnant: true }, min: R, max: U }
	],
	paediatric: [
		{ text: 'my newborn has a temperature of 100.6', o: { age: 0.05 }, min: E },
		{ text: 'baby is floppy and hard to wake', o: { age: 0.5 }, min: E },
		{ text: 'no wet diapers since last night', o: { age: 0.7 }, min: E },
		{ text: 'my 5 month old is refusing her bottle', o: { age: 0.42 }, min: U, max: E },
		{ text: 'my son swallowed a button battery', o: { age: 3 }, min: E },
		{ text: 'toddler has a runny nose and mild cough, eating fine', o: { age: 2 }, min: R }
	],
	'mental health': [
		{ text: 'i want to kill myself', min: E },
		{ text: 'sometimes i wish i could go to sleep and not wake up', min: E },
		{ text: 'ive been cutting myself again', min: E },
		{ text: 'took a whole bottle of tylenol an hour ago', min: E },
		{ text: 'the voices are telling me to hurt people', min: E },
		{ text: 'i am not suicidal, just stressed about exams and not sleeping', min: R, max: U },
		{ text: 'feeling anxious lately, would like to talk to a counselor', min: R }
	],
	injuries: [
		{ text: 'sliced my finger and the bleeding will not stop after 20 minutes of pressure', min: E },
		{ text: 'my arm looks deformed after the fall and i cant move it', min: U, max: E },
		{ text: 'bone is sticking out of his leg', min: E },
		{ text: 'rolled my ankle and cant put weight on it', min: U, max: E },
		{ text: 'burned my hand on the stove, big blister', min: U, max: E },
		{ text: 'a stray cat bit me', min: U, max: E },
		{ text: 'my grandmother fell in the bathroom', o: { age: 84 }, min: U, max: E },
		{ text: 'stubbed my toe, a little bruised', min: R }
	],
	'urology and other': [
		{ text: 'havent been able to pee all day and my belly is swollen', min: U, max: E },
		{ text: 'sudden terrible pain in my testicle', o: { age: 16, sex: 'male' }, min: E },
		{ text: 'burning pee with fever and back pain', min: U, max: E },
		{ text: 'my calf is red and puffy after a long flight', min: U, max: E },
		{ text: 'sugar is 42 and im shaky and confused', min: E },
		{ text: 'glucose 480 and vomiting', min: E },
		{ text: 'took my blood thinner twice this morning by accident', min: U, max: E },
		{ text: 'pepper spray got in my eyes', min: E },
		{ text: 'grandma has had diarrhea and hasnt peed much, very weak', o: { age: 86 }, min: U, max: E }
	],
	admin: [
		{ text: 'please refill my levothyroxine, no changes', min: A },
		{ text: 'question about my last invoice', min: A },
		{ text: 'can i get a copy of my medical records sent to my new doctor', min: A },
		{ text: 'need to reschedule my physical', min: A },
		{ text: 'can you fax the disability form to my employer', min: A },
		{ text: 'refill my metformin please and also my chest has been hurting', min: U, max: E },
		{ text: 'book me an appointment, i have had a fever for a week', min: R, max: U }
	]
};

families['generalisations from independent vignettes'] = [
	{ text: 'upper stomach pain and im drenched in sweat, feel like throwing up', o: { age: 66 }, min: E },
	{ text: 'indigestion since dinner and my left arm feels heavy', o: { age: 61 }, min: E },
	{ text: 'pressure in the middle of my chest wont let up', o: { age: 47 }, min: E },
	{ text: 'mild heartburn after coffee', o: { age: 30 }, min: R },
	{ text: 'my grandmas smile is lopsided and she cant raise her right arm', o: { age: 79 }, min: E },
	{ text: 'suddenly dizzy, cant walk straight, keep falling to the left', o: { age: 64 }, min: E },
	{ text: 'took like 20 of my tylenol an hour ago', o: { age: 19 }, min: E },
	{ text: 'took 2 tylenol for my headache, its better', min: R },
	{ text: 'i take 12 pills a day and want a review', o: { age: 80 }, min: R },
	{ text: 'i have a plan to end it tonight', min: E },
	{ text: 'i keep thinking about jumping in front of a train', min: E },
	{ text: 'my 3yo got into grandmas pill organizer', o: { age: 3 }, min: E },
	{ text: 'my poop has been black and sticky like tar, nearly passed out', min: E },
	{ text: 'bright red blood on the toilet paper when i wipe, no pain', min: R, max: U },
	{ text: 'tummy cramps and blood mixed in with my poo today', min: U, max: E },
	{ text: 'threw up after drinking and theres little streaks of blood in it', min: U, max: E },
	{ text: 'fell and bumped my head, im on warferin', o: { age: 77 }, min: E },
	{ text: 'mum fell and cant get up, leg looks shorter', o: { age: 86 }, min: E },
	{ text: 'whole family has headaches and feels sick, the furnace is old', min: E },
	{
		text: 'im 36 weeks and the baby has not moved at all since last night',
		o: { pregnant: true, sex: 'female' },
		min: E
	},
	{ text: 'my 2 year old has a barky cough', o: { age: 2 }, min: U, max: E },
	{ text: 'only one wet nappy today and vomiting', o: { age: 1.5 }, min: U, max: E },
	{ text: 'my baby has a bulging soft spot and a high temp', o: { age: 0.5 }, min: E },
	{ text: 'painful blisters on my forehead going toward my eye', min: U, max: E },
	{ text: 'scalp is tender and my jaw aches when i chew', o: { age: 72 }, min: U, max: E },
	{ text: 'woke up and cant hear out of my left ear at all', min: U, max: E },
	{ text: 'bee sting, a bit swollen and itchy around the sting', min: R },
	{ text: 'i need a refill of my epipen, the old one expired', min: A },
	{ text: 'can you email me my covid test result for travel', min: A },
	{ text: 'my husband snores and sometimes stops breathing at night', o: { age: 55 }, min: R },
	{ text: 'sore throat, swollen glands, no trouble breathing', min: R },
	{ text: 'heavy periods for a year, want to discuss options', o: { sex: 'female', pregnant: false }, min: R }
];

describe.each(Object.entries(families))('%s rules', (_family, cases) => {
	it.each(cases.map((c) => [c.text, c] as const))('%s', (_text, c) => check(c));
});
