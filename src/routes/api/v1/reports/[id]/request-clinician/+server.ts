import { apiProblem, apiUser } from '$lib/server/http/api';
import { reportResponse } from '$lib/server/http/report-responses';
import { requestClinician } from '$lib/server/reports/actions';
import { ctx } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	return reportResponse(event, user.value, requestClinician(ctx(), user.value, event.params.id));
};
