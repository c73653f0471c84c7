import { fail, redirect } from '@sveltejs/kit';
import { setLanguageCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { homeFor } from '$lib/server/auth/guard';
import { logIn } from '$lib/server/auth/login';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { db, now, rateLimits } from '$lib/server/runtime';
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
	default: async ({ request, cookies, url, getClientAddress }) => {
		const { all, echo } = formValues(await request.formData());
		const input = validate(loginSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values: echo });
		const signedIn = await logIn(
			db(),
			rateLimits(),
			input.value.email,
			input.value.password,
			getClientAddress(),
			now()
		);
		if (!signedIn.ok) return failWith(signedIn.problem, echo);
		const { account, token, session } = signedIn.value;
		setSessionCookie(cookies, token, session.expiresAt);
		// The language chosen last, on any phone, is the one this sign-in opens in.
		if (account.language) setLanguageCookie(cookies, account.language);
		redirect(303, safeNext(url.searchParams.get('next')) ?? homeFor(account.role));
	}
};
