import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { signUp } from '$lib/server/auth/login';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { db, now, rateLimits } from '$lib/server/runtime';
import { signupSchema } from '$lib/schemas';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const { all, echo } = formValues(await request.formData());
		const input = validate(signupSchema, { ...all, sex: all.sex || null });
		if (!input.ok) return fail(400, { errors: input.errors, values: echo });
		// The language the sign-up form was read in is the account's until they choose another.
		const created = await signUp(db(), rateLimits(), input.value, getClientAddress(), now(), getLocale());
		if (!created.ok) return failWith(created.problem, echo);
		setSessionCookie(cookies, created.value.token, created.value.session.expiresAt);
		redirect(303, '/report');
	}
};
