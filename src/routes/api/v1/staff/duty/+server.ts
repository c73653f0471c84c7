import { apiProblem, apiResult, apiUser, readJson } from '$lib/server/http/api';
import { setOnDuty } from '$lib/server/auth/staff';
import { db } from '$lib/server/runtime';
import { dutySchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'support', 'admin');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, dutySchema);
	if (!input.ok) return apiProblem(input.problem);
	return apiResult(setOnDuty(db(), user.value.id, input.value.onDuty), (value) => value);
};
