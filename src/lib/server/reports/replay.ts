/**
 * The review a clinical lead does before a rule change goes live: every stored
 * report through the current and a candidate rule set, listing each report
 * whose level would change. Reads only; writes nothing.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { patientProfiles, reports } from '../db/schema';
import { defaultRuleSet, triage } from '../../triage';
import { levelRank, type RuleSet, type TriageLevel } from '../../triage/types';
import { ageInYears } from './submit';

export interface ReplayChange {
	reference: string;
	createdAt: string;
	storedLevel: TriageLevel;
	currentLevel: TriageLevel;
	candidateLevel: TriageLevel;
	direction: 'up' | 'down';
	candidateRules: string[];
}

export interface ReplaySummary {
	reports: number;
	changes: ReplayChange[];
	up: number;
	down: number;
}

export function replayReports(db: Db, candidate: RuleSet, current: RuleSet = defaultRuleSet()): ReplaySummary {
	const rows = db
		.select({ report: reports, dateOfBirth: patientProfiles.dateOfBirth, sex: patientProfiles.sex })
		.from(reports)
		.innerJoin(patientProfiles, eq(patientProfiles.userId, reports.patientId))
		.orderBy(asc(reports.createdAt))
		.all();
	const changes: ReplayChange[] = [];
	for (const { report: r, dateOfBirth, sex } of rows) {
		const input = {
			text: r.triageText,
			emergencyScreen: r.emergencyScreen,
			ageYears: ageInYears(dateOfBirth, r.createdAt),
			sex,
			pregnant: r.pregnant,
			severity: r.severity,
			durationHours: r.durationHours,
			...r.told
		};
		const now = triage(input, current);
		const next = triage(input, candidate);
		if (now.level === next.level) continue;
		changes.push({
			reference: r.reference,
			createdAt: new Date(r.createdAt).toISOString(),
			storedLevel: r.level,
			currentLevel: now.level,
			candidateLevel: next.level,
			direction: levelRank(next.level) > levelRank(now.level) ? 'up' : 'down',
			candidateRules: next.reasons.map((x) => x.id)
		});
	}
	return {
		reports: rows.length,
		changes,
		up: changes.filter((c) => c.direction === 'up').length,
		down: changes.filter((c) => c.direction === 'down').length
	};
}
