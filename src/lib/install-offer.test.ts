import { describe, expect, it } from 'vitest';
import {
	DISMISS_DAYS,
	dismissalHolds,
	emergencyOpen,
	installOffer,
	isIosSafari,
	parseDismissal,
	type InstallSituation
} from './install-offer';

const NOW = Date.UTC(2026, 11, 4, 12);
const DAY = 24 * 60 * 60 * 1000;

const base: InstallSituation = {
	pathname: '/reports',
	emergency: false,
	standalone: false,
	installed: false,
	canPrompt: true,
	ios: false,
	dismissedAt: { prompt: null, ios: null },
	now: NOW
};

describe('when Clearline offers to be installed', () => {
	it.each<[string, Partial<InstallSituation>, ReturnType<typeof installOffer>]>([
		['on My reports, when the browser allows it', {}, 'prompt'],
		['on the home page', { pathname: '/' }, 'prompt'],
		['not on the report form', { pathname: '/report' }, null],
		['not on the offline report form', { pathname: '/report/offline' }, null],
		['not on one report', { pathname: '/reports/abc' }, null],
		['not on the emergency advice', { pathname: '/emergency' }, null],
		['not while an emergency is on screen', { emergency: true }, null],
		['not when running from the home screen', { standalone: true }, null],
		['not once installed', { installed: true }, null],
		['not when the browser cannot install it', { canPrompt: false }, null],
		['not within 30 days of "No thanks"', { dismissedAt: { prompt: NOW - 29 * DAY, ios: null } }, null],
		['again after 30 days', { dismissedAt: { prompt: NOW - DISMISS_DAYS * DAY, ios: null } }, 'prompt'],
		['the iOS hint on iOS Safari', { canPrompt: false, ios: true }, 'ios'],
		[
			'the iOS hint never again once dismissed',
			{ canPrompt: false, ios: true, dismissedAt: { prompt: null, ios: NOW - 400 * DAY } },
			null
		],
		['no iOS hint on the report form', { canPrompt: false, ios: true, pathname: '/report' }, null],
		['no iOS hint from the home screen', { canPrompt: false, ios: true, standalone: true }, null],
		['no iOS hint in an emergency', { canPrompt: false, ios: true, emergency: true }, null]
	])('%s', (_, change, offer) => {
		expect(installOffer({ ...base, ...change })).toBe(offer);
	});

	it('a dismissal holds for its days, and a time in the future (a wrong clock) does not hold', () => {
		expect(dismissalHolds(null, NOW)).toBe(false);
		expect(dismissalHolds(NOW, NOW)).toBe(true);
		expect(dismissalHolds(NOW - DAY, NOW, 1)).toBe(false);
		expect(dismissalHolds(NOW - DAY + 1, NOW, 1)).toBe(true);
		expect(dismissalHolds(NOW + DAY, NOW)).toBe(false);
	});

	it('reads a stored dismissal, and anything unreadable as none', () => {
		expect(parseDismissal(String(NOW))).toBe(NOW);
		for (const raw of [null, '', 'yes', '-5', '1.5', '1e20', '99999999999999999999']) {
			expect(parseDismissal(raw), String(raw)).toBeNull();
		}
	});

	it('knows iOS Safari from other browsers', () => {
		const iphone =
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
		const ipad =
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
		const chromeIos =
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1';
		const android =
			'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
		expect(isIosSafari(iphone, 5)).toBe(true);
		expect(isIosSafari(ipad, 5)).toBe(true);
		expect(isIosSafari(ipad, 0)).toBe(false); // a real Mac
		expect(isIosSafari(chromeIos, 5)).toBe(false);
		expect(isIosSafari(android, 5)).toBe(false);
	});

	it('counts only an open emergency report as an emergency on screen', () => {
		expect(emergencyOpen([])).toBe(false);
		expect(emergencyOpen([{ level: 'urgent', status: 'open' }])).toBe(false);
		expect(emergencyOpen([{ level: 'emergency', status: 'resolved' }])).toBe(false);
		expect(emergencyOpen([{ level: 'emergency', status: 'open' }])).toBe(true);
	});
});
