/** Validation shared by forms, the JSON API and (where useful) the browser. */
import { z } from 'zod';
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
	.string({ error: 'Enter your email address.' })
	.trim()
	.toLowerCase()
	.max(254, 'That email address is too long.')
	.pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

const phone = z
	.string({ error: 'Enter a phone number.' })
	.trim()
	.max(32, 'That phone number is too long.')
	.refine((v) => /^\+?[\d\s().-]+$/.test(v) && v.replace(/\D/g, '').length >= 7 && v.replace(/\D/g, '').length <= 15, {
		error: 'Enter a phone number we can call, like 555-123-4567.'
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
		.string({ error: 'Enter your date of birth.' })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter your date of birth as month/day/year, like 07/04/1951.')
		.refine(
			(v) =>
				!Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
			{
				error: 'That date does not exist.'
			}
		)
		.refine((v) => {
			const age = ageOn(v, new Date());
			return age >= 0 && age <= 130;
		}, 'Date of birth must be in the past.')
);

export const signupSchema = z.object({
	email,
	password: z
		.string({ error: 'Choose a password.' })
		.min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
		.max(256, 'Use at most 256 characters.'),
	name: z
		.string({ error: 'Enter your name.' })
		.trim()
		.min(1, 'Enter your name.')
		.max(100, 'Use at most 100 characters.'),
	phone,
	dateOfBirth,
	sex: z.enum(SEXES, { error: 'Choose female, male or other.' }).nullish()
});
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({
	email,
	password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(256)
});

const QUESTION_IDS: ReadonlySet<string> = new Set(questionsData.families.flatMap((f) => f.questions.map((q) => q.id)));
const FAMILY_IDS: readonly string[] = questionsData.families.map((f) => f.id);
const RISK_FACTOR_IDS: readonly string[] = questionsData.riskFactors.map((r) => r.id);
const plausible = vitalsData.plausible;

/** A reading in its plausible range, with a message that says the range and the unit. */
const reading = (what: string, [lo, hi]: number[], unit: string) =>
	z
		.number({ error: `${what} must be a number.` })
		.min(lo!, `${what} must be between ${lo} and ${hi} ${unit}.`)
		.max(hi!, `${what} must be between ${lo} and ${hi} ${unit}.`)
		.nullish();

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
		.number({ error: 'Their age must be a number of years.' })
		.min(0, 'Their age cannot be negative.')
		.max(130, 'Their age must be at most 130 years.')
		.nullish(),
	riskFactors: z
		.array(z.enum(RISK_FACTOR_IDS, { error: 'Unknown risk factor.' }), { error: 'riskFactors must be a list of ids.' })
		.max(RISK_FACTOR_IDS.length)
		.transform((ids) => [...new Set(ids)].sort())
		.default([]),
	measurements: z
		.object(
			{
				temperatureC: reading('Temperature', plausible.temperatureC, '°C'),
				glucoseMgDl: reading('Blood sugar', plausible.glucoseMgDl, 'mg/dL'),
				systolic: reading('The top blood pressure number', plausible.systolic, 'mmHg'),
				diastolic: reading('The bottom blood pressure number', plausible.diastolic, 'mmHg'),
				spo2: reading('Oxygen', plausible.spo2, '%')
			},
			{ error: 'measurements must be an object of readings.' }
		)
		.refine((m) => typeof m.diastolic !== 'number' || typeof m.systolic === 'number', {
			path: ['systolic'],
			error: 'Enter the top blood pressure number too.'
		})
		.refine((m) => typeof m.systolic !== 'number' || typeof m.diastolic !== 'number' || m.systolic > m.diastolic, {
			path: ['diastolic'],
			error: 'The bottom blood pressure number must be lower than the top one.'
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
			.string({ error: 'Tell us what is going on.' })
			.trim()
			.max(DESCRIPTION_MAX, `Please keep it under ${DESCRIPTION_MAX} characters.`),
		severity: z
			.number({ error: 'Severity must be a number from 0 to 10.' })
			.int('Severity must be a whole number from 0 to 10.')
			.min(0, 'Severity must be from 0 to 10.')
			.max(10, 'Severity must be from 0 to 10.')
			.nullish(),
		durationHours: z
			.number({ error: 'How long must be a number of hours.' })
			.min(0, 'How long cannot be negative.')
			.max(24 * 365 * 10, 'That is longer than we can record.')
			.nullish(),
		pregnant: z.boolean({ error: 'pregnant must be true, false or null.' }).nullish(),
		callbackPhone: phone.optional(),
		contactPreference: z.enum(CONTACT_PREFERENCES, { error: 'Choose call, text or either.' }).default('call'),
		...toldSchema.shape
	})
	.refine((r) => r.emergencyScreen.length > 0 || r.description.length >= 3, {
		path: ['description'],
		error: 'Tell us in a few words what is going on.'
	});
/** A report to submit; what the question step told is optional (older clients and the checklist send none). */
export type ReportInput = Omit<z.infer<typeof reportSchema>, keyof ToldInput> & Partial<ToldInput>;

/** POST /api/v1/triage/questions: the description and what the patient has told so far. */
export const questionsRequestSchema = z.object({
	description: z
		.string({ error: 'Tell us what is going on.' })
		.trim()
		.max(DESCRIPTION_MAX, `Please keep it under ${DESCRIPTION_MAX} characters.`),
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
	text: z.string({ error: 'Tell us what has changed.' }).trim().min(1, 'Tell us what has changed.').max(DESCRIPTION_MAX)
});

export const callbackSchema = z.object({
	callbackPhone: phone.optional(),
	callbackWindow: z.enum(CALLBACK_WINDOWS, { error: 'Choose a time window.' }).optional(),
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
		current: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(256),
		password: newPassword,
		confirm: z.string({ error: 'Type the new password again.' })
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'The two new passwords are not the same.' });

export const passwordResetRequestSchema = z.object({ email: signupSchema.shape.email });

export const passwordResetSchema = z
	.object({
		token: z.string({ error: 'This reset link is not complete.' }).min(10).max(128),
		password: newPassword,
		confirm: z.string({ error: 'Type the new password again.' })
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'The two new passwords are not the same.' });

/** An admin's changes to a staff account: what patients see of them. */
export const staffEditSchema = z.object({
	name: signupSchema.shape.name,
	channel: staffAccountSchema.shape.channel,
	credential: z.string().trim().min(1, 'Choose a credential.').max(80),
	team: z.string().trim().min(2, 'Name the team patients will see.').max(80)
});
export type QuestionsRequest = z.infer<typeof questionsRequestSchema>;
