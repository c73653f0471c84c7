import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { homeFor } from '$lib/server/auth/guard';
import { createSession } from '$lib/server/auth/session';
import { authenticate } from '$lib/server/auth/user';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { db, now } from '$lib/server/runtime';
import { loginSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths: an open redirect would let a phishing link borrow our login page. */
function safeNext(next: string | null): string | null {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, homeFor(locals.user.role));
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const { all, echo } = formValues(await request.formData());
		const input = validate(loginSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values: echo });
		const account = await authenticate(db(), input.value.email, input.value.password);
		if (!account.ok) return failWith(account.problem, echo);
		const { token, session } = createSession(db(), account.value.id, account.value.role, now());
		setSessionCookie(cookies, token, session.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next')) ?? homeFor(account.value.role));
	}
};
