import { env } from '$env/dynamic/public';
import { getLocale } from './paraglide/runtime';

/**
 * Dates as people read them, in the clinic's time zone (PUBLIC_TIMEZONE) on the
 * server and in the browser alike, so a deadline reads the same before and after
 * a live refresh. Without it, the zone of whatever machine renders the page.
 * Words (day and month names) are in the page's language.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
	// The page's language: US English or US Spanish date words, the same clock.
	const locale = getLocale() === 'es' ? 'es-US' : 'en-US';
	const key = `${locale} ${timeZone ?? ''}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(locale, {
			weekday: 'short',
			month: 'short',
			day: 'numeric',
			hour: 'numeric',
			minute: '2-digit',
			timeZoneName: 'short',
			timeZone
		});
		formatters.set(key, formatter);
	}
	return formatter;
}

export function formatTime(iso: string, timeZone: string | undefined = env.PUBLIC_TIMEZONE || undefined): string {
	return formatterFor(timeZone).format(new Date(iso));
}

const MINUTE = 60_000;

/** A span of time in the largest units that matter at a glance: "8 min", "2 h 5 min", "3 days". */
export function formatSpan(ms: number): string {
	const minutes = Math.floor(Math.abs(ms) / MINUTE);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
	const days = Math.floor(hours / 24);
	return days === 1 ? '1 day' : `${days} days`;
}

/** "just now", "12 min ago", "2 h 5 min ago". */
export function timeAgo(iso: string, now: number): string {
	const ms = now - new Date(iso).getTime();
	return ms < MINUTE ? 'just now' : `${formatSpan(ms)} ago`;
}

/** A date of birth (stored YYYY-MM-DD) as the form shows it: mm/dd/yyyy. */
export function formatDateOfBirth(iso: string): string {
	const [y, m, d] = iso.split('-');
	return y && m && d ? `${m}/${d}/${y}` : iso;
}

/** A phone number as a tel: link wants it: digits and a leading +. */
export function telOf(phone: string): string {
	return phone.replace(/[^\d+]/g, '');
}
