/**
 * The schema of the triage data directory (src/lib/triage/data). Every file a
 * clinician edits is validated against it when loaded, so a typo in a rule or
 * a reference to a finding that does not exist fails loudly instead of
 * silently never firing. Server, CLI and tests only: the browser imports the
 * types, never zod.
 */
import { z } from 'zod';
import { EMERGENCY_SCREEN_IDS, SEXES, TRIAGE_LEVELS } from './types';

const id = z.string().regex(/^[a-z][a-z0-9_.]*$/, 'ids are lower_snake_case');
const phrases = z.array(z.string().min(1));
const bilingual = z.object({ en: z.string().min(1), es: z.string().min(1) });

export const VITAL_KINDS = ['temperature', 'glucose', 'bp', 'heart_rate', 'spo2', 'pill_count'] as const;
export type VitalKind = (typeof VITAL_KINDS)[number];

export type Condition =
	| { finding: string; site?: string | string[]; modifier?: string | string[] }
	| { site: string }
	| { modifier: string }
	| { fact: string }
	| { vital: VitalKind; atLeast?: number | [number, number]; below?: number | [number, number] }
	| { age: { below?: number; atLeast?: number } }
	| { sex: (typeof SEXES)[number] }
	| { screen: (typeof EMERGENCY_SCREEN_IDS)[number] }
	| { anyScreen: true }
	| { screenCountAtMost: number }
	| { severityAtLeast: number }
	| { anyClinicalFinding: true }
	| { all: Condition[] }
	| { any: Condition[] }
	| { not: Condition };

const oneOrMany = z.union([id, z.array(id).min(1)]);
const threshold = z.union([z.number(), z.tuple([z.number(), z.number()])]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ finding: id, site: oneOrMany.optional(), modifier: oneOrMany.optional() }),
		z.strictObject({ site: id }),
		z.strictObject({ modifier: id }),
		z.strictObject({ fact: id }),
		z.strictObject({ vital: z.enum(VITAL_KINDS), atLeast: threshold.optional(), below: threshold.optional() }),
		z.strictObject({ age: z.strictObject({ below: z.number().optional(), atLeast: z.number().optional() }) }),
		z.strictObject({ sex: z.enum(SEXES) }),
		z.strictObject({ screen: z.enum(EMERGENCY_SCREEN_IDS) }),
		z.strictObject({ anyScreen: z.literal(true) }),
		z.strictObject({ screenCountAtMost: z.number().int().min(0) }),
		z.strictObject({ severityAtLeast: z.number().min(0).max(10) }),
		z.strictObject({ anyClinicalFinding: z.literal(true) }),
		z.strictObject({ all: z.array(conditionSchema).min(1) }),
		z.strictObject({ any: z.array(conditionSchema).min(1) }),
		z.strictObject({ not: conditionSchema })
	])
);

/** concepts.json: what exists, and how it is structured (no words: those are in the lexicons). */
export const conceptsSchema = z.strictObject({
	sites: z.record(id, z.strictObject({ parents: z.array(id) })),
	modifiers: z.record(
		id,
		z.strictObject({
			kind: z.enum([
				'onset',
				'intensity',
				'trajectory',
				'trigger',
				'laterality',
				'quantity',
				'frequency',
				'agent',
				'aggravating'
			])
		})
	),
	facts: z.record(
		id,
		z.strictObject({ kind: z.enum(['medicine', 'condition', 'pregnancy', 'exposure', 'statement']).optional() })
	),
	findings: z.record(
		id,
		z.strictObject({
			label: z.string().min(1),
			/** The site the finding implies ("headache" → head). */
			site: id.optional(),
			/** Other ways the finding is established: a finding at a site, with a modifier, or a vital sign. */
			also: z.array(conditionSchema).optional(),
			/** Counts even when said as a "what if" (passive suicidal thoughts: "if I just didn't wake up"). */
			hypotheticalCounts: z.boolean().optional()
		})
	),
	subjects: z.record(
		id,
		z.strictObject({
			label: z.string().min(1),
			/** An age the subject has at least (a grandparent is an older adult), for age rules when no age is given. */
			minAge: z.number().optional()
		})
	)
});

const contextLists = z.strictObject({
	negationBefore: phrases,
	negationAfter: phrases,
	pseudoNegation: phrases,
	termination: phrases,
	historical: phrases,
	historicalAfter: phrases,
	familyHistory: phrases,
	hypothetical: phrases
});

