import { json } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession } from '$lib/server/auth/session';
import { authenticate } from '$lib/server/auth/user';
import { apiProblem, readJson } from '$lib/server/http/api';
import { db, now } from '$lib/server/runtime';
import { loginSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies }) => {
	const input = await readJson(request, loginSchema);
	if (!input.ok) return apiProblem(input.problem);
	const account = await authenticate(db(), input.value.email, input.value.password);
	if (!account.ok) return apiProblem(account.problem);
	const { token, session } = createSession(db(), account.value.id, account.value.role, now());
	setSessionCookie(cookies, token, session.expiresAt);
	return json({ user: account.value, token, expiresAt: new Date(session.expiresAt).toISOString() });
};
