import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { reportResponse } from '$lib/server/http/report-responses';
import { changeLevel } from '$lib/server/reports/actions';
import { ctx } from '$lib/server/runtime';
import { levelChangeSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

// Support staff reach the domain check too, so they get its 403 rather than a generic one.
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'support');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, levelChangeSchema);
	if (!input.ok) return apiProblem(input.problem);
	return reportResponse(
		event,
		user.value,
		changeLevel(ctx(), user.value, event.params.id, {
			to: input.value.level,
			reason: input.value.reason,
			reasonCode: input.value.reasonCode
		})
	);
};
