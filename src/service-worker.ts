/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Clearline's service worker (Workbox modules, bundled by SvelteKit).
 *
 * - Precaches the app shell (hashed build output, static files) and the
 *   prerendered pages, so /emergency works with no connection.
 * - Navigations go to the network and are never stored; offline, they fall
 *   back to the precached /emergency page.
 * - Nothing else is routed: API calls, data requests and pages with health
 *   data (/api, /reports, /queue, /admin, …) pass straight to the network and
 *   are never written to any cache on the device.
 * - Shows push alerts (which carry no health details) and opens Clearline when
 *   one is tapped.
 */
import { build, files, prerendered, version } from '$service-worker';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { alertFromPush, pickWindow, safePath } from '$lib/push-message';

const sw = self as unknown as ServiceWorkerGlobalScope;

const OFFLINE_PAGE = '/emergency';

precacheAndRoute([
	// Hashed file names: the URL is the revision.
	...build.map((url) => ({ url, revision: url.includes('/immutable/') ? null : version })),
	...files.map((url) => ({ url, revision: version })),
	// Prerendered pages hold no user data by construction (they are rendered at build time, for nobody).
	...prerendered.map((url) => ({ url, revision: version }))
]);
cleanupOutdatedCaches();

// Network only: a page can hold a patient's report, so a navigation response is never stored.
registerRoute(new NavigationRoute(new NetworkOnly()));

setCatchHandler(async ({ request }) => {
	if (request.mode === 'navigate') {
		const offline = await matchPrecache(OFFLINE_PAGE);
		if (offline) return offline;
	}
	return Response.error();
});

sw.addEventListener('install', () => {
	void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(sw.clients.claim());
});

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
