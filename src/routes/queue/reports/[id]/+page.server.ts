import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { failWith, formValues, validate, type FormValues } from '$lib/server/http/form';
import { latestSeq } from '$lib/server/queues/latest';
import {
	addNote,
	changeLevel,
	claim,
	escalate,
	logContactAttempt,
	raisedNotClosedMessage,
	release,
	resolve
} from '$lib/server/reports/actions';
import { recordAccess, viaFrom } from '$lib/server/reports/access';
import { staffReport } from '$lib/server/reports/views';
import { ctx, db, now } from '$lib/server/runtime';
import { raisedView } from '$lib/raised';
import { contactAttemptSchema, escalateSchema, levelChangeSchema, noteSchema, resolveSchema } from '$lib/schemas';
import type { StaffAction } from '$lib/vocabulary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const user = requireRole('clinician', 'support', 'admin');
	const at = now();
	const since = latestSeq(db());
	const report = staffReport(db(), user, params.id, at);
	if (!report) error(404, { message: 'No report with that id.' });
	// Every opening is in the access log, and the patient sees it.
	recordAccess(db(), user, params.id, viaFrom(url.searchParams.get('from')), at);
	return { report, since, now: at, viewer: { id: user.id, role: user.role } };
};

/** Staff who work reports; admins read them only. */
const worker = () => requireRole('clinician', 'support');

async function read(request: Request, action: StaffAction): Promise<{ all: FormValues; values: FormValues }> {
	const { all, echo } = formValues(await request.formData());
	return { all, values: { ...echo, action } };
}

export const actions: Actions = {
	claim: ({ params, url }) => {
		const user = worker();
		const result = claim(ctx(), user, params.id);
		if (!result.ok) return failWith(result.problem, { action: 'claim' });
		redirect(303, url.pathname);
	},

	release: ({ params, url }) => {
		const user = worker();
		const result = release(ctx(), user, params.id);
		if (!result.ok) return failWith(result.problem, { action: 'release' });
		redirect(303, url.pathname);
	},

	note: async ({ request, params }) => {
		const user = worker();
		const { all, values } = await read(request, 'note');
		const input = validate(noteSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values });
		const result = addNote(ctx(), user, params.id, input.value.text);
		if (!result.ok) return failWith(result.problem, values);
		return { action: 'note', raised: raisedView(result.value.raised, 'staff') };
	},

	contact: async ({ request, params }) => {
		const user = worker();
		const { all, values } = await read(request, 'contact');
		const input = validate(contactAttemptSchema, {
			outcome: all.outcome,
			note: all.note || undefined,
			emergencyAdviceLeft: all.emergencyAdviceLeft === 'on'
		});
		if (!input.ok) return fail(400, { errors: input.errors, values });
		const result = logContactAttempt(ctx(), user, params.id, input.value);
		if (!result.ok) return failWith(result.problem, values);
		return { action: 'contact', raised: raisedView(result.value.raised, 'staff') };
	},

	escalate: async ({ request, params, url }) => {
		const user = worker();
		const { all, values } = await read(request, 'escalate');
		const input = validate(escalateSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values });
		const result = escalate(ctx(), user, params.id, input.value.reason);
		if (!result.ok) return failWith(result.problem, values);
		redirect(303, url.pathname);
	},

	level: async ({ request, params, url }) => {
		const user = worker();
		const { all, values } = await read(request, 'level');
		const input = validate(levelChangeSchema, { ...all, reasonCode: all.reasonCode || undefined });
		if (!input.ok) return fail(400, { errors: input.errors, values });
		const result = changeLevel(ctx(), user, params.id, {
			to: input.value.level,
			reason: input.value.reason,
			reasonCode: input.value.reasonCode
		});
		if (!result.ok) return failWith(result.problem, values);
		redirect(303, url.pathname);
	},

	resolve: async ({ request, params, url }) => {
		const user = worker();
		const { all, values } = await read(request, 'resolve');
		const input = validate(resolveSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values });
		const result = resolve(ctx(), user, params.id, input.value);
		if (!result.ok) return failWith(result.problem, values);
		if (result.value.raised)
			return fail(409, {
				errors: { _: raisedNotClosedMessage(result.value.raised.to) },
				values,
				raised: raisedView(result.value.raised, 'staff')
			});
		redirect(303, url.pathname);
	}
};
