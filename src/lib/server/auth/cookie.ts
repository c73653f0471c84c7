import type { Cookies } from '@sveltejs/kit';
import { config } from '../config';
import { cookieMaxAge, cookieName } from '../../paraglide/runtime';
import type { Lang } from '../../triage/types';
import { SESSION_COOKIE } from './session';

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: number): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: config.secureCookies,
		path: '/',
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
}

/**
 * The phone's language (Paraglide reads this cookie on the server and in the
 * page). Not httpOnly: the page reads it to speak the same language offline.
 * Not private either: it says only "en" or "es".
 */
export function setLanguageCookie(cookies: Cookies, language: Lang): void {
	cookies.set(cookieName, language, {
		httpOnly: false,
		sameSite: 'lax',
		secure: config.secureCookies,
		path: '/',
		maxAge: cookieMaxAge
	});
}
