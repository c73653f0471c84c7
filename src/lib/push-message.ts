/**
 * Turning a push message into a notification, shared by the service worker
 * and its tests. The server sends only fixed texts; this side still treats the
 * message as untrusted: a missing or odd field falls back to a generic alert,
 * and the click target can only be a path on this site.
 *
 * Where a tap goes without a usable `url` depends on who the push was for:
 * a patient's update opens that report (its tag names it) or their reports,
 * a staff alert the clinician queue, and a message that says nothing the home
 * page, which is right for everyone.
 */

export type PushAudience = 'patient' | 'staff';

/** The tag of a patient's update names the report, so the device keeps one notification per report. */
export const PATIENT_TAG_PREFIX = 'clearline-report-';
export const STAFF_TAG = 'clearline-urgent';

const FALLBACK_URL: Record<PushAudience, string> = { patient: '/reports', staff: '/queue/clinician' };

export const FALLBACK_ALERT = {
	title: 'Clearline alert',
	body: 'Open Clearline to see it.',
	url: '/',
	tag: 'clearline'
} as const;

export interface AlertNotification {
	title: string;
	body: string;
	tag: string;
	/** A same-site path, never an absolute URL. */
	url: string;
}

const text = (value: unknown, fallback: string, max = 120) =>
	typeof value === 'string' && value.trim() !== '' ? value.slice(0, max) : fallback;

/** Only a path on this site: `//evil.example` and `https://…` would open another site from our notification. */
export function safePath(value: unknown, fallback: string = FALLBACK_ALERT.url): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
		return fallback;
	return value;
}

const REPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function audienceOf(data: Record<string, unknown>, tag: string): PushAudience | null {
	if (data.audience === 'patient' || data.audience === 'staff') return data.audience;
	if (tag.startsWith(PATIENT_TAG_PREFIX)) return 'patient';
	if (tag === STAFF_TAG) return 'staff';
	return null;
}

/** Where a tap goes when the message has no usable path of its own. */
export function fallbackUrl(data: Record<string, unknown>, tag: string): string {
	const audience = audienceOf(data, tag);
	if (audience === null) return FALLBACK_ALERT.url;
	const reportId = tag.startsWith(PATIENT_TAG_PREFIX) ? tag.slice(PATIENT_TAG_PREFIX.length) : '';
	if (audience === 'patient' && REPORT_ID.test(reportId)) return `/reports/${reportId.toLowerCase()}`;
	return FALLBACK_URL[audience];
}

/** Browsers require every push to show a notification, so an unreadable message still shows the generic alert. */
export function alertFromPush(raw: string | null): AlertNotification {
	let data: Record<string, unknown> = {};
	try {
		const parsed: unknown = raw ? JSON.parse(raw) : {};
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
	} catch {
		// not JSON: generic alert
	}
	const tag = text(data.tag, FALLBACK_ALERT.tag, 64);
	return {
		title: text(data.title, FALLBACK_ALERT.title),
		body: text(data.body, FALLBACK_ALERT.body, 240),
		tag,
		url: safePath(data.url, fallbackUrl(data, tag))
	};
}

/** Which open window a notification click should reuse: one already on the target path, else any window of the app. */
export function pickWindow<C extends { url: string }>(
	clients: readonly C[],
	target: string,
	origin: string
): { client: C; navigate: boolean } | null {
	const same = clients.filter((c) => new URL(c.url).origin === origin);
	const exact = same.find((c) => new URL(c.url).pathname === new URL(target, origin).pathname);
	if (exact) return { client: exact, navigate: false };
	const any = same[0];
	return any ? { client: any, navigate: true } : null;
}

/** The VAPID public key (base64url, as the server sends it) as the bytes `pushManager.subscribe` wants. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
	const base64 = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	const bytes = new Uint8Array(new ArrayBuffer(binary.length));
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
