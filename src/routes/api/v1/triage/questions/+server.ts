import { json } from '@sveltejs/kit';
import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { questionStepFor } from '$lib/server/triage/questions';
import { db, now } from '$lib/server/runtime';
import { questionsRequestSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

/** The red-flag questions for a description (or the complaint picker): asked before the report is sent. */
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, questionsRequestSchema);
	if (!input.ok) return apiProblem(input.problem);
	const step = questionStepFor(db(), user.value.id, input.value, now());
	return json({ complaints: step.complaints, questions: step.questions, picker: step.picker, level: step.level });
};
