/**
 * Words of the report form that are chosen by a value rather than written in
 * place. Every word itself is in messages/{en,es}.json (plain, about grade 6;
 * Spanish in the usted form); the question texts are reviewed clinical data
 * in src/lib/triage/data/questions.json.
 */
import { m } from '$lib/paraglide/messages';
/** How long it has been going on, in the units the form offers. */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const UNIT_WORDS: Record<DurationUnit, () => string> = {
	minutes: m.report_units_minutes,
	hours: m.report_units_hours,
	days: m.report_units_days,
	weeks: m.report_units_weeks
};

export function unitWord(unit: DurationUnit): string {
	return UNIT_WORDS[unit]();
}
