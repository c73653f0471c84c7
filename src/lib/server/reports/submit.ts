import { eq } from 'drizzle-orm';
import { patientProfiles, reports, users, type ReportRow } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import { respondByFor, routeFor } from '../queues/routing';
import { triage } from '../../triage';
import type { ReportInput } from '../../schemas';
import { transact, type Ctx } from './context';
import { TRIAGE_SYSTEM_ACTOR, type NewEvent } from './events';
import { newReference } from './reference';

export function ageInYears(dateOfBirth: string, at: number): number {
	const dob = Date.parse(`${dateOfBirth}T00:00:00Z`);
	return Math.max(0, (at - dob) / (365.25 * 24 * 60 * 60 * 1000));
}

export interface Submitted {
	report: ReportRow;
	/** False when the same client id was submitted before: the original report is returned. */
	created: boolean;
}

/**
 * Records a patient's report and its triage decision in one transaction: the
 * report exists with a reference and a deadline, or nothing was written.
 */
/** The patient's words and answers, as stored and as compared when the same id comes again. */
function contentOf(input: ReportInput, defaultPhone: string) {
	return {
		description: input.description,
		emergencyScreen: [...input.emergencyScreen].sort(),
		severity: input.severity ?? null,
		durationHours: input.durationHours ?? null,
		pregnant: input.pregnant ?? null,
		callbackPhone: input.callbackPhone ?? defaultPhone,
		contactPreference: input.contactPreference
	};
}

/** The same id again is the same report only if every word and answer is the same. */
function sameContent(report: ReportRow, content: ReturnType<typeof contentOf>): boolean {
	const stored: ReturnType<typeof contentOf> = {
		description: report.description,
		emergencyScreen: [...report.emergencyScreen].sort(),
		severity: report.severity,
		durationHours: report.durationHours,
		pregnant: report.pregnant,
		callbackPhone: report.callbackPhone,
		contactPreference: report.contactPreference
	};
	// Both built in the one field order of contentOf's type, so their JSON compares them.
	return JSON.stringify(stored) === JSON.stringify(content);
}

export interface SubmitOptions {
	/** The closed report this one continues (new clinical text sent on it). */
	followsReportId?: string;
	/** More events to record in the same transaction, once the report exists (e.g. on the report it follows). */
	alsoRecord?: (record: (event: NewEvent) => void, report: ReportRow) => void;
}

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

	const decision = triage({
		text: input.description,
		emergencyScreen: input.emergencyScreen,
		ageYears: ageInYears(patient.dateOfBirth, now),
		sex: patient.sex,
		pregnant: input.pregnant ?? null,
		severity: input.severity ?? null,
		durationHours: input.durationHours ?? null
	});
	const route = routeFor(decision.level);
	// A client id is a UUID in any case: "ABC…" and "abc…" are one report.
	const id = (input.id ?? crypto.randomUUID()).toLowerCase();
	const content = contentOf(input, patient.phone);
	const respondBy = respondByFor(decision.level, now);

	return transact(ctx, (tx, record): Result<Submitted> => {
		if (input.id) {
			const existing = tx.select().from(reports).where(eq(reports.id, id)).get();
			if (existing) {
				if (existing.patientId !== patientId)
					return problem('id_conflict', 'This report id is already in use. Generate a new id.');
				// A retry of the same report is the same report; different words under its id are never dropped silently.
				return sameContent(existing, content)
					? ok({ report: existing, created: false })
					: problem(
							'id_conflict',
							`A different report was already sent with this id (${existing.reference}). Nothing was lost: send the new text as an update to that report, or as a new report.`
						);
			}
		}
		let reference = newReference();
		while (tx.select({ id: reports.id }).from(reports).where(eq(reports.reference, reference)).get()) {
			reference = newReference();
		}
		const report = tx
			.insert(reports)
			.values({
				id,
				reference,
				patientId,
				clinicId: patient.clinicId,
				status: 'open',
				level: decision.level,
				autoLevel: decision.level,
				queue: route.queue,
				reasons: decision.reasons,
				ruleSetVersion: decision.ruleSetVersion,
				crisisLine: decision.crisisLine,
				emergencyScreen: input.emergencyScreen,
				description: input.description,
				triageText: input.description,
				severity: input.severity ?? null,
				durationHours: input.durationHours ?? null,
				pregnant: input.pregnant ?? null,
				callbackPhone: content.callbackPhone,
				contactPreference: input.contactPreference,
				followsReportId: options.followsReportId ?? null,
				createdAt: now,
				updatedAt: now,
				respondBy,
				nextEscalationAt: respondBy
			})
			.returning()
			.get();
		record({
			reportId: id,
			type: 'submitted',
			at: now,
			actor: { id: patientId, role: 'patient', name: patient.name, channel: null, credential: null, team: null },
			// Every word and answer the patient gave: the record, not a pointer to it.
			data: { reference, ...content, followsReportId: options.followsReportId ?? null }
		});
		record({
			reportId: id,
			type: 'triaged',
			at: now,
			actor: TRIAGE_SYSTEM_ACTOR,
			data: {
				level: decision.level,
				autoLevel: decision.level,
				queue: route.queue,
				ruleSetVersion: decision.ruleSetVersion,
				rules: decision.reasons.map((r) => r.id),
				reasons: decision.reasons,
				crisisLine: decision.crisisLine
			}
		});
		options.alsoRecord?.(record, report);
		return ok({ report, created: true });
	});
}
