import { json } from '@sveltejs/kit';
import { createPatient } from '$lib/server/auth/user';
import { apiProblem, readJson } from '$lib/server/http/api';
import { db, now } from '$lib/server/runtime';
import { signupSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request }) => {
	const input = await readJson(request, signupSchema);
	if (!input.ok) return apiProblem(input.problem);
	const created = await createPatient(db(), input.value, now());
	if (!created.ok) return apiProblem(created.problem);
	return json({ user: created.value }, { status: 201 });
};
