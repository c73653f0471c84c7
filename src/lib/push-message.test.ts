import { describe, expect, it } from 'vitest';
import { alertFromPush, base64UrlToBytes, FALLBACK_ALERT, fallbackUrl, pickWindow, safePath } from './push-message';

describe('alertFromPush (service worker)', () => {
	it('shows what the server sent', () => {
		const raw =
			'{"title":"Urgent report waiting","body":"Open Clearline to see it.","url":"/queue/clinician","tag":"clearline-urgent"}';
		expect(alertFromPush(raw)).toEqual({
			title: 'Urgent report waiting',
			body: 'Open Clearline to see it.',
			url: '/queue/clinician',
			tag: 'clearline-urgent'
		});
	});

	it.each([null, '', 'not json', '[1,2]', '42', '{"title":7}'])('falls back to a generic alert for %j', (raw) => {
		expect(alertFromPush(raw)).toEqual(FALLBACK_ALERT);
	});

	const REPORT = '0b5c8f0e-3c1a-4d2b-9e8f-7a6b5c4d3e2f';
	it.each([
		['a patient update with no url opens that report', { tag: `clearline-report-${REPORT}` }, `/reports/${REPORT}`],
		[
			'… and with an unsafe url too',
			{ tag: `clearline-report-${REPORT}`, url: '//evil.example' },
			`/reports/${REPORT}`
		],
		['a patient push naming no report opens their reports', { audience: 'patient', tag: 'x' }, '/reports'],
		['a patient tag without a report id opens their reports', { tag: 'clearline-report-../../admin' }, '/reports'],
		['a staff alert with no url opens the clinician queue', { tag: 'clearline-urgent' }, '/queue/clinician'],
		[
			'an audience field wins over the tag',
			{ audience: 'staff', tag: `clearline-report-${REPORT}` },
			'/queue/clinician'
		],
		['a push that says nothing opens the home page, right for anyone', { title: 'x' }, '/'],
		['an unknown audience is no audience', { audience: 'admin' }, '/']
	])('%s', (_, data, url) => {
		expect(alertFromPush(JSON.stringify(data)).url).toBe(url);
	});

	it('never sends a patient to the clinician queue when their push has no url', () => {
		expect(fallbackUrl({ audience: 'patient' }, 'clearline')).not.toBe('/queue/clinician');
		expect(fallbackUrl({}, `clearline-report-${REPORT}`)).toBe(`/reports/${REPORT}`);
	});

	it('never lets a click leave the site', () => {
		for (const url of [
			'https://evil.example/',
			'//evil.example/x',
			'javascript:alert(1)',
			'/\\evil.example',
			'queue',
			42
		]) {
			expect(alertFromPush(JSON.stringify({ title: 't', url })).url).toBe('/');
			expect(alertFromPush(JSON.stringify({ title: 't', url, tag: 'clearline-urgent' })).url).toBe('/queue/clinician');
			expect(safePath(url)).toBe('/');
		}
		expect(safePath('/reports/abc')).toBe('/reports/abc');
	});
});

describe('pickWindow (notification click)', () => {
	const origin = 'https://clearline.example';
	it('prefers a window already on the target page, then any Clearline window, else none', () => {
		const queue = { url: `${origin}/queue/clinician`, id: 'q' };
		const home = { url: `${origin}/`, id: 'h' };
		const other = { url: 'https://elsewhere.example/queue/clinician', id: 'o' };
		expect(pickWindow([home, queue], '/queue/clinician', origin)).toEqual({ client: queue, navigate: false });
		expect(pickWindow([other, home], '/queue/clinician', origin)).toEqual({ client: home, navigate: true });
		expect(pickWindow([other], '/queue/clinician', origin)).toBeNull();
	});
});

describe('base64UrlToBytes', () => {
	it('decodes the VAPID key as the server encodes it', () => {
		const bytes = new Uint8Array(65).map((_, i) => (i * 37 + 4) % 256);
		const encoded = Buffer.from(bytes).toString('base64url');
		expect([...base64UrlToBytes(encoded)]).toEqual([...bytes]);
		expect([...base64UrlToBytes(`${encoded}=`)]).toEqual([...bytes]);
	});
});
