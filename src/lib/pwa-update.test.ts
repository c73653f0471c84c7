import { describe, expect, it } from 'vitest';
import {
	SKIP_WAITING,
	isSkipWaiting,
	nextUpdateState,
	reloadNeedsWarning,
	reloadsOnControllerChange,
	type UpdateEvent,
	type UpdateState
} from './pwa-update';

const installed = (replaces: boolean, fresh = true): UpdateEvent => ({ type: 'installed', replaces, fresh });

describe('the new-version banner', () => {
	it.each<[UpdateState, UpdateEvent, UpdateState]>([
		// The first install replaces nothing: no banner on a first visit.
		['none', installed(false), 'none'],
		['none', installed(false, false), 'none'],
		// A new version, found waiting when the page opened or installed while it was open.
		['none', installed(true, false), 'ready'],
		['none', installed(true), 'ready'],
		['ready', installed(true), 'ready'],
		// "Not now" holds for that version; a newer one asks again.
		['ready', { type: 'dismiss' }, 'dismissed'],
		['dismissed', installed(true, false), 'dismissed'],
		['dismissed', installed(true), 'ready'],
		// Only a shown banner can be acted on.
		['ready', { type: 'reload' }, 'reloading'],
		['none', { type: 'reload' }, 'none'],
		['dismissed', { type: 'reload' }, 'dismissed'],
		['none', { type: 'dismiss' }, 'none'],
		// Once asked, a reload is under way whatever else installs.
		['reloading', installed(true), 'reloading'],
		['reloading', { type: 'dismiss' }, 'reloading']
	])('%s, then %o: %s', (state, event, next) => {
		expect(nextUpdateState(state, event)).toBe(next);
	});

	it('reloads on a change of worker only when the patient asked for it', () => {
		expect((['none', 'ready', 'dismissed'] as const).map(reloadsOnControllerChange)).toEqual([false, false, false]);
		expect(reloadsOnControllerChange('reloading')).toBe(true);
	});

	it('warns before a reload on the report forms, and wherever something is typed', () => {
		expect(reloadNeedsWarning('/report', false)).toBe(true);
		expect(reloadNeedsWarning('/report/offline', false)).toBe(true);
		expect(reloadNeedsWarning('/reports/abc', true)).toBe(true);
		expect(reloadNeedsWarning('/reports', false)).toBe(false);
		expect(reloadNeedsWarning('/', false)).toBe(false);
		expect(reloadNeedsWarning('/reporting', false)).toBe(false);
	});

	it('the worker obeys only the skip-waiting message', () => {
		expect(isSkipWaiting(SKIP_WAITING)).toBe(true);
		expect(isSkipWaiting({ type: 'SKIP_WAITING' })).toBe(true);
		for (const other of [null, undefined, 'SKIP_WAITING', {}, { type: 'skip_waiting' }, { kind: 'SKIP_WAITING' }]) {
			expect(isSkipWaiting(other), JSON.stringify(other)).toBe(false);
		}
	});
});
