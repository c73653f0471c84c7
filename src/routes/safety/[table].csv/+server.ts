import { requireRole } from '$lib/server/auth/guard';
import { TABLES, isTableName, toCsv } from '$lib/server/safety/csv';
import { safetyDashboard } from '$lib/server/safety/dashboard';
import { db, now } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Each dashboard table as CSV, for the same period and clinic as the page. */
export const GET: RequestHandler = ({ params, url }) => {
	requireRole('admin', 'clinician');
	const text = (status: number, message: string) =>
		new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	if (!isTableName(params.table)) return text(404, `There is no table called ${params.table.slice(0, 40)}.`);
	const result = safetyDashboard(db(), url.searchParams, now());
	if (!result.ok) return text(400, result.problem.message);
	const { period } = result.value;
	return new Response(toCsv(TABLES[params.table](result.value.figures)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="clearline-${params.table}-${period.fromDay}-to-${period.toDay}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
