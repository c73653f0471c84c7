import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { searchReports } from '$lib/server/reports/search';
import { db, now } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireRole('clinician', 'support', 'admin');
	return {};
};

/** A POST, so a patient's name, date of birth or phone never sits in a URL, the history or a log. */
export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('clinician', 'support', 'admin');
		const q = String((await request.formData()).get('q') ?? '');
		const result = searchReports(db(), user, q, now());
		if (!result.ok) return fail(422, { q, error: result.problem.message, results: null });
		return { q, error: null, results: result.value };
	}
};
