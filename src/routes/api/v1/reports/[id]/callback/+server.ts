import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { reportResponse } from '$lib/server/http/report-responses';
import { updateCallback } from '$lib/server/reports/actions';
import { ctx } from '$lib/server/runtime';
import { callbackSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, callbackSchema);
	if (!input.ok) return apiProblem(input.problem);
	return reportResponse(event, user.value, updateCallback(ctx(), user.value, event.params.id, input.value));
};
