import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { reportResponse } from '$lib/server/http/report-responses';
import { escalate } from '$lib/server/reports/actions';
import { ctx } from '$lib/server/runtime';
import { escalateSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'support');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, escalateSchema);
	if (!input.ok) return apiProblem(input.problem);
	return reportResponse(event, user.value, escalate(ctx(), user.value, event.params.id, input.value.reason));
};
