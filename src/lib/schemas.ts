/**
 * Validation shared by forms, the JSON API and (where useful) the browser.
 * What a patient may read is a message function, so a form answers in the
 * page's language (the API, outside any page, in English); staff-only and
 * API-only messages stay plain English strings.
 */
import { z } from 'zod';
import { m } from './paraglide/messages';
import type { Measurements } from './triage/types';
import { DESCRIPTION_MAX, LOWERING_REASON_MIN, PASSWORD_MIN } from './limits';
import questionsData from './triage/data/questions.json';
import vitalsData from './triage/data/vitals.json';
import { ANSWERS, EMERGENCY_SCREEN_IDS, SEXES, SUBJECTS, TRIAGE_LEVELS } from './triage/types';
import {
	CALLBACK_WINDOWS,
	CHANNELS,
	CONTACT_OUTCOMES,
	CONTACT_PREFERENCES,
	DISPOSITIONS,
	LOWERING_REASONS
} from './vocabulary';
export type { LoweringReasonCode } from './vocabulary';
export { DESCRIPTION_MAX, LOWERING_REASON_MIN, PASSWORD_MIN };

const email = z
	.string({ error: m.v_emailMissing })
	.trim()
	.toLowerCase()
	.max(254, { error: m.v_emailLong })
	.pipe(z.email({ error: m.v_emailBad }));

const phone = z
	.string({ error: m.v_phoneMissing })
	.trim()
	.max(32, { error: m.v_phoneLong })
	.refine((v) => /^\+?[\d\s().-]+$/.test(v) && v.replace(/\D/g, '').length >= 7 && v.replace(/\D/g, '').length <= 15, {
		error: m.v_phoneBad
	});

function ageOn(dateOfBirth: string, today: Date): number {
	const dob = new Date(`${dateOfBirth}T00:00:00Z`);
	return (today.getTime() - dob.getTime()) / (365.25 * 24 * 60 * 60 * 1000);
}

/** The date field sends YYYY-MM-DD; a browser without one (or the API) may send the mm/dd/yyyy the field shows. */
function isoFromUs(v: unknown): unknown {
	if (typeof v !== 'string') return v;
	const us = v.trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
	return us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : v;
}

const dateOfBirth = z.preprocess(
	isoFromUs,
	z
		.string({ error: m.v_dobMissing })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: m.v_dobFormat })
		.refine(
			(v) =>
				!Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
			{
				error: m.v_dobNoSuchDate
			}
		)
		.refine(
			(v) => {
				const age = ageOn(v, new Date());
				return age >= 0 && age <= 130;
			},
			{ error: m.v_dobPast }
		)
);

export const signupSchema = z.object({
	email,
	password: z
		.string({ error: m.v_passwordMissing })
		.min(PASSWORD_MIN, { error: () => m.v_passwordShort({ min: PASSWORD_MIN }) })
		.max(256, { error: m.v_at256 }),
	name: z.string({ error: m.v_nameMissing }).trim().min(1, { error: m.v_nameMissing }).max(100, { error: m.v_at100 }),
	phone,
	dateOfBirth,
	sex: z.enum(SEXES, { error: m.v_sex }).nullish()
});
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({
	email,
	password: z.string({ error: m.v_loginPassword }).min(1, { error: m.v_loginPassword }).max(256)
});

const QUESTION_IDS: ReadonlySet<string> = new Set(questionsData.families.flatMap((f) => f.questions.map((q) => q.id)));
const FAMILY_IDS: readonly string[] = questionsData.families.map((f) => f.id);
const RISK_FACTOR_IDS: readonly string[] = questionsData.riskFactors.map((r) => r.id);
const plausible = vitalsData.plausible;

/** A reading in its plausible range, with a message that says the range and the unit. */
const reading = (what: () => string, [lo, hi]: number[], unit: string) => {
	const range = { error: () => m.v_readingRange({ what: what(), lo: lo!, hi: hi!, unit }) };
	return z
		.number({ error: () => m.v_readingNumber({ what: what() }) })
		.min(lo!, range)
		.max(hi!, range)
		.nullish();
};

