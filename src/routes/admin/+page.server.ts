import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { listStaff } from '$lib/server/auth/staff';
import { createStaff } from '$lib/server/auth/user';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { ctx, db, now } from '$lib/server/runtime';
import { staffAccountSchema, staffEditSchema } from '$lib/schemas';
import { editStaff, setStaffDisabled, setTemporaryPassword } from '$lib/server/auth/account';
import { CLINICAL_CREDENTIALS, NON_CLINICAL_CREDENTIALS } from '$lib/server/reports/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const admin = requireRole('admin');
	return {
		staff: listStaff(db()),
		created: url.searchParams.get('created'),
		adminId: admin.id,
		// The credentials each role may carry: a non-clinical role is never offered RN or MD (DESIGN 9).
		credentials: {
			clinician: [...CLINICAL_CREDENTIALS],
			support: [...NON_CLINICAL_CREDENTIALS.support],
			admin: [...NON_CLINICAL_CREDENTIALS.admin]
		}
	};
};

const staffIdOf = (form: FormData): string => String(form.get('staffId') ?? '');

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
	},

	disable: async ({ request }) => {
		const admin = requireRole('admin');
		const staffId = staffIdOf(await request.formData());
		const result = setStaffDisabled(ctx(), admin.id, staffId, true);
		if (!result.ok) return failWith(result.problem, { action: 'manage', staffId });
		return { done: { staffId, message: 'Account disabled: it is logged out everywhere and cannot log in.' } };
	},

	enable: async ({ request }) => {
		const admin = requireRole('admin');
		const staffId = staffIdOf(await request.formData());
		const result = setStaffDisabled(ctx(), admin.id, staffId, false);
		if (!result.ok) return failWith(result.problem, { action: 'manage', staffId });
		return { done: { staffId, message: 'Account enabled again.' } };
	},

	temporary: async ({ request }) => {
		requireRole('admin');
		const staffId = staffIdOf(await request.formData());
		const result = await setTemporaryPassword(db(), staffId);
		if (!result.ok) return failWith(result.problem, { action: 'manage', staffId });
		return { temporary: { staffId, password: result.value.password } };
	},

	edit: async ({ request }) => {
		requireRole('admin');
		const { all, echo } = formValues(await request.formData());
		const staffId = all.staffId ?? '';
		const values = { ...echo, action: 'edit', staffId };
		const input = validate(staffEditSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values });
		const result = editStaff(db(), staffId, input.value);
		if (!result.ok) return failWith(result.problem, values);
		return { done: { staffId, message: 'Saved. Patients see the new details from now on.' } };
	}
};
