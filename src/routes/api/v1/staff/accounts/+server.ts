import { json } from '@sveltejs/kit';
import { listStaff } from '$lib/server/auth/staff';
import { createStaff } from '$lib/server/auth/user';
import { apiProblem, apiResult, apiUser, readJson } from '$lib/server/http/api';
import { db, now } from '$lib/server/runtime';
import { staffAccountSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const user = apiUser(event, 'admin');
	if (!user.ok) return apiProblem(user.problem);
	return json({ staff: listStaff(db()) });
};

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'admin');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, staffAccountSchema);
	if (!input.ok) return apiProblem(input.problem);
	return apiResult(await createStaff(db(), input.value, now()), (account) => ({ user: account }), 201);
};
