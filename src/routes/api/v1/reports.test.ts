import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startServer, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

async function patient() {
	const api = new ApiClient(server.url);
	await api.signupAndLogin();
	return api;
}

describe('POST /api/v1/reports', () => {
	it('triages "stomach pain and blood in stool" to the clinician queue with a reference', async () => {
		const api = await patient();
		const res = await api.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'stomach pain and blood in stool'
		});
		expect(res.status).toBe(201);
		expect(res.json.reference).toMatch(/^CL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		expect(['urgent', 'emergency']).toContain(res.json.level);
		expect(res.json.queue).toBe('clinician');
		expect(res.json.reasons.length).toBeGreaterThan(0);
		expect(res.json.advice).toMatch(/nurse or doctor|911/i);
		expect(Date.parse(res.json.respondBy) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
	});

	it('routes a refill request to the support queue', async () => {
		const api = await patient();
		const res = await api.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'Please refill my usual blood pressure pills, lisinopril. I feel fine.'
		});
		expect(res.status).toBe(201);
		expect(res.json.level).toBe('admin');
		expect(res.json.queue).toBe('support');
	});

	it('sends any ticked emergency item as an emergency, with 988 for suicidal thoughts', async () => {
		const api = await patient();
		const res = await api.request('POST', '/reports', { emergencyScreen: ['suicidal_thoughts'], description: '' });
		expect(res.status).toBe(201);
		expect(res.json.level).toBe('emergency');
		expect(res.json.crisisLine).toBe(true);
		expect(res.json.queue).toBe('clinician');
	});

	it('returns the same report for the same client id, never a duplicate', async () => {
		const api = await patient();
		const id = crypto.randomUUID();
		const body = { id, emergencyScreen: [], description: 'sudden sharp rib pain when I breathe' };
		const first = await api.request('POST', '/reports', body);
		const second = await api.request('POST', '/reports', body);
		expect(first.status).toBe(201);
		expect(second.status).toBe(200);
		expect(second.json.id).toBe(id);
		expect(second.json.reference).toBe(first.json.reference);
		const list = await api.request('GET', '/reports');
		expect(list.json.reports.filter((r: { id: string }) => r.id === id)).toHaveLength(1);
	});

	it('refuses another patient’s client id with 409 instead of revealing their report', async () => {
		const a = await patient();
		const b = await patient();
		const id = crypto.randomUUID();
		await a.request('POST', '/reports', { id, emergencyScreen: [], description: 'bad cough for a week' });
		const res = await b.request('POST', '/reports', { id, emergencyScreen: [], description: 'something else' });
		expect(res.status).toBe(409);
		expect(res.json.error.code).toBe('id_conflict');
		expect(JSON.stringify(res.json)).not.toContain('cough');
	});
});

describe('GET /api/v1/reports/:id', () => {
	it('shows status, queue, timeline and "not yet claimed"', async () => {
		const api = await patient();
		const created = await api.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'stomach pain and blood in stool'
		});
		const res = await api.request('GET', `/reports/${created.json.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ id: created.json.id, status: 'open', queue: 'clinician', handledBy: null });
		expect(res.json.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'triaged']);
		expect(res.json.timeline[0].actor.role).toBe('patient');
		expect(res.json.timeline[1].actor).toMatchObject({ role: 'system', clinical: false });
		expect(JSON.stringify(res.json)).not.toMatch(/prev_?hash|patient_?id|password/i);
	});

	it('answers 404 (not 403) when patient B asks for patient A’s report', async () => {
		const a = await patient();
		const b = await patient();
		const created = await a.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'private matter, rash on my arm'
		});
		const res = await b.request('GET', `/reports/${created.json.id}`);
		expect(res.status).toBe(404);
		expect(res.json.error.code).toBe('not_found');
		const list = await b.request('GET', '/reports');
		expect(list.json.reports).toEqual([]);
	});

	it('requires a patient session', async () => {
		const anonymous = new ApiClient(server.url);
		const res = await anonymous.request('GET', '/reports/00000000-0000-4000-8000-000000000000');
		expect(res.status).toBe(401);
	});
});

describe('bad input answers 4xx with the error shape', () => {
	it.each([
		['malformed JSON', '{"description": ', 400, 'malformed_json'],
		['wrong type', { emergencyScreen: 'chest_pain', description: 'hi there' }, 422, 'validation_failed'],
		['unknown emergency id', { emergencyScreen: ['sore_toe'], description: 'hi there' }, 422, 'validation_failed'],
		['severity out of range', { emergencyScreen: [], description: 'headache', severity: 42 }, 422, 'validation_failed'],
		['not an object', '[1,2,3]', 422, 'validation_failed'],
		['null body', 'null', 422, 'validation_failed']
	])('%s', async (_name, body, status, code) => {
		const api = await patient();
		const res = await api.request('POST', '/reports', body);
		expect(res.status).toBe(status);
		expect(res.json.error.code).toBe(code);
		expect(typeof res.json.error.message).toBe('string');
		expect(JSON.stringify(res.json)).not.toMatch(/at .*\.js|stack/i);
	});

	it('names the failing field', async () => {
		const api = await patient();
		const res = await api.request('POST', '/reports', { emergencyScreen: [], description: 'headache', severity: 42 });
		expect(res.json.error.fields).toHaveProperty('severity');
	});

	it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
		'refuses %s with 415',
		async (type) => {
			const api = await patient();
			const res = await api.request('POST', '/reports', 'description=hi', { 'content-type': type, origin: server.url });
			expect(res.status).toBe(415);
			expect(res.json.error.code).toBe('unsupported_media_type');
		}
	);

	it('refuses a cross-site form-type POST before it reaches the API (CSRF)', async () => {
		const api = await patient();
		const res = await api.request('POST', '/reports', 'description=hi', {
			'content-type': 'text/plain',
			origin: 'https://evil.example'
		});
		expect(res.status).toBe(403);
	});

	it('refuses a body over 64 KB with 413', async () => {
		const api = await patient();
		const res = await api.request('POST', '/reports', { emergencyScreen: [], description: 'x'.repeat(70 * 1024) });
		expect(res.status).toBe(413);
		expect(res.json.error.code).toBe('payload_too_large');
	});

	it('answers unknown API paths with a JSON 404', async () => {
		const res = await new ApiClient(server.url).request('GET', '/no-such-thing');
		expect(res.status).toBe(404);
		expect(res.json.error.code).toBe('not_found');
	});

	it('sends no CORS headers', async () => {
		const res = await new ApiClient(server.url).request('GET', '/healthz', undefined, {
			origin: 'https://evil.example'
		});
		expect(res.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('does not let staff submit patient reports', async () => {
		const nurse = new ApiClient(server.url);
		await nurse.login('nurse@demo.test', 'demo-password-1');
		const res = await nurse.request('POST', '/reports', { emergencyScreen: [], description: 'test' });
		expect(res.status).toBe(403);
		expect(res.json.error.code).toBe('forbidden');
	});
});
