import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { retriagedResponse } from '$lib/server/http/report-responses';
import { addPatientUpdate } from '$lib/server/reports/actions';
import { ctx } from '$lib/server/runtime';
import { patientUpdateSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, patientUpdateSchema);
	if (!input.ok) return apiProblem(input.problem);
	return retriagedResponse(event, user.value, addPatientUpdate(ctx(), user.value, event.params.id, input.value.text));
};
