import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoStaff, startServer, type TestServer } from '$lib/server/testing/server';
import type { AskedQuestion } from '$lib/triage/types';

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

describe('POST /api/v1/triage/questions', () => {
	it('asks the red-flag questions of the complaint described ("my side hurts": chest wall and flank)', async () => {
		const api = await patient();
		const res = await api.request('POST', '/triage/questions', { description: 'my side hurts' });
		expect(res.status).toBe(200);
		expect(res.json.complaints).toEqual(expect.arrayContaining(['chest', 'urinary']));
		const questions = res.json.questions as AskedQuestion[];
		expect(questions.length).toBeGreaterThan(0);
		expect(questions.length).toBeLessThanOrEqual(8);
		expect(questions[0]).toMatchObject({ id: 'chest.breathing', redFlag: true, emergency: true, crisis: false });
		expect(res.json.level).toBe('urgent');
		expect(res.json.picker).toBeUndefined();
	});

	it('asks in Spanish when asked to', async () => {
		const api = await patient();
		const res = await api.request('POST', '/triage/questions', { description: 'me duele el costado', lang: 'es' });
		expect(res.status).toBe(200);
		expect((res.json.questions as AskedQuestion[])[0]?.text).toMatch(/^¿/);
	});

	it('does not ask again what has been answered', async () => {
		const api = await patient();
		const res = await api.request('POST', '/triage/questions', {
			description: 'my side hurts',
			answers: { 'chest.breathing': 'no' }
		});
		expect((res.json.questions as AskedQuestion[]).map((q) => q.id)).not.toContain('chest.breathing');
	});

	it('offers the complaint picker when it recognises nothing', async () => {
		const api = await patient();
		const res = await api.request('POST', '/triage/questions', { description: 'i dont feel good' });
		expect(res.status).toBe(200);
		expect(res.json.questions).toEqual([]);
		expect(res.json.picker).toContainEqual({ id: 'abdominal', label: 'Stomach or belly pain, vomiting or diarrhea' });
	});

	it.each([
		['an unknown question', { answers: { 'chest.nope': 'yes' } }, 'answers', /Unknown question: chest\.nope\./],
		[
			'an answer that is not yes, no or unsure',
			{ answers: { 'chest.breathing': 'maybe' } },
			'answers',
			/yes.*no.*unsure/
		],
		['an unknown complaint', { complaints: ['toes'] }, 'complaints', /Unknown complaint/],
		['an unknown risk factor', { riskFactors: ['vampire'] }, 'riskFactors', /Unknown risk factor/],
		[
			'an oxygen reading of 140%',
			{ measurements: { spo2: 140 } },
			'measurements',
			/Oxygen must be between 50 and 100 %/
		],
		['a temperature of 60 °C', { measurements: { temperatureC: 60 } }, 'measurements', /between 33 and 43.5/],
		[
			'a bottom blood pressure number alone',
			{ measurements: { diastolic: 90 } },
			'measurements',
			/top blood pressure number too/
		],
		[
			'a bottom number above the top one',
			{ measurements: { systolic: 90, diastolic: 120 } },
			'measurements',
			/lower than the top one/
		],
		['an age of 200', { subject: 'parent', subjectAgeYears: 200 }, 'subjectAgeYears', /at most 130/],
		['an unknown subject', { subject: 'dog' }, 'subject', /self.*child.*parent.*other/]
	])('refuses %s with 422 and a message for the field', async (_, extra, field, message) => {
		const api = await patient();
		const res = await api.request('POST', '/triage/questions', { description: 'my side hurts', ...extra });
		expect(res.status).toBe(422);
		expect(res.json.error.code).toBe('validation_failed');
		expect(res.json.error.fields[field]).toMatch(message);
	});

	it('is for patients only', async () => {
		const { nurse } = await demoStaff(server.url);
		const res = await nurse.request('POST', '/triage/questions', { description: 'my side hurts' });
		expect(res.status).toBe(403);
		const anonymous = await new ApiClient(server.url).request('POST', '/triage/questions', { description: 'x' });
		expect(anonymous.status).toBe(401);
	});
});

describe('a report sent with its answers', () => {
	it('is decided on the answers too, and the nurse sees them at a glance with what decided', async () => {
		const api = await patient();
		const sent = await api.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'my side hurts',
			answers: { 'chest.breathing': 'yes', 'chest.spreading': 'no' },
			riskFactors: ['blood_thinner'],
			measurements: { systolic: 150, diastolic: 95 }
		});
		expect(sent.status).toBe(201);
		expect(sent.json.level).toBe('emergency');
		expect(sent.json.queue).toBe('clinician');
		const { nurse } = await demoStaff(server.url);
		const seen = await nurse.request('GET', `/reports/${sent.json.id}`);
		expect(seen.status).toBe(200);
		expect(seen.json.told).toEqual(
			expect.arrayContaining([
				{ text: 'Short of breath: yes', deciding: true },
				{ text: 'Pain spreads to arm, jaw or back: no', deciding: false },
				expect.objectContaining({ text: 'On a blood thinner' }),
				expect.objectContaining({ text: 'BP 150/95' })
			])
		);
		const rules = (seen.json.rules as { level: string; text: string }[]).filter((r) => r.level === 'emergency');
		expect(rules[0]?.text).toContain('answer: Is it hard to breathe, or are you short of breath? yes');
	});

	it('counts the age of the person it is about', async () => {
		const api = await patient();
		// The demo patient is 68: a fall at that age goes to a nurse; a 30-year-old's does not.
		const self = await api.request('POST', '/reports', { emergencyScreen: [], description: 'she fell down today' });
		expect(self.json.level).toBe('urgent');
		const friend = await api.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'she fell down today',
			subject: 'other',
			subjectAgeYears: 30
		});
		expect(friend.json.level).toBe('routine');
		const mother = await api.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'she fell down today',
			subject: 'parent',
			subjectAgeYears: 84
		});
		expect(mother.json.level).toBe('urgent');
	});

	it('keeps one report per client id: the same answers again is the same report, different answers a conflict', async () => {
		const api = await patient();
		const id = crypto.randomUUID();
		const body = { id, emergencyScreen: [], description: 'my stomach hurts', answers: { 'abdominal.severe': 'no' } };
		expect((await api.request('POST', '/reports', body)).status).toBe(201);
		expect((await api.request('POST', '/reports', body)).status).toBe(200);
		const changed = await api.request('POST', '/reports', { ...body, answers: { 'abdominal.severe': 'yes' } });
		expect(changed.status).toBe(409);
		expect(changed.json.error.code).toBe('id_conflict');
	});
});