/** What the question step tells beside the words (see src/lib/triage/data/questions.json). */
export const toldSchema = z.object({
	answers: z
		.record(z.string(), z.enum(ANSWERS, { error: 'Each answer must be "yes", "no" or "unsure".' }), {
			error: 'answers must map question ids to "yes", "no" or "unsure".'
		})
		.refine((a) => Object.keys(a).length <= QUESTION_IDS.size, 'Too many answers.')
		.superRefine((a, ctx) => {
			for (const id of Object.keys(a))
				if (!QUESTION_IDS.has(id)) ctx.addIssue({ code: 'custom', message: `Unknown question: ${id.slice(0, 60)}.` });
		})
		.default({}),
	complaints: z
		.array(z.enum(FAMILY_IDS, { error: 'Unknown complaint.' }), { error: 'complaints must be a list of ids.' })
		.max(FAMILY_IDS.length)
		.transform((ids) => [...new Set(ids)])
		.default([]),
	subject: z.enum(SUBJECTS, { error: 'subject must be "self", "child", "parent" or "other".' }).default('self'),
	subjectAgeYears: z
		.number({ error: m.v_ageNumber })
		.min(0, { error: m.v_ageNegative })
		.max(130, { error: m.v_ageMax })
		.nullish(),
	riskFactors: z
		.array(z.enum(RISK_FACTOR_IDS, { error: 'Unknown risk factor.' }), { error: 'riskFactors must be a list of ids.' })
		.max(RISK_FACTOR_IDS.length)
		.transform((ids) => [...new Set(ids)].sort())
		.default([]),
	measurements: z
		.object(
			{
				temperatureC: reading(m.v_temperature, plausible.temperatureC, '°C'),
				glucoseMgDl: reading(m.v_glucose, plausible.glucoseMgDl, 'mg/dL'),
				systolic: reading(m.v_systolic, plausible.systolic, 'mmHg'),
				diastolic: reading(m.v_diastolic, plausible.diastolic, 'mmHg'),
				spo2: reading(m.v_oxygen, plausible.spo2, '%')
			},
			{ error: 'measurements must be an object of readings.' }
		)
		.refine((m) => typeof m.diastolic !== 'number' || typeof m.systolic === 'number', {
			path: ['systolic'],
			error: m.v_bpTopToo
		})
		.refine((m) => typeof m.systolic !== 'number' || typeof m.diastolic !== 'number' || m.systolic > m.diastolic, {
			path: ['diastolic'],
			error: m.v_bpOrder
		})
		.transform((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => typeof v === 'number')) as Measurements)
		.default({})
});
export type ToldInput = z.infer<typeof toldSchema>;

const emergencyScreen = z
	.array(z.enum(EMERGENCY_SCREEN_IDS, { error: 'Unknown emergency checklist item.' }), {
		error: 'emergencyScreen must be a list of checklist ids.'
	})
	.max(EMERGENCY_SCREEN_IDS.length)
	.transform((ids) => [...new Set(ids)]);

export const reportSchema = z
	.object({
		id: z.uuid({ error: 'id must be a UUID.' }).optional(),
		emergencyScreen,
		description: z
			.string({ error: m.v_describe })
			.trim()
			.max(DESCRIPTION_MAX, { error: () => m.v_describeLong({ max: DESCRIPTION_MAX }) }),
		severity: z
			.number({ error: m.v_severityNumber })
			.int({ error: m.v_severityWhole })
			.min(0, { error: m.v_severityRange })
			.max(10, { error: m.v_severityRange })
			.nullish(),
		durationHours: z
			.number({ error: m.v_durationNumber })
			.min(0, { error: m.v_durationNegative })
			.max(24 * 365 * 10, { error: m.v_durationLong })
			.nullish(),
		pregnant: z.boolean({ error: 'pregnant must be true, false or null.' }).nullish(),
		callbackPhone: phone.optional(),
		contactPreference: z.enum(CONTACT_PREFERENCES, { error: m.v_contactPreference }).default('call'),
		...toldSchema.shape
	})
	.refine((r) => r.emergencyScreen.length > 0 || r.description.length >= 3, {
		path: ['description'],
		error: m.v_describeFew
	});
/** A report to submit; what the question step told is optional (older clients and the checklist send none). */
export type ReportInput = Omit<z.infer<typeof reportSchema>, keyof ToldInput> & Partial<ToldInput>;

/** POST /api/v1/triage/questions: the description and what the patient has told so far. */
export const questionsRequestSchema = z.object({
	description: z
		.string({ error: m.v_describe })
		.trim()
		.max(DESCRIPTION_MAX, { error: () => m.v_describeLong({ max: DESCRIPTION_MAX }) }),
	emergencyScreen: emergencyScreen.default([]),
	lang: z.enum(['en', 'es'], { error: 'lang must be "en" or "es".' }).default('en'),
	pregnant: z.boolean({ error: 'pregnant must be true, false or null.' }).nullish(),
	...toldSchema.shape
});

