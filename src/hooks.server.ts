import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { redirect } from '@sveltejs/kit';
import { apiProblem } from '$lib/server/http/api';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { config } from '$lib/server/config';
import { StorageRefusedError } from '$lib/server/db';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureClinic, hasClinic, seedDemo } from '$lib/server/db/seed';
import { log } from '$lib/server/log';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { ENGLISH_ONLY, m } from '$lib/i18n.svelte';
import { startPushAlerts } from '$lib/server/notify/alerts';
import { startPatientUpdates } from '$lib/server/notify/patient-updates';
import { startDeadlineMonitor } from '$lib/server/queues/deadlines';
import { loadCheckpointKey, startCheckpoints } from '$lib/server/reports/audit';
import { bus, ctx, db, now } from '$lib/server/runtime';
import { defaultRawData, defaultRuleSet } from '$lib/triage';
import { validateRuleData } from '$lib/triage/schema';

export const init: ServerInit = async () => {
	// Prerendering runs the server during the build: no database, no timers.
	if (building) return;
	// The rule data is clinical content: a build whose data does not validate must not triage anyone.
	validateRuleData(defaultRawData);
	log.info({ ruleSetVersion: defaultRuleSet().version }, 'triage rule data validated');
	let database;
	try {
		database = db();
	} catch (error) {
		// Bad storage is refused with its one-line reason, never a stack trace, and nothing written.
		if (error instanceof StorageRefusedError) {
			console.error(`Clearline will not start: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
	if (config.seedDemo) {
		const seeded = await seedDemo(database, now());
		const url = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? '3000'}`;
		const lines = [
			'',
			`Clearline is running at ${url}`,
			seeded ? 'Demo clinic and accounts created.' : 'Demo mode (existing database kept).',
			`Demo logins (password "${DEMO_PASSWORD}"):`,
			...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(20)} ${a.who}`),
			''
		];
		console.log(lines.join('\n'));
	} else {
		const clinicPhone = process.env.CLINIC_PHONE?.trim();
		// Patients are told to call this number: never a made-up default (and never 911 for the clinic).
		if (!clinicPhone && !hasClinic(database)) {
			console.error(
				'Clearline will not start: set CLINIC_PHONE (and CLINIC_NAME) to the number patients call; this database has no clinic yet.'
			);
			process.exit(1);
		}
		if (clinicPhone) ensureClinic(database, now(), process.env.CLINIC_NAME ?? 'Clearline Clinic', clinicPhone);
		log.info({ port: process.env.PORT ?? '3000' }, 'clearline started');
	}
	// Before the deadline monitor: its first check can publish escalations that fell due while the server was down.
	startPushAlerts(database, bus(), log);
	startPatientUpdates(database, bus(), log);
	startDeadlineMonitor(ctx, config.deadlineCheckMs, (error) => log.error({ err: error }, 'deadline check failed'));
	startCheckpoints(database, loadCheckpointKey(config.checkpointKeyPath), config.checkpointEveryMs, now, (error) =>
		log.error({ err: error }, 'chain checkpoint failed')
	);
};

/** Sets locals.user and locals.session from a cookie or a bearer token; null when absent or invalid. */
const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.authVia = null;

	const header = event.request.headers.get('authorization');
	const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
	const cookie = event.cookies.get(SESSION_COOKIE);
	const token = bearer ?? cookie;
	if (token) {
		const { session, user } = validateSessionToken(db(), token, now());
		if (session) {
			event.locals.user = user;
			event.locals.session = session;
			event.locals.authVia = bearer ? 'bearer' : 'cookie';
			if (!bearer) setSessionCookie(event.cookies, token, session.expiresAt);
		} else if (!bearer) {
			deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

/** Health data must not sit in shared caches or leak through referrers. */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const set = (name: string, value: string) => {
		if (!response.headers.has(name)) response.headers.set(name, value);
	};
	set('x-content-type-options', 'nosniff');
	// same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts.
	set('referrer-policy', 'same-origin');
	set('x-frame-options', 'DENY');
	set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (!event.url.pathname.startsWith('/_app/immutable')) set('cache-control', 'private, no-store');
	return response;
};

/** One line per request: method, route pattern (never the URL: ids and queries stay out), status, time. */
const requestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	log.info(
		{
			method: event.request.method,
			route: event.route.id,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

/**
 * Pages speak the patient's language: Paraglide picks it from the language
 * cookie, then Accept-Language, and holds it for the request's message
 * functions; `<html lang>` says it. Staff pages are written in English only,
 * so they say so; the JSON API speaks English and skips this (the middleware
 * clones each request, a cost the report endpoint need not pay).
 */
const language: Handle = ({ event, resolve }) => {
	if (ENGLISH_ONLY.test(event.url.pathname))
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', 'en') });
	// Only the headers decide the locale: the body (a report) is never copied.
	const headers = new Request(event.url, { headers: event.request.headers });
	return paraglideMiddleware(headers, ({ locale }) =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
	);
};

/** Where someone with a temporary password may go before choosing their own. */
const WHILE_TEMPORARY = ['/account/password', '/logout', '/api/v1/auth/logout', '/api/v1/auth/password', '/emergency'];

/** A temporary password (set by an admin) must be changed before anything else is done with it. */
const temporaryPassword: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	const path = event.url.pathname;
	if (!user?.mustChangePassword || WHILE_TEMPORARY.includes(path) || path.startsWith('/_app/')) return resolve(event);
	if (path.startsWith('/api/'))
		return apiProblem({
			code: 'forbidden',
			message: 'This account has a temporary password: change it first (POST /api/v1/auth/password).'
		});
	redirect(303, '/account/password');
};

export const handle = sequence(requestLog, securityHeaders, authenticate, language, temporaryPassword);

export const handleError: HandleServerError = ({ error, status, event }) => {
	if (status === 404) return { message: 'Not found' };
	const errorId = crypto.randomUUID();
	log.error(
		{
			errorId,
			route: event.route.id,
			err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error)
		},
		'unexpected error'
	);
	// In the page's language (this runs inside the request's locale); the API's is English.
	const message = m.error_something();
	return { message, errorId, error: { code: 'internal_error', message } };
};
