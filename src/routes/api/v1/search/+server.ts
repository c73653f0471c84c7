import { apiProblem, apiResult, apiUser, readJson } from '$lib/server/http/api';
import { searchReports } from '$lib/server/reports/search';
import { db, now } from '$lib/server/runtime';
import { searchSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

/**
 * POST /api/v1/search {q}: staff find any report, open or closed, by reference, name, date of
 * birth or phone. A POST, so a patient's name and date of birth never sit in a URL or a log.
 */
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'support', 'admin');
	if (!user.ok) return apiProblem(user.problem);
	const body = await readJson(event.request, searchSchema);
	if (!body.ok) return apiProblem(body.problem);
	return apiResult(searchReports(db(), user.value, body.value.q, now()), (results) => ({ results }));
};
