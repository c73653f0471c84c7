import { changePassword } from '$lib/server/auth/account';
import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { db } from '$lib/server/runtime';
import { passwordChangeSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

/** POST /api/v1/auth/password {current, password, confirm}: 204; every other session of the account ends. */
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event);
	if (!user.ok) return apiProblem(user.problem);
	const body = await readJson(event.request, passwordChangeSchema);
	if (!body.ok) return apiProblem(body.problem);
	const result = await changePassword(
		db(),
		user.value.id,
		event.locals.session!.id,
		body.value.current,
		body.value.password
	);
	if (!result.ok) return apiProblem(result.problem);
	return new Response(null, { status: 204 });
};
