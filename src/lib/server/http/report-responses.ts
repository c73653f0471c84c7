import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';
import type { Result } from '../problem';
import type { Retriaged } from '../reports/actions';
import { patientReport, staffReport } from '../reports/views';
import { db, now } from '../runtime';
import { apiResult } from './api';

/** The report as this user may see it after a command. */
export function viewFor(user: SessionUser, reportId: string) {
	return user.role === 'patient'
		? patientReport(db(), user.id, reportId, now())
		: staffReport(db(), user, reportId, now());
}

export function reportResponse(event: RequestEvent, user: SessionUser, result: Result<unknown>): Response {
	return apiResult(result, () => viewFor(user, event.params.id!));
}

/** After new text: the report, and (when it rose) why, so the author sees what their words changed. */
export function retriagedResponse(event: RequestEvent, user: SessionUser, result: Result<Retriaged>): Response {
	return apiResult(result, ({ raised }) => ({
		report: viewFor(user, event.params.id!),
		raised: raised && {
			from: raised.from,
			to: raised.to,
			reasons: raised.reasons.map((r) => ({
				id: r.id,
				text: user.role === 'patient' ? r.patientText : r.clinicianText,
				evidence: r.evidence
			}))
		}
	}));
}
