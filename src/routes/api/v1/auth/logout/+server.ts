import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import { apiProblem, apiUser } from '$lib/server/http/api';
import { db } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event);
	if (!user.ok) return apiProblem(user.problem);
	if (event.locals.session) invalidateSession(db(), event.locals.session.id);
	deleteSessionCookie(event.cookies);
	return new Response(null, { status: 204 });
};
