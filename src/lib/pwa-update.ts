/**
 * A new version of Clearline installs in the background and then waits: it takes over only when
 * the patient taps "Reload", because a worker that swapped itself in could break a form they are
 * filling in. This is the banner's state, as a pure function of what the service worker did and
 * what the patient chose; $lib/pwa-update.svelte.ts wires it to the real registration.
 */

/** What the page posts to a waiting worker when the patient asks for the new version. */
export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

export function isSkipWaiting(data: unknown): boolean {
	return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING.type;
}

/** `ready`: the banner shows; `reloading`: the patient asked, the page reloads once the new worker controls it. */
export type UpdateState = 'none' | 'ready' | 'dismissed' | 'reloading';

export type UpdateEvent =
	/**
	 * A worker finished installing. `replaces`: another version already runs this site (on the
	 * first install there is nothing to replace, and nothing to ask). `fresh`: it installed while
	 * this page was open, rather than being found waiting when the page opened.
	 */
	{ type: 'installed'; replaces: boolean; fresh: boolean } | { type: 'dismiss' } | { type: 'reload' };

export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
	switch (event.type) {
		case 'installed':
			if (!event.replaces || state === 'reloading') return state;
			// "Not now" holds for the version the patient said it to; a newer one asks again.
			return state === 'dismissed' && !event.fresh ? state : 'ready';
		case 'dismiss':
			return state === 'ready' ? 'dismissed' : state;
		case 'reload':
			return state === 'ready' ? 'reloading' : state;
	}
}

/** A change of worker reloads the page only when the patient asked for it; never by itself. */
export function reloadsOnControllerChange(state: UpdateState): boolean {
	return state === 'reloading';
}

/** Pages where a reload would lose a report being written, even before anything is typed into a field. */
const REPORT_FORMS = /^\/report(\/|$)/;

/** Whether "Reload" should first say that what is typed here would be lost. */
export function reloadNeedsWarning(pathname: string, typedSomething: boolean): boolean {
	return typedSomething || REPORT_FORMS.test(pathname);
}

/** How often an open page asks the server whether there is a new version (browsers check on full loads only). */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;
