import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { listStaff } from '$lib/server/auth/staff';
import { createStaff } from '$lib/server/auth/user';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { db, now } from '$lib/server/runtime';
import { staffAccountSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	requireRole('admin');
	return { staff: listStaff(db()), created: url.searchParams.get('created') };
};

export const actions: Actions = {
	create: async ({ request }) => {
		requireRole('admin');
		const { all, echo } = formValues(await request.formData());
		const input = validate(staffAccountSchema, {
			...all,
			credential: all.credential || undefined,
			team: all.team || undefined
		});
		if (!input.ok) return fail(400, { errors: input.errors, values: echo });
		const result = await createStaff(db(), input.value, now());
		if (!result.ok) return failWith(result.problem, echo);
		redirect(303, `/admin?created=${encodeURIComponent(result.value.email)}`);
	}
};
