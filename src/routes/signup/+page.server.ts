import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession } from '$lib/server/auth/session';
import { createPatient } from '$lib/server/auth/user';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { db, now } from '$lib/server/runtime';
import { signupSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const { all, echo } = formValues(await request.formData());
		const input = validate(signupSchema, { ...all, sex: all.sex || null });
		if (!input.ok) return fail(400, { errors: input.errors, values: echo });
		const created = await createPatient(db(), input.value, now());
		if (!created.ok) return failWith(created.problem, echo);
		const { token, session } = createSession(db(), created.value.id, 'patient', now());
		setSessionCookie(cookies, token, session.expiresAt);
		redirect(303, '/report');
	}
};
