import { patientReports } from '$lib/server/reports/views';
import { db, now } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** A patient's open reports on the home page: what they are waiting for comes first. */
export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user;
	if (user?.role !== 'patient') return { openReports: [] };
	return { openReports: patientReports(db(), user.id, now()).filter((r) => r.status !== 'resolved') };
};
