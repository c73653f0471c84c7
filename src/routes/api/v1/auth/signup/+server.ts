import { json } from '@sveltejs/kit';
import { signUp } from '$lib/server/auth/login';
import { apiProblem, readJson } from '$lib/server/http/api';
import { db, now, rateLimits } from '$lib/server/runtime';
import { signupSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const input = await readJson(request, signupSchema);
	if (!input.ok) return apiProblem(input.problem);
	const created = await signUp(db(), rateLimits(), input.value, getClientAddress(), now());
	if (!created.ok) return apiProblem(created.problem);
	return json({ user: created.value.account, token: created.value.token }, { status: 201 });
};
