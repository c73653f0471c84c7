/**
 * Browser push subscriptions of staff and patient devices. The endpoint is a
 * capability URL issued by the browser's push service; the server POSTs to it,
 * so it is validated as a public https URL and then held to the push services
 * browsers actually use before it is stored.
 */
import { and, desc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Role } from '../../vocabulary';
import type { Db, Tx } from '../db';
import { pushSubscriptions } from '../db/schema';
import { ok, problem, type Result } from '../problem';

export const ENDPOINT_MAX = 2048;

/** Base64url (padding tolerated) that decodes to `bytes` bytes. */
function base64urlKey(bytes: number, what: string, check: (decoded: Buffer) => boolean = () => true) {
	return z
		.string({ error: `Send keys.${what}.` })
		.trim()
		.regex(/^[A-Za-z0-9_-]+={0,2}$/, `keys.${what} must be base64url.`)
		.refine((v) => {
			const decoded = Buffer.from(v.replace(/=+$/, ''), 'base64url');
			return decoded.length === bytes && check(decoded);
		}, `keys.${what} is not a valid key.`);
}

const endpoint = z
	.string({ error: 'Send the subscription endpoint.' })
	.trim()
	.max(ENDPOINT_MAX, `The endpoint is longer than ${ENDPOINT_MAX} characters.`)
	// A push service is a public host name over https: no IP literals, no localhost, no credentials,
	// so a staff account cannot point the server's requests at internal addresses.
	.pipe(
		z.url({
			protocol: /^https$/,
			hostname: z.regexes.domain,
			error: 'The endpoint must be an https URL of a push service.'
		})
	)
	// zod runs this even when the URL check above failed, so it must not assume a parsable URL.
	.refine((v) => {
		const url = URL.canParse(v) ? new URL(v) : null;
		return url !== null && url.username === '' && url.password === '';
	}, 'The endpoint must be an https URL of a push service.');

export const pushSubscriptionSchema = z.object({
	endpoint,
	keys: z.object(
		{
			// An uncompressed P-256 point (RFC 8291): 65 bytes starting with 0x04.
			p256dh: base64urlKey(65, 'p256dh', (d) => d[0] === 0x04),
			auth: base64urlKey(16, 'auth')
		},
		{ error: 'Send keys.p256dh and keys.auth.' }
	)
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushUnsubscribeSchema = z.object({
	endpoint: z.string({ error: 'Send the subscription endpoint.' }).trim().min(1).max(ENDPOINT_MAX)
});

/**
 * The push services of Chrome/Android, Firefox, Edge/Windows and Safari. Any other host is refused: the
 * server would otherwise POST on request to wherever an account (any patient can sign up) points it.
 */
const PUSH_SERVICE_HOSTS: readonly string[] = ['fcm.googleapis.com', 'web.push.apple.com'];
const PUSH_SERVICE_DOMAINS: readonly string[] = [
	'.push.services.mozilla.com',
	'.notify.windows.com',
	'.push.apple.com'
];

export function isKnownPushService(endpointUrl: string): boolean {
	if (!URL.canParse(endpointUrl)) return false;
	const url = new URL(endpointUrl);
	if (url.protocol !== 'https:' || url.port !== '') return false;
	const host = url.hostname.toLowerCase();
	return PUSH_SERVICE_HOSTS.includes(host) || PUSH_SERVICE_DOMAINS.some((domain) => host.endsWith(domain));
}

/** How many devices a person may register; the least recently registered goes first. Staff: no limit. */
export function deviceLimit(role: Role): number | null {
	switch (role) {
		case 'patient':
			return 5;
		case 'support':
		case 'clinician':
		case 'admin':
			return null;
	}
}

/**
 * Registers the device of the signed-in `user` (see `saveSubscription`), refusing an endpoint that is not a
 * known push service, and dropping the user's oldest devices beyond their limit.
 */
export function registerDevice(
	db: Db,
	user: { id: string; role: Role },
	sessionId: string,
	input: PushSubscriptionInput,
	now: number
): Result<void> {
	if (!isKnownPushService(input.endpoint)) {
		const message = 'The endpoint is not a known push service.';
		return problem('validation_failed', message, { endpoint: message });
	}
	const limit = deviceLimit(user.role);
	db.transaction((tx) => {
		saveSubscription(tx, user.id, sessionId, input, now);
		if (limit === null) return;
		const others = tx
			.select({ endpoint: pushSubscriptions.endpoint })
			.from(pushSubscriptions)
			.where(and(eq(pushSubscriptions.userId, user.id), ne(pushSubscriptions.endpoint, input.endpoint)))
			.orderBy(desc(pushSubscriptions.createdAt))
			.limit(limit - 1)
			.all();
		const kept = [input.endpoint, ...others.map((s) => s.endpoint)];
		tx.delete(pushSubscriptions)
			.where(and(eq(pushSubscriptions.userId, user.id), notInArray(pushSubscriptions.endpoint, kept)))
			.run();
	});
	return ok(undefined);
}

export interface StoredSubscription {
	endpoint: string;
	userId: string;
	keys: { p256dh: string; auth: string };
}

/**
 * Stores a device's subscription for `userId`, tied to the sign-in that enabled it (`sessionId`): when that
 * session ends (logging out, a password change, an account disabled) the subscription goes with it, so a
 * shared device never keeps alerting someone who has left it. The same endpoint again moves it to whoever is
 * signed in on that device now.
 */
export function saveSubscription(
	db: Db | Tx,
	userId: string,
	sessionId: string,
	input: PushSubscriptionInput,
	now: number
): void {
	const values = {
		endpoint: input.endpoint,
		userId,
		sessionId,
		p256dh: input.keys.p256dh,
		auth: input.keys.auth,
		createdAt: now
	};
	db.insert(pushSubscriptions)
		.values(values)
		.onConflictDoUpdate({
			target: pushSubscriptions.endpoint,
			set: { userId, sessionId, p256dh: values.p256dh, auth: values.auth, createdAt: now }
		})
		.run();
}

/** Removes the endpoint only if it belongs to `userId`. Idempotent; says nothing about other users' endpoints. */
export function deleteOwnSubscription(db: Db, userId: string, endpointUrl: string): void {
	db.delete(pushSubscriptions)
		.where(and(eq(pushSubscriptions.endpoint, endpointUrl), eq(pushSubscriptions.userId, userId)))
		.run();
}

/** The push service said the subscription is gone (404/410): stop sending to it. */
export function forgetSubscription(db: Db, endpointUrl: string): void {
	db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpointUrl)).run();
}

export function subscriptionsOf(db: Db, userIds: readonly string[]): StoredSubscription[] {
	if (userIds.length === 0) return [];
	return db
		.select()
		.from(pushSubscriptions)
		.where(inArray(pushSubscriptions.userId, [...userIds]))
		.all()
		.map((s) => ({ endpoint: s.endpoint, userId: s.userId, keys: { p256dh: s.p256dh, auth: s.auth } }));
}
