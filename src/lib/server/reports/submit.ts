import { eq } from 'drizzle-orm';
import { patientProfiles, reports, users, type ReportRow } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import { respondByFor, routeFor } from '../queues/routing';
import { triage } from '../../triage';
import type { ReportInput } from '../../schemas';
import { transact, type Ctx } from './context';
import { TRIAGE_SYSTEM_ACTOR } from './events';
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
export function submitReport(ctx: Ctx, patientId: string, input: ReportInput): Result<Submitted> {
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
	const id = input.id ?? crypto.randomUUID();
	const respondBy = respondByFor(decision.level, now);

	return transact(ctx, (tx, record): Result<Submitted> => {
		if (input.id) {
			const existing = tx.select().from(reports).where(eq(reports.id, input.id)).get();
			if (existing) {
				return existing.patientId === patientId
					? ok({ report: existing, created: false })
					: problem('id_conflict', 'This report id is already in use. Generate a new id.');
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
				callbackPhone: input.callbackPhone ?? patient.phone,
				contactPreference: input.contactPreference,
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
			data: { reference }
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
				rules: decision.reasons.map((r) => r.id)
			}
		});
		return ok({ report, created: true });
	});
}