/** lexicon.en.json / lexicon.es.json: the words patients use, per concept. */
export const lexiconSchema = z.strictObject({
	language: z.enum(['en', 'es']),
	/** Written-out forms: contractions without apostrophes, shorthand, compounds ("cant" → "can not"). */
	shorthand: z.record(z.string().min(1), z.string().min(1)),
	/** Token sequences that all mean "unable to" ("can not", "not able to", "no puedo"). */
	unable: phrases,
	sites: z.record(id, phrases),
	modifiers: z.record(id, phrases),
	facts: z.record(id, phrases),
	findings: z.record(id, phrases),
	subjects: z.record(id, phrases),
	context: contextLists,
	vitalCues: z.record(z.enum(VITAL_KINDS), phrases),
	units: z.strictObject({ fahrenheit: phrases, celsius: phrases, mmol: phrases, percent: phrases, over: phrases }),
	ageUnits: z.strictObject({ days: phrases, weeks: phrases, months: phrases, years: phrases }),
	admin: phrases,
	/**
	 * Intensifiers and fillers a patient puts inside a symptom ("feeling really down", "bien mareada"): a
	 * finding, site, modifier, fact or subject phrase may skip up to two of them between its words. Single
	 * words; a phrase that names one still matches it as written.
	 */
	transparent: phrases.default([]),
	/** Words that carry no clinical content (greetings, thanks, fillers): they never stop a message being admin. */
	courtesy: phrases,
	/** A word right after one of these is a name ("dr patel", "this is margaret"). */
	nameLeads: phrases
});

export const vitalsSchema = z.strictObject({
	/** Plausible reading ranges; a cued number outside them cannot be read and goes to a clinician. */
	plausible: z.strictObject({
		temperatureF: z.tuple([z.number(), z.number()]),
		temperatureC: z.tuple([z.number(), z.number()]),
		glucoseMgDl: z.tuple([z.number(), z.number()]),
		glucoseMmol: z.tuple([z.number(), z.number()]),
		systolic: z.tuple([z.number(), z.number()]),
		diastolic: z.tuple([z.number(), z.number()]),
		heartRate: z.tuple([z.number(), z.number()]),
		spo2: z.tuple([z.number(), z.number()]),
		pillCount: z.tuple([z.number(), z.number()])
	}),
	/** How many tokens before (and after) a number a cue word may stand. */
	cueReach: z.strictObject({ before: z.number().int().min(1), after: z.number().int().min(0) })
});

export const ruleSchema = z.strictObject({
	id,
	level: z.enum(TRIAGE_LEVELS),
	when: conditionSchema,
	clinician: z.string().min(1),
	rationale: z.string().min(1),
	source: z.string().min(1),
	/** Patient wording when it differs from the level's default. */
	patient: bilingual.partial().optional(),
	crisisLine: z.boolean().optional(),
	tags: z.array(id).optional()
});

export const upliftSchema = z.strictObject({
	id,
	level: z.enum(TRIAGE_LEVELS),
	/** Applies when a rule carrying this tag fired… */
	ifTag: id,
	/** …and this holds too. */
	when: conditionSchema,
	clinician: z.string().min(1),
	rationale: z.string().min(1),
	source: z.string().min(1)
});

const engineRule = z.strictObject({
	level: z.enum(TRIAGE_LEVELS),
	clinician: z.string().min(1),
	rationale: z.string().min(1),
	source: z.string().min(1)
});

export const rulesFileSchema = z.strictObject({
	levelText: z.strictObject({
		emergency: bilingual,
		urgent: bilingual,
		routine: bilingual,
		admin: bilingual,
		crisis: bilingual
	}),
	rules: z.array(ruleSchema).min(1),
	uplifts: z.array(upliftSchema),
	/** What the engine does when no rule explains a message: the safe default. */
	defaults: z.strictObject({
		unexplainedFinding: engineRule,
		notUnderstood: engineRule,
		admin: engineRule,
		reassured: engineRule,
		empty: engineRule
	})
});

/** What one answer tells the engine: a finding of the report's subject, a modifier of the complaint, or a fact. */
export const answerEffectSchema = z.union([
	z.strictObject({ finding: id, site: id.optional() }),
	z.strictObject({ modifier: id }),
	z.strictObject({ fact: id })
]);
export type AnswerEffect = z.infer<typeof answerEffectSchema>;

