import { fail, redirect } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/account';
import { homeFor, requireRole } from '$lib/server/auth/guard';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { db } from '$lib/server/runtime';
import { passwordChangeSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('patient', 'support', 'clinician', 'admin');
	return { temporary: user.mustChangePassword, changed: url.searchParams.has('changed'), home: homeFor(user.role) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole('patient', 'support', 'clinician', 'admin');
		const { all } = formValues(await request.formData());
		const input = validate(passwordChangeSchema, all);
		// Passwords are never echoed back into the form.
		if (!input.ok) return fail(400, { errors: input.errors, values: {} });
		const result = await changePassword(db(), user.id, locals.session!.id, input.value.current, input.value.password);
		if (!result.ok) return failWith(result.problem, {});
		redirect(303, '/account/password?changed');
	}
};
