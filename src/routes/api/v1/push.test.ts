import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startServer, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const PASSWORD = 'demo-password-1';
const subscription = () => ({
	endpoint: `https://fcm.googleapis.com/fcm/send/${crypto.randomBytes(16).toString('base64url')}`,
	keys: {
		p256dh: crypto.createECDH('prime256v1').generateKeys().toString('base64url'),
		auth: crypto.randomBytes(16).toString('base64url')
	}
});

async function as(email: string) {
	const api = new ApiClient(server.url);
	await api.login(email, PASSWORD);
	return api;
}

function ownerOf(endpoint: string): string | null {
	const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
	try {
		const row = db
			.prepare('select u.email from push_subscriptions s join users u on u.id = s.user_id where s.endpoint = ?')
			.get(endpoint) as { email: string } | undefined;
		return row?.email ?? null;
	} finally {
		db.close();
	}
}

describe('push API', () => {
	it('gives the same VAPID public key every time', async () => {
		const api = new ApiClient(server.url);
		const first = await api.request('GET', '/push/key');
		expect(first.status).toBe(200);
		expect(Buffer.from(first.json.publicKey, 'base64url')).toHaveLength(65);
		expect((await api.request('GET', '/push/key')).json).toEqual(first.json);
	});

	it('lets staff register a device, upserting to whoever registers it', async () => {
		const nurse = await as('nurse@demo.test');
		const sub = subscription();
		expect((await nurse.request('POST', '/push/subscriptions', sub)).status).toBe(201);
		expect(ownerOf(sub.endpoint)).toBe('nurse@demo.test');
		const support = await as('support@demo.test');
		expect((await support.request('POST', '/push/subscriptions', sub)).status).toBe(201);
		expect(ownerOf(sub.endpoint)).toBe('support@demo.test');
	});

	it('lets patients register a device, and refuses anonymous callers', async () => {
		const anonymous = await new ApiClient(server.url).request('POST', '/push/subscriptions', subscription());
		expect(anonymous.status).toBe(401);
		expect(anonymous.json.error.code).toBe('unauthenticated');
		const sub = subscription();
		const patient = await (await as('patient@demo.test')).request('POST', '/push/subscriptions', sub);
		expect(patient.status).toBe(201);
		expect(ownerOf(sub.endpoint)).toBe('patient@demo.test');
	});

	it('refuses an endpoint on a host that is not a known push service', async () => {
		const patient = await as('patient@demo.test');
		const sub = { ...subscription(), endpoint: 'https://push.example.com/send/abc' };
		const refused = await patient.request('POST', '/push/subscriptions', sub);
		expect(refused.status).toBe(422);
		expect(refused.json.error.code).toBe('validation_failed');
		expect(refused.json.error.fields.endpoint).toBe('The endpoint is not a known push service.');
		expect(ownerOf(sub.endpoint)).toBeNull();
	});

	it('forgets a patient’s device when they log out', async () => {
		const patient = await as('patient@demo.test');
		const sub = subscription();
		expect((await patient.request('POST', '/push/subscriptions', sub)).status).toBe(201);
		expect(ownerOf(sub.endpoint)).toBe('patient@demo.test');
		expect((await patient.request('POST', '/auth/logout')).status).toBeLessThan(300);
		expect(ownerOf(sub.endpoint)).toBeNull();
	});

	it('validates the body in the API error shape', async () => {
		const nurse = await as('nurse@demo.test');
		const http = await nurse.request('POST', '/push/subscriptions', {
			...subscription(),
			endpoint: 'http://push.example.com/x'
		});
		expect(http.status).toBe(422);
		expect(http.json.error.code).toBe('validation_failed');
		expect(http.json.error.fields.endpoint).toBeTruthy();
		const internal = await nurse.request('POST', '/push/subscriptions', {
			...subscription(),
			endpoint: 'https://10.0.0.5/x'
		});
		expect(internal.status).toBe(422);
		const keys = await nurse.request('POST', '/push/subscriptions', {
			...subscription(),
			keys: { p256dh: 'abc', auth: 'def' }
		});
		expect(keys.status).toBe(422);
		expect(keys.json.error.fields.keys).toBeTruthy();
		expect((await nurse.request('POST', '/push/subscriptions', '{not json')).status).toBe(400);
		expect(
			(await nurse.request('POST', '/push/subscriptions', '<x/>', { 'content-type': 'application/xml' })).status
		).toBe(415);
	});

	it('deletes only the caller’s own device', async () => {
		const nurse = await as('nurse@demo.test');
		const doctor = await as('doctor@demo.test');
		const sub = subscription();
		await nurse.request('POST', '/push/subscriptions', sub);
		expect((await doctor.request('DELETE', '/push/subscriptions', { endpoint: sub.endpoint })).status).toBe(204);
		expect(ownerOf(sub.endpoint)).toBe('nurse@demo.test');
		expect((await nurse.request('DELETE', '/push/subscriptions', { endpoint: sub.endpoint })).status).toBe(204);
		expect(ownerOf(sub.endpoint)).toBeNull();
	});
});
