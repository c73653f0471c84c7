import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { reportResponse } from '$lib/server/http/report-responses';
import { resolve } from '$lib/server/reports/actions';
import { ctx } from '$lib/server/runtime';
import { resolveSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'support');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, resolveSchema);
	if (!input.ok) return apiProblem(input.problem);
	return reportResponse(event, user.value, resolve(ctx(), user.value, event.params.id, input.value));
};
