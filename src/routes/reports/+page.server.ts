import { requireRole } from '$lib/server/auth/guard';
import { patientReports } from '$lib/server/reports/views';
import { db, now } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const user = requireRole('patient');
	return { reports: patientReports(db(), user.id, now()) };
};
