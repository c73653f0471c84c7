/**
 * The real `web-push` library against a local stand-in push service: proves
 * the options we pass become the right wire headers, the VAPID JWT is signed
 * by the stored key for the push service's origin, and a browser holding the
 * subscription keys decrypts exactly the fixed payload.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPatient, createStaff } from '../auth/user';
import { pushSubscriptions } from '../db/schema';
import { ensureClinic } from '../db/seed';
import { LiveBus } from '../queues/live';
import { submitReport } from '../reports/submit';
import { testDb } from '../testing/db';
import { browserSubscriptionKeys, startFakePushService, type FakePushService } from '../testing/push-service';
import { startPushAlerts, type AlertLogger } from './alerts';
import { createWebPushSend } from './push';
import { vapidKeys } from './vapid';

const T0 = Date.UTC(2026, 2, 2, 15);
const SUBJECT = 'mailto:alerts@clearline.invalid';
const silent: AlertLogger = { info: () => {}, warn: () => {}, error: () => {} } as unknown as AlertLogger;

let service: FakePushService;
beforeEach(async () => {
	service = await startFakePushService();
});
afterEach(() => service.close());

async function setup() {
	const { db } = testDb();
	ensureClinic(db, T0, 'Test clinic', '555-0100');
	const nurse = await createStaff(
		db,
		{
			email: `${crypto.randomUUID()}@example.test`,
			password: 'long-enough-password',
			name: 'Sam',
			kind: 'nurse',
			channel: 'telehealth'
		},
		T0
	);
	const patient = await createPatient(
		db,
		{
			email: `${crypto.randomUUID()}@example.test`,
			password: 'long-enough-password',
			name: 'Pat Doe',
			phone: '555-123-4567',
			dateOfBirth: '1950-01-01'
		},
		T0
	);
	if (!nurse.ok || !patient.ok) throw new Error('setup failed');
	const browser = browserSubscriptionKeys();
	const endpoint = `${service.origin}/push/v1/${crypto.randomBytes(12).toString('base64url')}`;
	// Straight into the table: the API refuses 127.0.0.1 endpoints on purpose.
	db.insert(pushSubscriptions)
		.values({ endpoint, userId: nurse.value.id, p256dh: browser.p256dh, auth: browser.auth, createdAt: T0 })
		.run();
	const vapid = { ...vapidKeys(db), subject: SUBJECT };
	// The production sender, only routed over a plain socket to the local service.
	const send = createWebPushSend({ agent: service.agent });
	return { db, browser, endpoint, vapid, send, patientId: patient.value.id };
}

function verifyVapidJwt(authorization: string, publicKey: string, audience: string) {
	const match = /^vapid t=([^,\s]+),\s*k=(\S+)$/.exec(authorization);
	expect(match, authorization).not.toBeNull();
	const [, jwt, k] = match!;
	expect(k).toBe(publicKey);
	const [header, claims, signature] = jwt!.split('.');
	expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ typ: 'JWT', alg: 'ES256' });
	const body = JSON.parse(Buffer.from(claims!, 'base64url').toString()) as { aud: string; sub: string; exp: number };
	expect(body.aud).toBe(audience);
	expect(body.sub).toBe(SUBJECT);
	expect(body.exp * 1000).toBeGreaterThan(Date.now());
	const point = Buffer.from(publicKey, 'base64url');
	const key = crypto.createPublicKey({
		key: {
			kty: 'EC',
			crv: 'P-256',
			x: point.subarray(1, 33).toString('base64url'),
			y: point.subarray(33, 65).toString('base64url')
		},
		format: 'jwk'
	});
	const ok = crypto.verify(
		'sha256',
		Buffer.from(`${header}.${claims}`),
		{ key, dsaEncoding: 'ieee-p1363' },
		Buffer.from(signature!, 'base64url')
	);
	expect(ok).toBe(true);
}

describe('web push over the wire (real web-push library)', () => {
	it('POSTs an aes128gcm message with TTL, high urgency and a VAPID signature that decrypts to the fixed payload', async () => {
		const s = await setup();
		const bus = new LiveBus();
		const alerts = startPushAlerts(s.db, bus, silent, { send: s.send, vapid: s.vapid });
		const description = 'crushing chest pain and my left arm is numb';
		const submitted = submitReport({ db: s.db, now: T0, bus }, s.patientId, {
			emergencyScreen: ['chest_pain'],
			description,
			contactPreference: 'call'
		});
		expect(submitted.ok && submitted.value.report.level).toBe('emergency');
		await alerts.settled();

		expect(service.received).toHaveLength(1);
		const push = service.received[0]!;
		expect(push.method).toBe('POST');
		expect(push.path).toBe(new URL(s.endpoint).pathname);
		expect(push.headers['ttl']).toBe('300');
		expect(push.headers['urgency']).toBe('high');
		expect(push.headers['content-encoding']).toBe('aes128gcm');
		expect(push.headers['topic']).toBe('clearline-alert');
		verifyVapidJwt(String(push.headers['authorization']), s.vapid.publicKey, service.origin);

		const plaintext = s.browser.decrypt(push.body);
		expect(plaintext).toBe(
			'{"title":"Emergency report waiting","body":"Open Clearline to see it.","url":"/queue/clinician","tag":"clearline-urgent","audience":"staff"}'
		);
		expect(plaintext).not.toContain(description);
		// The ciphertext does not carry it either (sanity: the body really is encrypted).
		expect(push.body.includes(Buffer.from('Emergency'))).toBe(false);
	});

	it('removes the subscription when the push service answers 410 Gone', async () => {
		const s = await setup();
		service.respondWith(410);
		const bus = new LiveBus();
		const alerts = startPushAlerts(s.db, bus, silent, { send: s.send, vapid: s.vapid });
		submitReport({ db: s.db, now: T0, bus }, s.patientId, {
			emergencyScreen: ['chest_pain'],
			description: 'x',
			contactPreference: 'call'
		});
		await alerts.settled();
		expect(service.received).toHaveLength(1);
		expect(s.db.select().from(pushSubscriptions).all()).toEqual([]);
	});

	it('keeps the subscription when the push service fails with 500', async () => {
		const s = await setup();
		service.respondWith(500);
		const bus = new LiveBus();
		const alerts = startPushAlerts(s.db, bus, silent, { send: s.send, vapid: s.vapid });
		submitReport({ db: s.db, now: T0, bus }, s.patientId, {
			emergencyScreen: ['chest_pain'],
			description: 'x',
			contactPreference: 'call'
		});
		await alerts.settled();
		expect(service.received).toHaveLength(1);
		expect(s.db.select().from(pushSubscriptions).all()).toHaveLength(1);
	});
});
