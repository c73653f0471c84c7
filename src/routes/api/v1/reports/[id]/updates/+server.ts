import { json } from '@sveltejs/kit';
import { routeFor } from '$lib/server/queues/routing';
import { summaryOf } from '$lib/server/reports/views';
import { ctx, now } from '$lib/server/runtime';
import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import { retriagedResponse } from '$lib/server/http/report-responses';
import { addPatientUpdate } from '$lib/server/reports/actions';
import { patientUpdateSchema } from '$lib/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'patient');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, patientUpdateSchema);
	if (!input.ok) return apiProblem(input.problem);
	const result = addPatientUpdate(ctx(), user.value, event.params.id, input.value.text);
	if (result.ok && result.value.followUp) {
		// The report was closed: the words opened a new, linked report with its own triage and advice.
		const report = result.value.followUp;
		return json(
			{
				followUp: {
					...summaryOf(report, now()),
					reasons: report.reasons.map((r) => r.id),
					explanation: [...new Set(report.reasons.map((r) => r.patientText))],
					advice: routeFor(report.level).patientAdvice(),
					crisisLine: report.crisisLine,
					follows: event.params.id
				}
			},
			{ status: 201, headers: { location: `/api/v1/reports/${report.id}` } }
		);
	}
	return retriagedResponse(event, user.value, result);
};
