import { fail, redirect } from '@sveltejs/kit';
import { resetPassword } from '$lib/server/auth/account';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { db, now } from '$lib/server/runtime';
import { passwordResetSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async ({ request }) => {
		const { all } = formValues(await request.formData());
		const input = validate(passwordResetSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values: {} });
		const result = await resetPassword(db(), input.value.token, input.value.password, now());
		if (!result.ok) return failWith(result.problem, {});
		redirect(303, '/login?reset');
	}
};
