/**
 * The new-report form's fields as the JSON API's report (`POST /api/v1/reports`): one
 * conversion, used by the server's form actions and by the phone's outbox, so a report
 * saved offline is the same report the form would have sent.
 */

import type { Answer, AskedQuestion } from './triage/types';

/**
 * Does any answer so far call for `flag` (call 911: `emergency`; and 988: `crisis`)? A "yes", or a
 * "not sure" on a red-flag question, as the engine counts them.
 */
export function answersCallFor(
	questions: readonly AskedQuestion[] | undefined,
	answerOf: (id: string) => Answer | string | undefined,
	flag: 'emergency' | 'crisis'
): boolean {
	return (
		questions?.some((q) => {
			const a = answerOf(q.id);
			return q[flag] && (a === 'yes' || (a === 'unsure' && q.redFlag));
		}) ?? false
	);
}

/** The form's fields, first value of each name (as `formValues` gives them). */
export type FormFields = Record<string, string | undefined>;

const HOURS_PER_UNIT: Record<string, number> = { minutes: 1 / 60, hours: 1, days: 24, weeks: 24 * 7 };

/** Field names of the question step: one radio group per question. */
export const ANSWER_PREFIX = 'answer.';

export function optionalNumber(value: string | undefined): number | null {
	return value === undefined || value.trim() === '' ? null : Number(value);
}

export function firstValues(data: FormData): FormFields {
	const all: FormFields = {};
	for (const [key, value] of data) if (typeof value === 'string' && !(key in all)) all[key] = value;
	return all;
}

export function tickedScreen(data: FormData): string[] {
	return data.getAll('emergencyScreen').filter((v): v is string => typeof v === 'string');
}

/** The report as the form sends it, in the shape the API validates (numbers and lists parsed). */
export function reportFromForm(data: FormData, all: FormFields = firstValues(data)) {
	const duration = optionalNumber(all.duration);
	const answers: Record<string, string> = {};
	for (const [key, value] of data)
		if (key.startsWith(ANSWER_PREFIX) && typeof value === 'string') answers[key.slice(ANSWER_PREFIX.length)] = value;
	const temperature = optionalNumber(all.temperature);
	const list = (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
	const complaints = list('complaints');
	if (all.complaint && all.complaint !== 'none') complaints.push(all.complaint);
	return {
		id: all.id || undefined,
		emergencyScreen: tickedScreen(data),
		// "Anything else the nurse should know?" on the question step: the patient's words too, read with the rest.
		description: [all.description ?? '', all.more?.trim() ?? ''].filter((t) => t.length > 0).join('\n'),
		severity: optionalNumber(all.severity),
		durationHours: duration === null ? null : duration * (HOURS_PER_UNIT[all.durationUnit ?? 'hours'] ?? Number.NaN),
		pregnant: all.pregnant === 'yes' ? true : all.pregnant === 'no' ? false : null,
		callbackPhone: all.callbackPhone,
		contactPreference: all.contactPreference || 'call',
		subject: all.subject || 'self',
		subjectAgeYears: all.subject && all.subject !== 'self' ? optionalNumber(all.subjectAge) : null,
		answers,
		complaints,
		riskFactors: list('riskFactors'),
		measurements: {
			temperatureC:
				temperature === null
					? null
					: all.temperatureUnit === 'C'
						? temperature
						: Math.round((((temperature - 32) * 5) / 9) * 10) / 10,
			glucoseMgDl: optionalNumber(all.glucose),
			systolic: optionalNumber(all.systolic),
			diastolic: optionalNumber(all.diastolic),
			spo2: optionalNumber(all.spo2)
		}
	};
}

export type ReportPayload = ReturnType<typeof reportFromForm>;

/** The language asked for (`?lang=`, the form's field), else the browser's, else English. */
export function langOf(value: string | null | undefined, acceptLanguage: string | null = null): 'en' | 'es' {
	if (value === 'es' || value === 'en') return value;
	return acceptLanguage?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