export const questionSchema = z.strictObject({
	/** `<family>.<name>`: stable, stored with every answer. */
	id,
	/** Plain words (about grade 6), as a yes / no / not sure question. */
	text: bilingual,
	/** A nurse's two or three words for it on the staff summary ("Sudden onset"). */
	summary: z.string().min(1).max(40),
	/** What "yes" means: added to what the text says, as if the patient had written it. */
	yes: z.array(answerEffectSchema).min(1),
	/**
	 * The level "yes" reaches on the family's example message (tested). "Not sure" counts as "yes" when this is
	 * urgent or emergency: where the risk demands, doubt goes to a clinician.
	 */
	level: z.enum(TRIAGE_LEVELS),
	/**
	 * Other things that, said in the text, already answer it (its `yes` items do when all are said, or
	 * one is denied). A `vital` is answered by any reading of that kind, typed or measured ("fever of 103.5").
	 */
	answeredBy: z.array(z.union([answerEffectSchema, z.strictObject({ vital: z.enum(VITAL_KINDS) })])).optional(),
	rationale: z.string().min(1),
	source: z.string().min(1)
});

export const familySchema = z.strictObject({
	id,
	/** The picker's wording ("What is it mostly about?"). */
	label: bilingual,
	/** The family is recognised when any of these holds on the text and the form. */
	recognise: z.array(conditionSchema).min(1),
	/**
	 * What a tap on this family in the picker stands for: the complaint itself, as a finding, or as a fact
	 * where the family is a situation (pregnancy). Absent where a tap says nothing by itself (a child is
	 * unwell): it then only brings the family's questions.
	 */
	complaint: z.union([z.strictObject({ finding: id, site: id.optional() }), z.strictObject({ fact: id })]).optional(),
	/**
	 * A typical message of this family (and the age it is about, where that matters): the text alone must
	 * be recognised as the family, and each question's `level` is what "yes" reaches on it (tested).
	 */
	example: z.strictObject({ text: z.string().min(1), ageYears: z.number().min(0).max(130).optional() }),
	/** In clinical order: the most dangerous first. */
	questions: z.array(questionSchema).min(2).max(6)
});

export const riskFactorSchema = z.strictObject({
	id,
	label: bilingual,
	/** The staff summary's words ("On a blood thinner"). */
	summary: z.string().min(1).max(40),
	/** The fact a tap establishes. */
	fact: id,
	rationale: z.string().min(1),
	source: z.string().min(1)
});

/** questions.json: the complaint families, their red-flag questions and the risk-factor taps. */
export const questionsFileSchema = z.strictObject({
	/** At most this many questions in one step (the families' first ones come first). */
	maxQuestions: z.number().int().min(1).max(12),
	families: z.array(familySchema).min(1),
	riskFactors: z.array(riskFactorSchema)
});

export const manifestSchema = z.strictObject({
	name: z.string().min(1),
	nlpModel: z.string().regex(/^wink-eng-lite-web-model@\d+\.\d+\.\d+$/)
});

export type Concepts = z.infer<typeof conceptsSchema>;
export type LexiconData = z.infer<typeof lexiconSchema>;
export type VitalsData = z.infer<typeof vitalsSchema>;
export type RuleDef = z.infer<typeof ruleSchema>;
export type UpliftDef = z.infer<typeof upliftSchema>;
export type RulesFile = z.infer<typeof rulesFileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type QuestionDef = z.infer<typeof questionSchema>;
export type FamilyDef = z.infer<typeof familySchema>;
export type RiskFactorDef = z.infer<typeof riskFactorSchema>;
export type QuestionsFile = z.infer<typeof questionsFileSchema>;

/** Everything the engine reads: the contents of one data directory. */
export interface RuleData {
	manifest: Manifest;
	concepts: Concepts;
	lexicons: LexiconData[];
	vitals: VitalsData;
	rules: RulesFile;
	questions: QuestionsFile;
}

export const DATA_FILES = {
	manifest: 'manifest.json',
	concepts: 'concepts.json',
	lexiconEn: 'lexicon.en.json',
	lexiconEs: 'lexicon.es.json',
	vitals: 'vitals.json',
	rules: 'rules.json',
	questions: 'questions.json'
} as const;

export class RuleDataError extends Error {
	override name = 'RuleDataError';
}

/** Validates the files' shapes and every cross-reference between them. */
export function validateRuleData(raw: Record<keyof typeof DATA_FILES, unknown>): RuleData {
	const parse = <T>(schema: z.ZodType<T>, value: unknown, file: string): T => {
		const r = schema.safeParse(value);
		if (!r.success) {
			const issue = r.error.issues[0]!;
			throw new RuleDataError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
		}
		return r.data;
	};
	const data: RuleData = {
		manifest: parse(manifestSchema, raw.manifest, DATA_FILES.manifest),
		concepts: parse(conceptsSchema, raw.concepts, DATA_FILES.concepts),
		lexicons: [
			parse(lexiconSchema, raw.lexiconEn, DATA_FILES.lexiconEn),
			parse(lexiconSchema, raw.lexiconEs, DATA_FILES.lexiconEs)
		],
		vitals: parse(vitalsSchema, raw.vitals, DATA_FILES.vitals),
		rules: parse(rulesFileSchema, raw.rules, DATA_FILES.rules),
		questions: parse(questionsFileSchema, raw.questions, DATA_FILES.questions)
	};
	checkReferences(data);
	return data;
}