export const staffAccountSchema = z.object({
	email,
	password: signupSchema.shape.password,
	name: signupSchema.shape.name,
	kind: z.enum(['nurse', 'doctor', 'support', 'admin'], { error: 'Choose nurse, doctor, support or admin.' }),
	channel: z.enum(CHANNELS, { error: 'Choose where they work: the office, the call center or telehealth.' }),
	credential: z.string().trim().max(80).optional(),
	team: z.string().trim().max(80).optional()
});
export type StaffAccountInput = z.infer<typeof staffAccountSchema>;

/** Flattens a ZodError into one message per top-level field, for forms and the API alike. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.length > 0 ? String(issue.path[0]) : '_';
		fields[key] ??= issue.message;
	}
	return fields;
}

/** Staff actions on a report (DESIGN.md payloads). */
export const noteSchema = z.object({
	text: z
		.string({ error: 'Write the note.' })
		.trim()
		.min(1, 'Write the note.')
		.max(DESCRIPTION_MAX, `Keep it under ${DESCRIPTION_MAX} characters.`)
});

export const contactAttemptSchema = z.object({
	outcome: z.enum(CONTACT_OUTCOMES, { error: 'Choose how the call went.' }),
	note: z.string().trim().max(DESCRIPTION_MAX).optional(),
	emergencyAdviceLeft: z.boolean({ error: 'emergencyAdviceLeft must be true or false.' }).optional()
});

export const escalateSchema = z.object({
	reason: z.string({ error: 'Say why it needs a clinician.' }).trim().min(3, 'Say why it needs a clinician.').max(2000)
});

export const levelChangeSchema = z.object({
	level: z.enum(TRIAGE_LEVELS, { error: 'Choose emergency, urgent, routine or admin.' }),
	reasonCode: z
		.enum(LOWERING_REASONS, { error: `Choose a reason for lowering: ${LOWERING_REASONS.join(', ')}.` })
		.optional(),
	reason: z.string({ error: 'Give a reason.' }).trim().min(3, 'Give a reason.').max(2000)
});

export const resolveSchema = z.object({
	outcome: z.string({ error: 'Say what happened.' }).trim().min(3, 'Say what happened.').max(DESCRIPTION_MAX),
	disposition: z.enum(DISPOSITIONS, { error: 'Choose how the report ends (the disposition).' })
});

/** What a patient adds to an open report. */
export const patientUpdateSchema = z.object({
	text: z.string({ error: m.v_whatChanged }).trim().min(1, { error: m.v_whatChanged }).max(DESCRIPTION_MAX)
});

export const callbackSchema = z.object({
	callbackPhone: phone.optional(),
	callbackWindow: z.enum(CALLBACK_WINDOWS, { error: m.v_timeWindow }).optional(),
	cancelled: z.boolean({ error: 'cancelled must be true or false.' }).optional()
});

export const dutySchema = z.object({ onDuty: z.boolean({ error: 'onDuty must be true or false.' }) });

/** A staff search (see server/reports/search.ts for what it reads). */
export const searchSchema = z.object({
	q: z
		.string({ error: 'Type a reference, a name, a date of birth or a phone number.' })
		.max(120, 'Use at most 120 characters.')
});

const newPassword = signupSchema.shape.password;

/** Changing one's own password: the current one, and the new one twice. */
export const passwordChangeSchema = z
	.object({
		current: z.string({ error: m.v_currentPassword }).min(1, { error: m.v_currentPassword }).max(256),
		password: newPassword,
		confirm: z.string({ error: m.v_confirmPassword })
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: m.v_passwordsDiffer });

export const passwordResetRequestSchema = z.object({ email: signupSchema.shape.email });

export const passwordResetSchema = z
	.object({
		token: z.string({ error: m.v_resetIncomplete }).min(10).max(128),
		password: newPassword,
		confirm: z.string({ error: m.v_confirmPassword })
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: m.v_passwordsDiffer });

/** An admin's changes to a staff account: what patients see of them. */
export const staffEditSchema = z.object({
	name: signupSchema.shape.name,
	channel: staffAccountSchema.shape.channel,
	credential: z.string().trim().min(1, 'Choose a credential.').max(80),
	team: z.string().trim().min(2, 'Name the team patients will see.').max(80)
});
export type QuestionsRequest = z.infer<typeof questionsRequestSchema>;
