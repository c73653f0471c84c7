import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireRole } from '$lib/server/auth/guard';
import { patientProfiles } from '$lib/server/db/schema';
import { failWith, formValues, validate, type FormValues } from '$lib/server/http/form';
import { ageInYears, submitReport } from '$lib/server/reports/submit';
import { questionStepFor, riskFactorChoices } from '$lib/server/triage/questions';
import { db, now, submit } from '$lib/server/runtime';
import { langOf, optionalNumber, reportFromForm, tickedScreen } from '$lib/report-form';
import { questionsRequestSchema, reportSchema, toldSchema, type ReportInput } from '$lib/schemas';
import { EMERGENCY_SCREEN_IDS } from '$lib/triage/types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Step 2's fields: an error in one of them is shown on step 2. */
const DETAIL_FIELDS = ['description', 'severity', 'duration', 'callbackPhone', 'contactPreference', 'subjectAge', '_'];

const READING_FIELDS: Record<string, string> = {
	temperatureC: 'temperature',
	glucoseMgDl: 'glucose',
	systolic: 'systolic',
	diastolic: 'diastolic',
	spo2: 'spo2'
};

/** Error keys as the form's fields are named; a reading's message goes beside its own box. */
function formErrors(errors: Record<string, string>, raw: ReturnType<typeof reportFromForm>): Record<string, string> {
	const out = { ...errors };
	if (out.durationHours) out.duration = out.durationHours;
	if (out.subjectAgeYears) out.subjectAge = out.subjectAgeYears;
	if (out.measurements) {
		const readings = toldSchema.shape.measurements.safeParse(raw.measurements);
		for (const issue of readings.success ? [] : readings.error.issues) {
			const field = READING_FIELDS[String(issue.path[0])];
			if (field) out[field] ??= issue.message;
		}
		delete out.measurements;
	}
	return out;
}

/** A °F reading outside what a thermometer shows is a typo: said in the unit the patient used. */
function temperatureError(all: FormValues): string | null {
	const t = optionalNumber(all.temperature);
	if (t === null) return null;
	if (!Number.isFinite(t)) return m.p_tempNumber();
	if (all.temperatureUnit !== 'C' && (t < 93 || t > 110)) return m.p_tempRangeF();
	return null;
}

export const load: PageServerLoad = () => {
	const user = requireRole('patient');
	const profile = db().select().from(patientProfiles).where(eq(patientProfiles.userId, user.id)).get();
	const age = profile ? ageInYears(profile.dateOfBirth, now()) : null;
	const lang = getLocale();
	return {
		phone: profile?.phone ?? '',
		// Asked only where it can matter: it changes triage of pain, bleeding and headache.
		askPregnancy: profile?.sex !== 'male' && age !== null && age >= 10 && age < 60,
		// A fresh id per visit makes a double-tapped submit one report, not two.
		reportId: crypto.randomUUID(),
		riskFactors: riskFactorChoices(lang)
	};
};

/** Steps 2 and 3 post the same fields: the report as the form has it so far, validated. */
async function readReportForm(request: Request) {
	const user = requireRole('patient');
	const data = await request.formData();
	const { all, echo } = formValues(data);
	const raw = reportFromForm(data, all);
	return { user, all, echo, lang: langOf(all.lang), raw, input: validate(reportSchema, raw) };
}

async function send(userId: string, input: ReportInput, echo: FormValues) {
	const result = await submit((context) => submitReport(context, userId, input));
	if (!result.ok) return failWith(result.problem, echo);
	redirect(303, `/reports/${result.value.report.id}?submitted=1`);
}

export const actions: Actions = {
	/** Step 1: the emergency checklist. Any "yes" is saved and sent as an emergency at once. */
	screen: async ({ request }) => {
		const user = requireRole('patient');
		const data = await request.formData();
		const screen = tickedScreen(data);
		const unknown = screen.filter((id) => !(EMERGENCY_SCREEN_IDS as readonly string[]).includes(id));
		if (unknown.length > 0)
			return fail(400, { step: 'screen' as const, errors: { emergencyScreen: 'Unknown checklist item.' } });
		if (screen.length === 0) return { step: 'details' as const, values: { lang: langOf(String(data.get('lang'))) } };

		const input = validate(reportSchema, {
			id: data.get('id') || undefined,
			emergencyScreen: screen,
			description: '',
			contactPreference: 'call'
		});
		if (!input.ok) return fail(400, { step: 'screen' as const, errors: input.errors });
		return send(user.id, input.value, {});
	},

	/**
	 * Step 2 → 3: the description read, the questions it calls for (or the complaint picker). A
	 * description that needs no questions (an emergency already, or a request) is sent at once.
	 */
	questions: async ({ request }) => {
		const { user, echo, lang, raw, input } = await readReportForm(request);
		if (!input.ok) return fail(400, { step: 'details' as const, errors: formErrors(input.errors, raw), values: echo });
		const step = questionStepFor(db(), user.id, { ...input.value, lang }, now());
		if (step.questions.length === 0 && !step.picker) return send(user.id, input.value, echo);
		return { step: 'questions' as const, questionStep: step, picked: raw.complaints, values: echo };
	},

	/** Step 3: the answers, with everything from step 2, sent as one report. */
	submit: async ({ request }) => {
		const { user, all, echo, lang, raw, input } = await readReportForm(request);
		const tempError = temperatureError(all);
		if (!input.ok || tempError) {
			const errors = formErrors(input.ok ? {} : input.errors, raw);
			// Too long only with what was added on this step: said beside the box it was typed in.
			if (errors.description && all.more?.trim()) {
				errors.more = errors.description;
				delete errors.description;
			}
			if (tempError) errors.temperature = tempError;
			// A problem in step 2's fields (sent back from step 3 as hidden fields) is fixed on step 2.
			const onDetails = DETAIL_FIELDS.some((k) => k in errors);
			const asked = validate(questionsRequestSchema, {
				description: raw.description,
				emergencyScreen: raw.emergencyScreen,
				pregnant: raw.pregnant,
				lang,
				complaints: raw.complaints,
				subject: raw.subject,
				subjectAgeYears: raw.subjectAgeYears
			});
			if (onDetails || !asked.ok) return fail(400, { step: 'details' as const, errors, values: echo });
			// The same questions as before (asked without answers), with what was answered kept.
			const step = questionStepFor(db(), user.id, asked.value, now());
			return fail(400, {
				step: 'questions' as const,
				questionStep: step,
				picked: raw.complaints,
				errors,
				values: echo
			});
		}
		return send(user.id, input.value, echo);
	}
};