function checkReferences(data: RuleData): void {
	const { concepts } = data;
	const problems: string[] = [];
	const known = {
		finding: new Set(Object.keys(concepts.findings)),
		site: new Set(Object.keys(concepts.sites)),
		modifier: new Set(Object.keys(concepts.modifiers)),
		fact: new Set([...Object.keys(concepts.facts), ...DERIVED_FACTS]),
		subject: new Set(Object.keys(concepts.subjects))
	};
	const check = (kind: keyof typeof known, value: string, where: string): void => {
		if (!known[kind].has(value)) problems.push(`${where}: unknown ${kind} "${value}"`);
	};
	const walk = (c: Condition, where: string): void => {
		if ('finding' in c) {
			check('finding', c.finding, where);
			for (const s of [c.site ?? []].flat()) check('site', s, where);
			for (const m of [c.modifier ?? []].flat()) check('modifier', m, where);
		} else if ('site' in c) check('site', c.site, where);
		else if ('modifier' in c) check('modifier', c.modifier, where);
		else if ('fact' in c) check('fact', c.fact, where);
		else if ('all' in c) c.all.forEach((p) => walk(p, where));
		else if ('any' in c) c.any.forEach((p) => walk(p, where));
		else if ('not' in c) walk(c.not, where);
	};
	for (const [sid, s] of Object.entries(concepts.sites)) for (const p of s.parents) check('site', p, `site ${sid}`);
	for (const [fid, f] of Object.entries(concepts.findings)) {
		if (f.site) check('site', f.site, `finding ${fid}`);
		for (const c of f.also ?? []) walk(c, `finding ${fid}`);
	}
	const ids = new Set<string>();
	for (const r of [...data.rules.rules, ...data.rules.uplifts]) {
		if (ids.has(r.id)) problems.push(`rule ${r.id}: duplicate id`);
		ids.add(r.id);
		walk(r.when, `rule ${r.id}`);
	}
	const tags = new Set(data.rules.rules.flatMap((r) => r.tags ?? []));
	for (const u of data.rules.uplifts)
		if (!tags.has(u.ifTag)) problems.push(`uplift ${u.id}: no rule has tag "${u.ifTag}"`);
	for (const lex of data.lexicons) {
		const where = `lexicon.${lex.language}.json`;
		for (const k of Object.keys(lex.findings)) check('finding', k, where);
		for (const k of Object.keys(lex.sites)) check('site', k, where);
		for (const k of Object.keys(lex.modifiers)) check('modifier', k, where);
		for (const k of Object.keys(lex.facts)) check('fact', k, where);
		for (const k of Object.keys(lex.subjects)) check('subject', k, where);
	}
	const effect = (e: AnswerEffect, where: string): void => {
		if ('finding' in e) {
			check('finding', e.finding, where);
			if (e.site) check('site', e.site, where);
		} else if ('modifier' in e) check('modifier', e.modifier, where);
		else check('fact', e.fact, where);
	};
	const families = new Set<string>();
	const questionIds = new Set<string>();
	for (const f of data.questions.families) {
		if (families.has(f.id)) problems.push(`family ${f.id}: duplicate id`);
		families.add(f.id);
		f.recognise.forEach((c) => walk(c, `family ${f.id}`));
		if (f.complaint) effect(f.complaint, `family ${f.id}`);
		for (const q of f.questions) {
			const where = `question ${q.id}`;
			if (!q.id.startsWith(`${f.id}.`)) problems.push(`${where}: id must start with "${f.id}."`);
			if (questionIds.has(q.id)) problems.push(`${where}: duplicate id`);
			questionIds.add(q.id);
			for (const e of [...q.yes, ...(q.answeredBy ?? [])]) if (!('vital' in e)) effect(e, where);
		}
	}
	const risks = new Set<string>();
	for (const r of data.questions.riskFactors) {
		if (risks.has(r.id)) problems.push(`risk factor ${r.id}: duplicate id`);
		risks.add(r.id);
		check('fact', r.fact, `risk factor ${r.id}`);
	}
	if (problems.length > 0) throw new RuleDataError(problems.slice(0, 10).join('\n'));
}

/** Facts the engine derives from form fields and other facts, not from words alone. */
export const DERIVED_FACTS = ['pregnant', 'possibly_pregnant'] as const;
