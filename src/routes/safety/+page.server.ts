import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { TABLES, type TableName } from '$lib/server/safety/csv';
import { safetyDashboard } from '$lib/server/safety/dashboard';
import { FAILURE_LABELS } from '$lib/server/safety/figures';
import { db, now } from '$lib/server/runtime';
import { routeFor, type Deadline } from '$lib/server/queues/routing';

const minutesOf = (d: Deadline) => ('minutes' in d ? d.minutes : d.businessDays * 24 * 60);
import type { PageServerLoad } from './$types';

/** Admins and clinicians (read-only): the failures of a period are for the people responsible for safety. */
export const load: PageServerLoad = ({ url }) => {
	requireRole('admin', 'clinician');
	const result = safetyDashboard(db(), url.searchParams, now());
	if (!result.ok) error(400, { message: result.problem.message });
	const { period, clinics, figures } = result.value;
	const tables = Object.fromEntries(
		(Object.keys(TABLES) as TableName[]).map((name) => [name, TABLES[name](figures)])
	) as Record<TableName, ReturnType<(typeof TABLES)[TableName]>>;
	return {
		period: { from: period.fromDay, to: period.toDay, clinic: period.clinicId ?? '' },
		query: url.searchParams.toString(),
		clinics,
		total: figures.total,
		failures: figures.failures.map((f) => ({ ...f, label: FAILURE_LABELS[f.kind] })),
		breaches: figures.breaches,
		// The chart's deadline line: the same acknowledgement deadlines the ladder runs on.
		response: figures.response.map((r) => ({ ...r, deadlineMinutes: minutesOf(routeFor(r.level).acknowledgeWithin) })),
		tables,
		demo: config.seedDemo
	};
};
