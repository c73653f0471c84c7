import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { retriagedResponse } from '$lib/server/http/report-responses';
import { addNote } from '$lib/server/reports/actions';
import { ctx } from '$lib/server/runtime';
import { noteSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'support');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, noteSchema);
	if (!input.ok) return apiProblem(input.problem);
	return retriagedResponse(event, user.value, addNote(ctx(), user.value, event.params.id, input.value.text));
};
