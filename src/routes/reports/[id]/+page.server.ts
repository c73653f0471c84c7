import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { latestSeq } from '$lib/server/queues/latest';
import { addPatientUpdate, requestClinician, updateCallback } from '$lib/server/reports/actions';
import { patientReport } from '$lib/server/reports/views';
import { ctx, db, now } from '$lib/server/runtime';
import { raisedView } from '$lib/raised';
import { callbackSchema, patientUpdateSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const user = requireRole('patient');
	const since = latestSeq(db(), params.id);
	const report = patientReport(db(), user.id, params.id, now());
	// Someone else's report looks exactly like a missing one.
	if (!report) error(404, { message: 'We could not find that report.' });
	return { report, since, justSubmitted: url.searchParams.has('submitted') };
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const user = requireRole('patient');
		const { all, echo } = formValues(await request.formData());
		const values = { ...echo, action: 'update' };
		const input = validate(patientUpdateSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values });
		const result = addPatientUpdate(ctx(), user, params.id, input.value.text);
		if (!result.ok) return failWith(result.problem, values);
		// A closed report: the words opened a new, linked report; its page shows the advice.
		if (result.value.followUp) redirect(303, `/reports/${result.value.followUp.id}?submitted`);
		return { action: 'update', raised: raisedView(result.value.raised, 'patient') };
	},

	nurse: ({ params, url }) => {
		const user = requireRole('patient');
		const result = requestClinician(ctx(), user, params.id);
		if (!result.ok) return failWith(result.problem, { action: 'nurse' });
		redirect(303, url.pathname);
	},

	callback: async ({ request, params, url }) => {
		const user = requireRole('patient');
		const { all, echo } = formValues(await request.formData());
		const values = { ...echo, action: 'callback' };
		const input = validate(callbackSchema, {
			callbackPhone: all.callbackPhone,
			callbackWindow: all.callbackWindow,
			cancelled: all.cancelled === undefined ? undefined : all.cancelled === 'true'
		});
		if (!input.ok) return fail(400, { errors: input.errors, values });
		const result = updateCallback(ctx(), user, params.id, input.value);
		if (!result.ok) return failWith(result.problem, values);
		redirect(303, url.pathname);
	}
};
