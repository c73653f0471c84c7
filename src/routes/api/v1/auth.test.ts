import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, randomEmail, startServer, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ CLEARLINE_RATE_LIMITS: '1' });
});
afterAll(() => server?.stop());

const signupBody = () => ({
	email: randomEmail(),
	password: 'a-long-test-password',
	name: 'Robin Test',
	phone: '555-201-3344',
	dateOfBirth: '1948-11-02'
});

describe('auth API', () => {
	it('signs up, logs in with a bearer token, and logs out', async () => {
		const api = new ApiClient(server.url);
		const body = signupBody();
		const signup = await api.request('POST', '/auth/signup', body);
		expect(signup.status).toBe(201);
		expect(signup.json.user).toMatchObject({ email: body.email, role: 'patient' });
		expect(JSON.stringify(signup.json)).not.toMatch(/argon|hash/i);

		const login = await api.request('POST', '/auth/login', { email: body.email, password: body.password });
		expect(login.status).toBe(200);
		expect(login.json.token).toMatch(/^[a-z2-7]+\.[a-z2-7]+$/);
		expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
		expect(login.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
		api.token = login.json.token;

		expect((await api.request('GET', '/reports')).status).toBe(200);
		// Whose session this is (the phone's outbox asks before sending a report saved offline).
		const session = await api.request('GET', '/auth/session');
		expect(session.status).toBe(200);
		expect(session.json.user).toEqual({ id: signup.json.user.id, role: 'patient' });
		expect(session.headers.get('cache-control')).toBe('no-store');
		expect((await api.request('POST', '/auth/logout')).status).toBe(204);
		expect((await api.request('GET', '/auth/session')).status).toBe(401);
		const after = await api.request('GET', '/reports');
		expect(after.status).toBe(401);
		expect(after.json.error.code).toBe('unauthenticated');
	});

	it('refuses a duplicate email with 409 email_taken', async () => {
		const api = new ApiClient(server.url);
		const body = signupBody();
		expect((await api.request('POST', '/auth/signup', body)).status).toBe(201);
		const again = await api.request('POST', '/auth/signup', { ...body, email: body.email.toUpperCase() });
		expect(again.status).toBe(409);
		expect(again.json.error.code).toBe('email_taken');
	});

	it('answers the same for a wrong password and an unknown email', async () => {
		const api = new ApiClient(server.url);
		const body = signupBody();
		await api.request('POST', '/auth/signup', body);
		const wrong = await api.request('POST', '/auth/login', { email: body.email, password: 'not-the-password' });
		const unknown = await api.request('POST', '/auth/login', { email: randomEmail(), password: 'not-the-password' });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.json).toEqual(unknown.json);
	});

	it('validates sign-up fields with the error shape', async () => {
		const api = new ApiClient(server.url);
		const bad = await api.request('POST', '/auth/signup', { ...signupBody(), password: 'short', phone: 'x' });
		expect(bad.status).toBe(422);
		expect(bad.json.error.code).toBe('validation_failed');
		expect(Object.keys(bad.json.error.fields).sort()).toEqual(['password', 'phone']);
	});

	it('never lets a patient sign up as staff', async () => {
		const api = new ApiClient(server.url);
		const body = { ...signupBody(), role: 'clinician' };
		expect((await api.request('POST', '/auth/signup', body)).status).toBe(201);
		const login = await api.login(body.email, body.password);
		expect(login.user.role).toBe('patient');
	});

	it('logs in the seeded demo staff', async () => {
		const api = new ApiClient(server.url);
		const login = await api.login('nurse@demo.test', 'demo-password-1');
		expect(login.user.role).toBe('clinician');
	});

	it('slows password guessing on one account with 429 and a clear message', async () => {
		const api = new ApiClient(server.url);
		const body = signupBody();
		await api.request('POST', '/auth/signup', body);
		let last = 0;
		for (let i = 0; i < 11; i += 1) {
			last = (await api.request('POST', '/auth/login', { email: body.email, password: `wrong-guess-${i}` })).status;
		}
		expect(last).toBe(429);
		const locked = await api.request('POST', '/auth/login', { email: body.email, password: body.password });
		expect(locked.status).toBe(429);
		expect(locked.json.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again/i) });
	});
});
