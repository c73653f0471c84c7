import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { reportResponse } from '$lib/server/http/report-responses';
import { raisedNotClosedMessage, resolve } from '$lib/server/reports/actions';
import { ctx } from '$lib/server/runtime';
import { resolveSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'support');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, resolveSchema);
	if (!input.ok) return apiProblem(input.problem);
	const result = resolve(ctx(), user.value, event.params.id, input.value);
	// The rise is kept; the closing was not done (409, the report as it now stands is one GET away).
	if (result.ok && result.value.raised)
		return apiProblem({ code: 'raised_not_closed', message: raisedNotClosedMessage(result.value.raised.to) });
	return reportResponse(event, user.value, result);
};
