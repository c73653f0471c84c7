/**
 * The page's language. Words live in messages/{en,es}.json and are compiled
 * by Paraglide into typed functions (`m.report_send()`); this module decides
 * which language they speak.
 *
 * On the server Paraglide's own request context holds the locale (set in
 * hooks.server.ts from the cookie, then Accept-Language). In the browser the
 * locale is a rune, so switching language re-renders every word where it
 * stands: a half-written report keeps its text, nothing reloads.
 */
import { browser } from '$app/environment';
import {
	baseLocale,
	cookieMaxAge,
	cookieName,
	getLocale,
	isLocale,
	overwriteGetLocale,
	type Locale
} from '$lib/paraglide/runtime';

export type { Locale };
export { m } from '$lib/paraglide/messages';

/** Dates and times as US English or US Spanish speakers write them. */
export function intlLocale(locale: Locale = getLocale()): string {
	return locale === 'es' ? 'es-US' : 'en-US';
}

/** Each language's name in itself: what the switch offers. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

export function otherLocale(locale: Locale = getLocale()): Locale {
	return locale === 'es' ? 'en' : 'es';
}

export function toLocale(value: unknown): Locale | null {
	return typeof value === 'string' && isLocale(value) ? value : null;
}

/** Staff pages (and the API) are written in English only, whatever the phone's language. */
export const ENGLISH_ONLY = /^\/(api|queue|admin|search|safety)(\/|$)/;

const client = $state({ chosen: baseLocale as Locale, englishOnly: false });
const pageLocale = (): Locale => (client.englishOnly ? 'en' : client.chosen);

if (browser) {
	// Paraglide's own resolution (the cookie, then the browser's languages), read once: the server's choice too.
	client.chosen = getLocale();
	client.englishOnly = ENGLISH_ONLY.test(location.pathname);
	overwriteGetLocale(pageLocale);
	document.documentElement.lang = pageLocale();
}

/** The language cookie as the server last set it (sign-in sets it from the account). */
function cookieLocale(): Locale | null {
	const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${cookieName}=([^;]*)`));
	return toLocale(match?.[1]);
}

/**
 * Called on every navigation (root layout): a staff page speaks English, a patient page the
 * chosen language, which a sign-in may just have changed (it sets the cookie from the account).
 */
export function localeForPath(pathname: string): void {
	client.chosen = cookieLocale() ?? client.chosen;
	client.englishOnly = ENGLISH_ONLY.test(pathname);
	document.documentElement.lang = pageLocale();
}

export function currentLocale(): Locale {
	return getLocale();
}

/**
 * Switches this page's language now and remembers it on the phone (cookie)
 * and, when someone is signed in, on their account (POST /language), so the
 * next sign-in anywhere opens in it.
 */
export async function switchLocale(locale: Locale): Promise<void> {
	client.chosen = locale;
	document.documentElement.lang = pageLocale();
	document.cookie = `${cookieName}=${locale}; path=/; max-age=${cookieMaxAge}; SameSite=Lax`;
	const body = new FormData();
	body.set('locale', locale);
	await fetch('/language', { method: 'POST', body, headers: { accept: 'application/json' } }).catch(() => undefined);
}
