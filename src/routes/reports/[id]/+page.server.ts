import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { patientReport } from '$lib/server/reports/views';
import { db, now } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const user = requireRole('patient');
	const report = patientReport(db(), user.id, params.id, now());
	// Someone else's report looks exactly like a missing one.
	if (!report) error(404, { message: 'We could not find that report.' });
	return { report, justSubmitted: url.searchParams.has('submitted') };
};
