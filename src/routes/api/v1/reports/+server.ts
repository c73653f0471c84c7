import { json } from '@sveltejs/kit';
import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { submitReport } from '$lib/server/reports/submit';
import { patientReports, reportView } from '$lib/server/reports/views';
import { routeFor } from '$lib/server/queues/routing';
import { db, now } from '$lib/server/runtime';
import { reportSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, reportSchema);
	if (!input.ok) return apiProblem(input.problem);
	const result = submitReport(db(), user.value.id, input.value, now());
	if (!result.ok) return apiProblem(result.problem);
	const { report, created } = result.value;
	const view = reportView(report, []);
	return json(
		{
			id: view.id,
			reference: view.reference,
			level: view.level,
			reasons: view.reasons,
			explanation: view.explanation,
			queue: view.queue,
			advice: routeFor(report.level).patientAdvice,
			crisisLine: view.crisisLine,
			respondBy: view.respondBy
		},
		{ status: created ? 201 : 200, headers: { location: `/api/v1/reports/${view.id}` } }
	);
};

export const GET: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	return json({ reports: patientReports(db(), user.value.id) });
};
