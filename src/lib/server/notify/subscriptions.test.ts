import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSession, invalidateSession, invalidateUserSessions } from '../auth/session';
import { createStaff } from '../auth/user';
import type { Db } from '../db';
import { pushSubscriptions } from '../db/schema';
import { ensureClinic } from '../db/seed';
import { testDb } from '../testing/db';
import { patient } from '../testing/fixtures';
import { ROLES } from '../../vocabulary';
import {
	deleteOwnSubscription,
	deviceLimit,
	forgetSubscription,
	isKnownPushService,
	pushSubscriptionSchema,
	registerDevice,
	saveSubscription,
	subscriptionsOf
} from './subscriptions';

const T0 = Date.UTC(2026, 2, 2, 15);
const p256dh = () => crypto.createECDH('prime256v1').generateKeys().toString('base64url');
const auth = () => crypto.randomBytes(16).toString('base64url');
const valid = (endpoint = 'https://fcm.googleapis.com/fcm/send/abc:def') => ({
	endpoint,
	keys: { p256dh: p256dh(), auth: auth() }
});

describe('push subscription schema', () => {
	it('accepts what browsers send', () => {
		for (const endpoint of [
			'https://fcm.googleapis.com/fcm/send/dXJ1:APA91b',
			'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
			'https://web.push.apple.com/QGxv5tVU',
			'https://wns2-by3p.notify.windows.com/w/?token=BQYAAAB'
		]) {
			expect(pushSubscriptionSchema.safeParse(valid(endpoint)).success, endpoint).toBe(true);
		}
	});

	it.each([
		['http://push.example.com/x', 'plain http'],
		['https://127.0.0.1/x', 'an IP literal'],
		['https://[::1]/x', 'an IPv6 literal'],
		['https://localhost/x', 'localhost'],
		['https://intranet/x', 'a single-label host'],
		['https://user:pw@push.example.com/x', 'credentials'],
		['javascript:alert(1)', 'a script URL'],
		[`https://push.example.com/${'a'.repeat(2048)}`, 'over 2048 characters'],
		['', 'empty']
	])('refuses the endpoint %s (%s)', (endpoint) => {
		const result = pushSubscriptionSchema.safeParse(valid(endpoint));
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path[0]).toBe('endpoint');
	});

	it('accepts an endpoint of exactly 2048 characters', () => {
		const base = 'https://push.example.com/';
		expect(pushSubscriptionSchema.safeParse(valid(base + 'a'.repeat(2048 - base.length))).success).toBe(true);
	});

	it.each([
		[{ p256dh: 'not base64!', auth: auth() }],
		[{ p256dh: crypto.randomBytes(65).toString('base64url').replace(/^./, 'A'), auth: auth() }], // not starting 0x04
		[{ p256dh: crypto.randomBytes(33).toString('base64url'), auth: auth() }],
		[{ p256dh: p256dh(), auth: crypto.randomBytes(8).toString('base64url') }],
		[{ p256dh: p256dh() }],
		[undefined]
	])('refuses bad keys %#', (keys) => {
		const result = pushSubscriptionSchema.safeParse({ endpoint: 'https://push.example.com/x', keys });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path[0]).toBe('keys');
	});
});

async function twoNurses() {
	const { db } = testDb();
	ensureClinic(db, T0, 'Test clinic', '555-0100');
	const make = async () => {
		const r = await createStaff(
			db,
			{
				email: `${crypto.randomUUID()}@example.test`,
				password: 'long-enough-password',
				name: 'Nurse',
				kind: 'nurse',
				channel: 'office'
			},
			T0
		);
		if (!r.ok) throw new Error(r.problem.message);
		return r.value.id;
	};
	return { db, a: await make(), b: await make() };
}

/** A fresh sign-in for `userId`: the session a subscription belongs to. */
const signIn = (db: Db, userId: string): string => createSession(db, userId, 'clinician', T0).session.id;

describe('push subscription store', () => {
	it('upserts by endpoint to whoever registers it now', async () => {
		const { db, a, b } = await twoNurses();
		const sub = valid();
		saveSubscription(db, a, signIn(db, a), sub, T0);
		saveSubscription(db, a, signIn(db, a), sub, T0 + 1);
		expect(subscriptionsOf(db, [a])).toHaveLength(1);
		const rekeyed = { ...sub, keys: { p256dh: p256dh(), auth: auth() } };
		saveSubscription(db, b, signIn(db, b), rekeyed, T0 + 2);
		expect(subscriptionsOf(db, [a])).toEqual([]);
		expect(subscriptionsOf(db, [b])).toEqual([{ endpoint: sub.endpoint, userId: b, keys: rekeyed.keys }]);
	});

	it('deletes only the caller’s own subscription', async () => {
		const { db, a, b } = await twoNurses();
		const mine = valid('https://push.example.com/mine');
		const theirs = valid('https://push.example.com/theirs');
		saveSubscription(db, a, signIn(db, a), mine, T0);
		saveSubscription(db, b, signIn(db, b), theirs, T0);
		deleteOwnSubscription(db, a, theirs.endpoint);
		expect(db.select().from(pushSubscriptions).all()).toHaveLength(2);
		deleteOwnSubscription(db, a, mine.endpoint);
		expect(
			db
				.select()
				.from(pushSubscriptions)
				.all()
				.map((s) => s.endpoint)
		).toEqual([theirs.endpoint]);
		forgetSubscription(db, theirs.endpoint);
		expect(db.select().from(pushSubscriptions).all()).toEqual([]);
	});

	it('goes when the sign-in that enabled it ends: logging out on a shared device stops its alerts', async () => {
		const { db, a, b } = await twoNurses();
		const shared = valid('https://push.example.com/shared-tablet');
		const own = valid('https://push.example.com/own-phone');
		const onTablet = signIn(db, a);
		saveSubscription(db, a, onTablet, shared, T0);
		saveSubscription(db, a, signIn(db, a), own, T0);
		saveSubscription(db, b, signIn(db, b), valid('https://push.example.com/b'), T0);
		invalidateSession(db, onTablet);
		expect(subscriptionsOf(db, [a]).map((s) => s.endpoint)).toEqual([own.endpoint]);
		// A password change or a disabled account ends every sign-in, and every device's alerts with them.
		invalidateUserSessions(db, a);
		expect(subscriptionsOf(db, [a])).toEqual([]);
		expect(subscriptionsOf(db, [b])).toHaveLength(1);
	});

	it('lists nothing for nobody', async () => {
		const { db } = await twoNurses();
		expect(subscriptionsOf(db, [])).toEqual([]);
	});
});

