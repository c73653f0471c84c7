/**
 * Routing by triage level (DESIGN.md): which queue, and how long until someone
 * must acknowledge. Deadlines are computed from stored timestamps only, so a
 * restart never loses one.
 */
import { m } from '../../paraglide/messages';
import type { TriageLevel } from '../../triage/types';
import type { Queue } from '../../vocabulary';

const MINUTE = 60 * 1000;

export type Deadline = { minutes: number } | { businessDays: number };

export interface Route {
	queue: Queue;
	acknowledgeWithin: Deadline;
	/** What the patient is told happens next, in the page's language. */
	patientAdvice: () => string;
}

export function routeFor(level: TriageLevel): Route {
	switch (level) {
		case 'emergency':
			return {
				queue: 'clinician',
				acknowledgeWithin: { minutes: 5 },
				patientAdvice: m.advice_emergency
			};
		case 'urgent':
			return {
				queue: 'clinician',
				acknowledgeWithin: { minutes: 15 },
				patientAdvice: m.advice_urgent
			};
		case 'routine':
			return {
				queue: 'support',
				acknowledgeWithin: { businessDays: 1 },
				patientAdvice: m.advice_routine
			};
		case 'admin':
			return {
				queue: 'support',
				acknowledgeWithin: { businessDays: 2 },
				patientAdvice: m.advice_admin
			};
	}
}

/** The clinic's time zone (PUBLIC_TIMEZONE; unset, the server's own): business days and report periods use it. */
export const clinicTimeZone = (): string =>
	process.env.PUBLIC_TIMEZONE || Intl.DateTimeFormat().resolvedOptions().timeZone;

const weekdays = new Map<string, Intl.DateTimeFormat>();

/** The day of the week (0 = Sunday) of `at` in `timeZone`. */
function weekdayIn(at: number, timeZone: string): number {
	let f = weekdays.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone });
		weekdays.set(timeZone, f);
	}
	return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(f.format(at));
}

/**
 * Adds business days (Monday–Friday) in the clinic's time zone (PUBLIC_TIMEZONE; unset, the
 * machine's), 24 hours a day. With it set, every machine computes the same deadline, so the
 * audit that folds a report's events elsewhere gets the one the server stored. A weekend start
 * counts from Monday.
 */
export function addBusinessDays(from: number, days: number, timeZone: string = clinicTimeZone()): number {
	let at = from;
	let remaining = days;
	while (remaining > 0) {
		at += 24 * 60 * MINUTE;
		const weekday = weekdayIn(at, timeZone);
		if (weekday !== 0 && weekday !== 6) remaining -= 1;
	}
	return at;
}

export function deadlineFrom(from: number, deadline: Deadline): number {
	return 'minutes' in deadline ? from + deadline.minutes * MINUTE : addBusinessDays(from, deadline.businessDays);
}

export function respondByFor(level: TriageLevel, from: number): number {
	return deadlineFrom(from, routeFor(level).acknowledgeWithin);
}
