/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Clearline's service worker (Workbox modules, bundled by SvelteKit).
 *
 * - Precaches the app shell (hashed build output, static files), the
 *   prerendered pages and the emergency advice, so /emergency works with no
 *   connection.
 * - Navigations go to the network and are never stored; offline, the report
 *   pages fall back to the precached offline report form (/report/offline),
 *   which keeps a report in the phone's outbox, and every other page to the
 *   precached /emergency advice.
 * - Background Sync sends the outbox when the connection returns (see
 *   $lib/outbox: the worker keeps what the server has not acknowledged).
 * - Nothing else is routed: API calls, data requests and pages with health
 *   data (/api, /reports, /queue, /admin, …) pass straight to the network and
 *   are never written to any cache on the device.
 * - Shows push alerts (which carry no health details) and opens Clearline when
 *   one is tapped.
 * - A new version waits until the patient asks for it (the page offers a
 *   reload, $lib/pwa-update): taking over by itself could break a form they
 *   are filling in. The first install has nothing to replace and takes the
 *   page at once.
 */
import { build, files, prerendered, version } from '$service-worker';
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { alertFromPush, pickWindow, safePath } from '$lib/push-message';
import { SYNC_TAG, flushOutbox } from '$lib/outbox';
import { isSkipWaiting } from '$lib/pwa-update';

const sw = self as unknown as ServiceWorkerGlobalScope;

const OFFLINE_PAGE = '/emergency';
/** Where "new report" and "my reports" go without a connection: the form that saves on the phone. */
const OFFLINE_REPORT_PAGE = '/report/offline';
const REPORT_PAGES = /^\/reports?(\/|$)/;

// Precached pages are fetched without cookies: the copy on the phone is rendered for nobody (no name in
// the header, no session), in the language the phone asks for (Accept-Language). Static files do not care.
addPlugins([{ requestWillFetch: async ({ request }) => new Request(request, { credentials: 'omit' }) }]);
precacheAndRoute([
	// Hashed file names: the URL is the revision.
	...build.map((url) => ({ url, revision: url.includes('/immutable/') ? null : version })),
	...files.map((url) => ({ url, revision: version })),
	// Prerendered pages hold no user data by construction (they are rendered at build time, for nobody).
	...prerendered.map((url) => ({ url, revision: version })),
	// Rendered by the server in the patient's language, the same advice for everyone.
	{ url: OFFLINE_PAGE, revision: version }
]);
cleanupOutdatedCaches();

// The app's public settings (the clinic's time zone): no user data, needed to start any page
// offline. Fresh from the server when it answers, the last copy otherwise; fetched at install too.
const ENV_SCRIPT = '/_app/env.js';
const ENV_CACHE = 'clearline-env';
registerRoute(
	({ url }) => url.origin === sw.location.origin && url.pathname === ENV_SCRIPT,
	new NetworkFirst({ cacheName: ENV_CACHE })
);

// Network only: a page can hold a patient's report, so a navigation response is never stored.
registerRoute(new NavigationRoute(new NetworkOnly()));

setCatchHandler(async ({ request }) => {
	if (request.mode === 'navigate') {
		const page = REPORT_PAGES.test(new URL(request.url).pathname) ? OFFLINE_REPORT_PAGE : OFFLINE_PAGE;
		const offline = (await matchPrecache(page)) ?? (await matchPrecache(OFFLINE_PAGE));
		if (offline) return offline;
	}
	return Response.error();
});

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(ENV_CACHE)
			.then((cache) => cache.add(ENV_SCRIPT))
			.catch(() => undefined)
	);
});

sw.addEventListener('message', (event) => {
	if (isSkipWaiting(event.data)) void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(sw.clients.claim());
});

interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
}

sw.addEventListener('sync', ((event: SyncEvent) => {
	if (event.tag !== SYNC_TAG) return;
	event.waitUntil(
		flushOutbox().then((result) => {
			// Rejecting asks the browser to try again later; reports for a signed-out patient wait for their login.
			if (result.offline || result.waiting > 0) throw new Error('reports still waiting to be sent');
		})
	);
}) as EventListener);

sw.addEventListener('push', (event) => {
	const alert = alertFromPush(event.data?.text() ?? null);
	event.waitUntil(
		sw.registration.showNotification(alert.title, {
			body: alert.body,
			tag: alert.tag,
			icon: '/icon-192.png',
			badge: '/icon-192.png',
			requireInteraction: true,
			data: { url: alert.url },
			// Same tag replaces the previous alert; renotify makes the replacement buzz again.
			renotify: true
		} as NotificationOptions)
	);
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const data = event.notification.data as { url?: unknown } | null;
	const url = safePath(data?.url);
	event.waitUntil(
		(async () => {
			const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const pick = pickWindow(windows, url, sw.location.origin);
			if (!pick) {
				await sw.clients.openWindow(url);
				return;
			}
			const focused = await pick.client.focus();
			if (pick.navigate) await focused.navigate(url).catch(() => sw.clients.openWindow(url));
		})()
	);
});
