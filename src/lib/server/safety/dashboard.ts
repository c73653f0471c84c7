/** What the safety dashboard and its CSV downloads read: the period in the URL, its figures, the clinics. */
import { asc } from 'drizzle-orm';
import type { Db } from '../db';
import { clinics } from '../db/schema';
import { problem, ok, type Result } from '../problem';
import type { SafetyFigures } from './figures';
import { loadSafetyFigures } from './load';
import { periodFrom, type ChosenPeriod } from './period';

export interface SafetyDashboard {
	period: ChosenPeriod;
	clinics: { id: string; name: string }[];
	figures: SafetyFigures;
}

export function safetyDashboard(db: Db, params: URLSearchParams, now: number): Result<SafetyDashboard> {
	const period = periodFrom(params, now);
	if (!period.ok) return problem('validation_failed', period.message);
	const all = db.select({ id: clinics.id, name: clinics.name }).from(clinics).orderBy(asc(clinics.name)).all();
	if (period.value.clinicId && !all.some((c) => c.id === period.value.clinicId))
		return problem('validation_failed', 'There is no such clinic.');
	return ok({ period: period.value, clinics: all, figures: loadSafetyFigures(db, period.value, now) });
}
