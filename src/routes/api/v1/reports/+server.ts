import { json } from '@sveltejs/kit';
import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { submitReport } from '$lib/server/reports/submit';
import { patientReports, summaryOf } from '$lib/server/reports/views';
import { routeFor } from '$lib/server/queues/routing';
import { db, now, submit } from '$lib/server/runtime';
import { reportSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, reportSchema);
	if (!input.ok) return apiProblem(input.problem);
	const result = await submit((context) => submitReport(context, user.value.id, input.value));
	if (!result.ok) return apiProblem(result.problem);
	const { report, created } = result.value;
	return json(
		{
			...summaryOf(report, now()),
			reasons: report.reasons.map((r) => r.id),
			explanation: [...new Set(report.reasons.map((r) => r.patientText))],
			advice: routeFor(report.level).patientAdvice(),
			crisisLine: report.crisisLine
		},
		{ status: created ? 201 : 200, headers: { location: `/api/v1/reports/${report.id}` } }
	);
};

export const GET: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	return json({ reports: patientReports(db(), user.value.id, now()) });
};
