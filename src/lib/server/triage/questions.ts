/**
 * The question step for a signed-in patient: the engine's questions for their
 * description, with their age and sex from the profile (the report is then
 * decided again, from scratch, when it is sent).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { patientProfiles } from '../db/schema';
import { ageInYears } from '../reports/submit';
import { defaultRuleSet, questionsFor } from '../../triage';
import type { EmergencyScreenId, Lang, QuestionStep } from '../../triage/types';
import type { ToldInput } from '../../schemas';
import { toldOf } from './told';

/** The description and what the patient told so far (the API's request, or the form's step 2). */
export type StepRequest = {
	description: string;
	emergencyScreen: readonly EmergencyScreenId[];
	lang: Lang;
	pregnant?: boolean | null;
} & Partial<ToldInput>;

export function questionStepFor(db: Db, patientId: string, req: StepRequest, now: number): QuestionStep {
	const profile = db
		.select({ dateOfBirth: patientProfiles.dateOfBirth, sex: patientProfiles.sex })
		.from(patientProfiles)
		.where(eq(patientProfiles.userId, patientId))
		.get();
	return questionsFor({
		text: req.description,
		emergencyScreen: req.emergencyScreen,
		ageYears: profile ? ageInYears(profile.dateOfBirth, now) : null,
		sex: profile?.sex ?? null,
		pregnant: req.pregnant ?? null,
		severity: null,
		durationHours: null,
		lang: req.lang,
		...toldOf(req)
	});
}

/** The risk-factor taps, in the patient's language. */
export function riskFactorChoices(lang: Lang): { id: string; label: string }[] {
	return [...defaultRuleSet().questions.riskFactors.values()].map((r) => ({ id: r.id, label: r.label[lang] }));
}
