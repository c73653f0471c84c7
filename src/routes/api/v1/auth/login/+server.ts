import { json } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { logIn } from '$lib/server/auth/login';
import { apiProblem, readJson } from '$lib/server/http/api';
import { db, now, rateLimits } from '$lib/server/runtime';
import { loginSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies, getClientAddress }) => {
	const input = await readJson(request, loginSchema);
	if (!input.ok) return apiProblem(input.problem);
	const signedIn = await logIn(db(), rateLimits(), input.value.email, input.value.password, getClientAddress(), now());
	if (!signedIn.ok) return apiProblem(signedIn.problem);
	const { account, token, session } = signedIn.value;
	setSessionCookie(cookies, token, session.expiresAt);
	return json({ user: account, token, expiresAt: new Date(session.expiresAt).toISOString() });
};
