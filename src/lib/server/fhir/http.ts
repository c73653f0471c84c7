/**
 * The FHIR API's one mapping to HTTP: only the export role (admin) reads, answers are
 * application/fhir+json, and every refusal is an OperationOutcome with its status.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db';
import { apiUser } from '../http/api';
import { problemStatus } from '../problem';
import type { Role } from '../../vocabulary';
import { FhirOutcomeError, operationOutcome } from './outcome';
import { isSearchType, searchBundle } from './search';

/** Who may read the FHIR API: administrators, who own what leaves the clinic for its EHR. */
export const EXPORT_ROLES: readonly Role[] = ['admin'];

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export const fhirJson = (body: unknown, status = 200): Response =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': FHIR_JSON } });

export function fhirSearchResponse(event: RequestEvent, type: string, db: Db, now: number): Response {
	const user = apiUser(event, ...EXPORT_ROLES);
	if (!user.ok) {
		const status = problemStatus(user.problem.code);
		return fhirJson(operationOutcome(status === 401 ? 'login' : 'forbidden', user.problem.message), status);
	}
	if (!isSearchType(type))
		return fhirJson(
			operationOutcome(
				'not-supported',
				'This server searches Task, QuestionnaireResponse, Communication, Provenance and AuditEvent.'
			),
			404
		);
	try {
		const base = `${event.url.origin}/api/v1/fhir`;
		return fhirJson(searchBundle(db, user.value, type, event.url.searchParams, base, now));
	} catch (error) {
		if (error instanceof FhirOutcomeError) return fhirJson(error.outcome, error.status);
		throw error;
	}
}