describe('known push services', () => {
	it.each([
		'https://fcm.googleapis.com/fcm/send/dXJ1:APA91b',
		'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
		'https://wns2-by3p.notify.windows.com/w/?token=BQYAAAB',
		'https://web.push.apple.com/QGxv5tVU',
		'https://api.push.apple.com/3/device/abc',
		'https://FCM.googleapis.com/fcm/send/upper'
	])('accepts %s', (endpoint) => {
		expect(isKnownPushService(endpoint)).toBe(true);
	});

	it.each([
		['https://push.example.com/send/x', 'an unknown host'],
		['https://fcm.googleapis.com.evil.example/x', 'a look-alike prefix'],
		['https://evilpush.services.mozilla.com/x', 'a look-alike suffix'],
		['https://push.services.mozilla.com.evil.example/x', 'a known domain inside another'],
		['https://push.apple.com/x', 'the bare apple domain'],
		['https://fcm.googleapis.com:8443/fcm/send/x', 'another port'],
		['http://fcm.googleapis.com/fcm/send/x', 'plain http'],
		['https://127.0.0.1/x', 'an IP literal'],
		['not a url', 'garbage']
	])('refuses %s (%s)', (endpoint) => {
		expect(isKnownPushService(endpoint)).toBe(false);
	});
});

describe('device limits', () => {
	it.each(ROLES.map((role) => [role, role === 'patient' ? 5 : null] as const))('%s: %s', (role, limit) => {
		expect(deviceLimit(role)).toBe(limit);
	});
});

const onePatient = async (db: Db): Promise<string> => (await patient(db)).id;

const fcm = (n: number | string) => valid(`https://fcm.googleapis.com/fcm/send/device-${n}`);
const patientSignIn = (db: Db, userId: string): string => createSession(db, userId, 'patient', T0).session.id;

describe('registering a device', () => {
	it('refuses an endpoint that is not a known push service, storing nothing', async () => {
		const { db, a } = await twoNurses();
		const result = registerDevice(
			db,
			{ id: a, role: 'clinician' },
			signIn(db, a),
			valid('https://push.example.com/x'),
			T0
		);
		expect(result).toEqual({
			ok: false,
			problem: {
				code: 'validation_failed',
				message: 'The endpoint is not a known push service.',
				fields: { endpoint: 'The endpoint is not a known push service.' }
			}
		});
		expect(db.select().from(pushSubscriptions).all()).toEqual([]);
	});

	it('keeps a patient’s five most recently registered devices, dropping the oldest', async () => {
		const { db } = await twoNurses();
		const patientId = await onePatient(db);
		const session = patientSignIn(db, patientId);
		const register = (n: number, at: number) =>
			expect(registerDevice(db, { id: patientId, role: 'patient' }, session, fcm(n), at).ok).toBe(true);
		for (let n = 1; n <= 5; n++) register(n, T0 + n);
		expect(subscriptionsOf(db, [patientId])).toHaveLength(5);
		// Device 1 comes back (the page re-registers on every visit): now device 2 is the oldest.
		register(1, T0 + 10);
		register(6, T0 + 11);
		const left = subscriptionsOf(db, [patientId]).map((s) => s.endpoint.split('device-')[1]);
		expect(left.sort()).toEqual(['1', '3', '4', '5', '6']);
	});

	it('does not count or drop other people’s devices, and leaves staff without a limit', async () => {
		const { db, a } = await twoNurses();
		const patientId = await onePatient(db);
		const session = patientSignIn(db, patientId);
		for (let n = 1; n <= 7; n++) registerDevice(db, { id: a, role: 'clinician' }, signIn(db, a), fcm(`a${n}`), T0 + n);
		for (let n = 1; n <= 6; n++) registerDevice(db, { id: patientId, role: 'patient' }, session, fcm(`p${n}`), T0 + n);
		expect(subscriptionsOf(db, [a])).toHaveLength(7);
		expect(subscriptionsOf(db, [patientId])).toHaveLength(5);
	});

	it('goes when the patient logs out (or changes their password)', async () => {
		const { db } = await twoNurses();
		const patientId = await onePatient(db);
		const phone = patientSignIn(db, patientId);
		const laptop = patientSignIn(db, patientId);
		registerDevice(db, { id: patientId, role: 'patient' }, phone, fcm('phone'), T0);
		registerDevice(db, { id: patientId, role: 'patient' }, laptop, fcm('laptop'), T0);
		invalidateSession(db, phone);
		expect(subscriptionsOf(db, [patientId]).map((s) => s.endpoint)).toEqual([fcm('laptop').endpoint]);
		invalidateUserSessions(db, patientId);
		expect(subscriptionsOf(db, [patientId])).toEqual([]);
	});
});
