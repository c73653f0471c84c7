import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { setOnDuty } from '$lib/server/auth/staff';
import { failWith } from '$lib/server/http/form';
import { problemStatus } from '$lib/server/problem';
import { latestSeq } from '$lib/server/queues/latest';
import { canSeeQueue, queueRows } from '$lib/server/queues/queue';
import { claim } from '$lib/server/reports/actions';
import { ctx, db, now } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const user = requireRole('clinician', 'support', 'admin');
	const at = now();
	// Read before the rows: an event committed in between is then replayed, not lost.
	const since = latestSeq(db());
	const rows = queueRows(db(), user, params.queue, at);
	if (!rows.ok) error(problemStatus(rows.problem.code), { message: rows.problem.message });
	return {
		queue: params.queue,
		rows: rows.value,
		now: at,
		since,
		viewer: { id: user.id, role: user.role, onDuty: user.staff?.onDuty ?? false },
		queues: { clinician: canSeeQueue(user, 'clinician'), support: canSeeQueue(user, 'support') }
	};
};

export const actions: Actions = {
	claim: async ({ request }) => {
		const user = requireRole('clinician', 'support');
		const reportId = (await request.formData()).get('reportId');
		if (typeof reportId !== 'string' || reportId === '')
			return fail(400, { errors: { _: 'Choose a report to claim.' }, values: {} });
		const result = claim(ctx(), user, reportId);
		if (!result.ok) return failWith(result.problem, { reportId });
		redirect(303, `/queue/reports/${reportId}`);
	},

	duty: async ({ request, url }) => {
		const user = requireRole('clinician', 'support', 'admin');
		const onDuty = (await request.formData()).get('onDuty') === 'true';
		const result = setOnDuty(db(), user.id, onDuty);
		if (!result.ok) return failWith(result.problem, {});
		redirect(303, url.pathname);
	}
};
