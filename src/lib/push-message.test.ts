import { describe, expect, it } from 'vitest';
import { alertFromPush, base64UrlToBytes, FALLBACK_ALERT, pickWindow, safePath } from './push-message';

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

	it('never lets a click leave the site', () => {
		for (const url of [
			'https://evil.example/',
			'//evil.example/x',
			'javascript:alert(1)',
			'/\\evil.example',
			'queue',
			42
		]) {
			expect(alertFromPush(JSON.stringify({ title: 't', url })).url).toBe('/queue/clinician');
			expect(safePath(url)).toBe('/queue/clinician');
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
