/** Reading a report's state as `decide` needs it (the one loader for commands and the staff page's dry run). */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { patientProfiles, reports, users } from '../db/schema';
import type { ReportState } from './decide';
import { ageInYears } from './submit';

/** A report's state as `decide` reads it: the row, the patient's facts, and the role of whoever holds it. */
export function loadState(tx: Db | Tx, reportId: string, now: number): ReportState | null {
	const report = tx.select().from(reports).where(eq(reports.id, reportId)).get();
	if (!report) return null;
	const profile = tx
		.select({ dateOfBirth: patientProfiles.dateOfBirth, sex: patientProfiles.sex })
		.from(patientProfiles)
		.where(eq(patientProfiles.userId, report.patientId))
		.get();
	const handler = report.handlerId
		? tx
				.select({ role: users.role, disabledAt: users.disabledAt })
				.from(users)
				.where(eq(users.id, report.handlerId))
				.get()
		: undefined;
	return {
		report,
		patient: { ageYears: profile ? ageInYears(profile.dateOfBirth, now) : null, sex: profile?.sex ?? null },
		handlerRole: handler?.role ?? null,
		handlerDisabled: handler !== undefined && handler.disabledAt !== null
	};
}
