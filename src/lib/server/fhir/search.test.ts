import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { accessesOf } from '../reports/access';
import { eventsOf } from '../reports/events';
import { testDb } from '../testing/db';
import { fhirScenario, r4Issues } from '../testing/fhir';
import { T0 } from '../testing/fixtures';
import { FHIR_JSON, fhirSearchResponse } from './http';

let db: Db;
let s: Awaited<ReturnType<typeof fhirScenario>>;
beforeAll(async () => {
	db = testDb().db;
	s = await fhirScenario(db);
});

const NOW = T0 + 4 * 24 * 60 * 60_000;

/** The route's one call, in process: the request as SvelteKit hands it over, with whoever signed in. */
async function get(path: string, user: SessionUser | null) {
	const event = { url: new URL(`http://clinic.test/api/v1/fhir/${path}`), locals: { user } } as unknown as RequestEvent;
	const type = event.url.pathname.split('/').pop() ?? '';
	const response = fhirSearchResponse(event, type, db, NOW);
	return {
		status: response.status,
		type: response.headers.get('content-type'),
		body: (await response.json()) as unknown
	};
}

const bundle = async (path: string, user: SessionUser = s.admin) => {
	const r = await get(path, user);
	expect(r.status, JSON.stringify(r.body)).toBe(200);
	expect(r.type).toBe(FHIR_JSON);
	return r.body as Bundle;
};
const matches = (b: Bundle) =>
	(b.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource as Resource);

describe('FHIR search', () => {
	it("one patient's report is one Task, one QuestionnaireResponse, its Communications and its Provenance", async () => {
		const patient = `patient=Patient/${s.alice.id}`;
		const tasks = matches(await bundle(`Task?${patient}`));
		expect(tasks.map((t) => t.id)).toEqual([s.urgent.id]);
		expect(matches(await bundle(`QuestionnaireResponse?${patient}`)).map((r) => r.id)).toEqual([s.urgent.id]);
		const communications = matches(await bundle(`Communication?${patient}`));
		expect(communications).toHaveLength(3); // a missed call, the patient's message, the call that reached her
		const provenance = matches(await bundle(`Provenance?patient=${s.alice.id}`));
		expect(provenance.map((p) => p.id)).toEqual(eventsOf(db, s.urgent.id).map((e) => `${s.urgent.id}-${e.seq}`));
	});

	it('answers searchset Bundles that validate as R4, with the resources they refer to included', async () => {
		for (const type of ['Task', 'QuestionnaireResponse', 'Communication', 'Provenance', 'AuditEvent']) {
			const b = await bundle(type);
			expect(b).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
			expect(r4Issues(b), type).toEqual([]);
		}
		const b = await bundle(`Task?patient=${s.alice.id}`);
		const included = (b.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => e.fullUrl);
		expect(included).toEqual(
			expect.arrayContaining([
				`http://clinic.test/api/v1/fhir/Patient/${s.alice.id}`,
				`http://clinic.test/api/v1/fhir/PractitionerRole/${s.nurse.id}`,
				`http://clinic.test/api/v1/fhir/Practitioner/${s.nurse.id}`
			])
		);
		expect(included.some((u) => u?.includes('/Device/triage-'))).toBe(true);
	});

	it('filters by status and by date with prefixes', async () => {
		expect(matches(await bundle('Task?status=completed')).map((t) => t.id)).toEqual([s.urgent.id]);
		expect(matches(await bundle('Task?status=requested,accepted,in-progress')).map((t) => t.id)).toEqual([
			s.failed.id,
			s.routine.id
		]);
		expect(matches(await bundle('Communication?status=not-done'))).toHaveLength(2);
		const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
		expect(matches(await bundle(`Task?date=ge${at(15)}&date=le${at(25)}`)).map((t) => t.id)).toEqual([s.failed.id]);
		expect(matches(await bundle(`Task?date=lt${at(15)}`)).map((t) => t.id)).toEqual([s.urgent.id]);
		const day = new Date(T0).toISOString().slice(0, 10);
		expect(matches(await bundle(`Task?date=${day}`))).toHaveLength(3);
		expect(matches(await bundle(`Task?date=gt${day}`))).toHaveLength(0);
		expect(matches(await bundle('Task?patient=nobody-here'))).toHaveLength(0);
	});

	it('pages with _count and a next link that carries the search on', async () => {
		const first = await bundle('Task?_count=2&status=requested,in-progress,completed');
		expect(first.total).toBe(3);
		expect(matches(first)).toHaveLength(2);
		const next = first.link?.find((l) => l.relation === 'next')?.url ?? '';
		expect(next).toContain('status=requested%2Cin-progress%2Ccompleted');
		const second = await bundle(next.replace('http://clinic.test/api/v1/fhir/', ''));
		expect(matches(second).map((t) => t.id)).toEqual([s.routine.id]);
		expect(second.link?.some((l) => l.relation === 'next')).toBe(false);
	});

	it('is for the export role only: patients, support staff and clinicians get 403, nobody 401', async () => {
		for (const who of [s.alice, s.support, s.nurse]) {
			const r = await get('Task', who);
			expect(r.status, who.role).toBe(403);
			expect(r.type).toBe(FHIR_JSON);
			expect(r.body).toMatchObject({
				resourceType: 'OperationOutcome',
				issue: [{ severity: 'error', code: 'forbidden' }]
			});
		}
		expect((await get('Task', null)).status).toBe(401);
		expect((await get('Patient', s.admin)).status).toBe(404);
	});

	it('answers a bad search with a 400 OperationOutcome that says what is wrong', async () => {
		const cases: [string, RegExp][] = [
			['Task?date=yesterday', /date must be YYYY/],
			['Task?date=2026-02-30', /not a calendar date/],
			['Task?date=ne2026-11-25', /prefix "ne" is not supported/],
			['Task?date=2026-11-25T10:00', /time zone/],
			['Task?_count=0', /_count must be a whole number from 1 to 500/],
			['Task?_count=many', /_count must be/],
			['Task?_count=1&_count=2', /Give _count once/],
			['Task?_offset=-1', /_offset must be/],
			['Task?status=done', /"done" is not a Task status/],
			['Communication?status=completed,bogus', /"bogus" is not a Communication status/],
			['Provenance?status=completed', /Provenance has no status search parameter/],
			['AuditEvent?status=completed', /AuditEvent has no status search parameter/],
			['Task?patient=Patient/not%20an%20id', /patient must be a Patient id/],
			['Task?subject=x', /Unknown search parameter "subject" for Task/]
		];
		for (const [path, message] of cases) {
			const r = await get(path, s.admin);
			expect(r.status, path).toBe(400);
			const outcome = r.body as OperationOutcome;
			expect(outcome.resourceType, path).toBe('OperationOutcome');
			expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'invalid' });
			expect(outcome.issue[0]?.diagnostics, path).toMatch(message);
			expect(r4Issues(outcome), path).toEqual([]);
		}
	});

	it('records every report a page shows as an access by the admin, through the FHIR API', async () => {
		const before = accessesOf(db, s.failed.id).length;
		await bundle(`Communication?patient=${s.bob.id}&status=not-done`);
		const after = accessesOf(db, s.failed.id);
		expect(after).toHaveLength(before + 1);
		expect(after.at(-1)).toMatchObject({ viewerId: s.admin.id, viewerRole: 'admin', via: 'fhir_api', at: NOW });
		// A page with nothing of a report is no access of it.
		const routineBefore = accessesOf(db, s.routine.id).length;
		await bundle(`Communication?patient=${s.bob.id}`);
		expect(accessesOf(db, s.routine.id)).toHaveLength(routineBefore);
	});
});
