import { json } from '@sveltejs/kit';
import { apiProblem, apiUser } from '$lib/server/http/api';
import { viewFor } from '$lib/server/http/report-responses';
import { problem } from '$lib/server/problem';
import { recordAccess } from '$lib/server/reports/access';
import { db, now } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const user = apiUser(event, 'patient', 'clinician', 'support', 'admin');
	if (!user.ok) return apiProblem(user.problem);
	const report = viewFor(user.value, event.params.id);
	// Not yours, or not there: the same answer, so ids are not confirmed.
	if (!report) return apiProblem(problem('not_found', 'No report with that id.').problem);
	recordAccess(db(), user.value, event.params.id, 'api', now());
	return json(report);
};
