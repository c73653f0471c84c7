import { and, eq } from 'drizzle-orm';
import { patientProfiles, reportEvents, reports, users, type ReportRow } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import type { ReportInput } from '../../schemas';
import { transact, type Ctx } from './context';
import type { Tx } from '../db';
import { decideSubmission, type SubmissionContent } from './decide';
import { parseEvent } from './event-types';
import type { NewEvent } from './events';
import { newReference } from './reference';
import { toldOf } from '../triage/told';

export function ageInYears(dateOfBirth: string, at: number): number {
	const dob = Date.parse(`${dateOfBirth}T00:00:00Z`);
	return Math.max(0, (at - dob) / (365.25 * 24 * 60 * 60 * 1000));
}

export interface Submitted {
	report: ReportRow;
	/** False when the same client id was submitted before: the original report is returned. */
	created: boolean;
}

export interface SubmitOptions {
	/** The closed report this one continues (new clinical text sent on it). */
	followsReportId?: string;
	/** More to record in the same transaction, once the report exists (e.g. on the report it follows). */
	alsoRecord?: (tx: Tx, record: (event: NewEvent) => void, report: ReportRow) => void;
}

/**
 * Records a patient's report and its triage decision in one transaction: the
 * report exists with a reference and a deadline, or nothing was written. The
 * row is what `apply` makes of the two events (see decideSubmission).
 */
export function submitReport(
	ctx: Ctx,
	patientId: string,
	input: ReportInput,
	options: SubmitOptions = {}
): Result<Submitted> {
	const { now } = ctx;
	const patient = ctx.db
		.select({
			name: users.name,
			phone: patientProfiles.phone,
			dateOfBirth: patientProfiles.dateOfBirth,
			sex: patientProfiles.sex,
			clinicId: patientProfiles.clinicId
		})
		.from(users)
		.innerJoin(patientProfiles, eq(patientProfiles.userId, users.id))
		.where(eq(users.id, patientId))
		.get();
	if (!patient) return problem('forbidden', 'Only patients can submit reports.');
	const submitting = {
		id: patientId,
		name: patient.name,
		clinicId: patient.clinicId,
		ageYears: ageInYears(patient.dateOfBirth, now),
		sex: patient.sex
	};
	const id = (input.id ?? crypto.randomUUID()).toLowerCase();
	const content = {
		description: input.description,
		emergencyScreen: input.emergencyScreen,
		severity: input.severity ?? null,
		durationHours: input.durationHours ?? null,
		pregnant: input.pregnant ?? null,
		told: toldOf(input),
		callbackPhone: input.callbackPhone ?? patient.phone,
		contactPreference: input.contactPreference
	};

	return transact(ctx, (tx, record): Result<Submitted> => {
		const existing = input.id ? (tx.select().from(reports).where(eq(reports.id, id)).get() ?? null) : null;
		let reference = existing?.reference ?? newReference();
		while (!existing && tx.select({ id: reports.id }).from(reports).where(eq(reports.reference, reference)).get()) {
			reference = newReference();
		}
		const decision = decideSubmission(
			existing,
			submitting,
			{ id, reference, content, followsReportId: options.followsReportId ?? null },
			now,
			existing ? submittedContent(tx, existing.id) : undefined
		);
		if (!decision.ok) return decision;
		const { report, events } = decision.value;
		if (events.length === 0) return ok({ report, created: false });
		tx.insert(reports).values(report).run();
		for (const event of events) record(event);
		options.alsoRecord?.(tx, record, report);
		return ok({ report, created: true });
	});
}

/** The words and answers a report was submitted with, from its submitted event (undefined for older events). */
function submittedContent(tx: Tx, reportId: string): SubmissionContent | undefined {
	const row = tx
		.select()
		.from(reportEvents)
		.where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.type, 'submitted')))
		.get();
	if (!row) return undefined;
	const e = parseEvent(row);
	if (e.type !== 'submitted') return undefined;
	const d = e.data;
	if (d.description === undefined || d.emergencyScreen === undefined || d.contactPreference === undefined)
		return undefined;
	return {
		description: d.description,
		emergencyScreen: d.emergencyScreen,
		severity: d.severity ?? null,
		durationHours: d.durationHours ?? null,
		pregnant: d.pregnant ?? null,
		told: d.told ?? null,
		callbackPhone: d.callbackPhone ?? '',
		contactPreference: d.contactPreference
	};
}
