import { json } from '@sveltejs/kit';
import { apiProblem, apiUser } from '$lib/server/http/api';
import { problem } from '$lib/server/problem';
import { patientReport } from '$lib/server/reports/views';
import { db } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	const report = patientReport(db(), user.value.id, event.params.id);
	if (!report) return apiProblem(problem('not_found', 'No report with that id.').problem);
	return json(report);
};
