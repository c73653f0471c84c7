import type { ToldInput } from '../../schemas';
import type { Told } from '../../triage/types';

/** What a request told beside the words, with nothing told as the empty answer (as stored with a report). */
export function toldOf(req: Partial<ToldInput>): Told {
	return {
		answers: req.answers ?? {},
		complaints: req.complaints ?? [],
		subject: req.subject ?? 'self',
		subjectAgeYears: req.subjectAgeYears ?? null,
		riskFactors: req.riskFactors ?? [],
		measurements: req.measurements ?? {}
	};
}
