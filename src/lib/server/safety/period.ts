/** The dashboard's period, chosen as whole days in the clinic's time zone (`from` and `to` inclusive). */
import { z } from 'zod';
import { clinicTimeZone } from '../queues/routing';
import type { SafetyPeriod } from './load';

const DAY = 24 * 60 * 60 * 1000;

/** Midnight at the start of `date` (YYYY-MM-DD) in `timeZone`, as epoch ms. */
export function startOfDayIn(date: string, timeZone: string): number {
	const utcMidnight = Date.parse(`${date}T00:00:00Z`);
	// The zone's offset near that instant, read from what its wall clock shows then (twice, for DST days).
	const offsetAt = (at: number) => {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		}).formatToParts(at);
		const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
		return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at;
	};
	const guess = utcMidnight - offsetAt(utcMidnight);
	return utcMidnight - offsetAt(guess);
}

/** YYYY-MM-DD of `at` in `timeZone`. */
export function dayIn(at: number, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const day = z.iso.date({ error: 'Give dates as YYYY-MM-DD.' });
const query = z
	.object({
		from: day.optional(),
		to: day.optional(),
		clinic: z.string().trim().max(100).optional()
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'The period must end on or after its first day.' })
	.refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * DAY, {
		error: 'Choose a period of at most a year.'
	});

export interface ChosenPeriod extends SafetyPeriod {
	fromDay: string;
	toDay: string;
}

/** The period in the URL, or the last 7 days up to today. */
export function periodFrom(
	params: URLSearchParams,
	now: number
): { ok: true; value: ChosenPeriod } | { ok: false; message: string } {
	const parsed = query.safeParse(Object.fromEntries(params));
	if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Check the period.' };
	const tz = clinicTimeZone();
	const toDay = parsed.data.to ?? dayIn(now, tz);
	const fromDay = parsed.data.from ?? dayIn(startOfDayIn(toDay, tz) - 6 * DAY + DAY / 2, tz);
	const next = dayIn(startOfDayIn(toDay, tz) + DAY + DAY / 2, tz);
	return {
		ok: true,
		value: {
			fromDay,
			toDay,
			from: startOfDayIn(fromDay, tz),
			to: startOfDayIn(next, tz),
			clinicId: parsed.data.clinic || null
		}
	};
}
