/**
 * The safety figures of a period, computed from the append-only history alone
 * (issue 12): nobody enters them, so nobody can leave one out. A pure fold over
 * reports and their events, so a fixture with known times gives known figures.
 *
 * "Failures to escalate" are the cases where the first decision was too low or
 * the care did not happen in time, found by these detectors:
 * - a clinician raised the level (the triage was too low);
 * - new text raised it (a patient's update or a staff member's note), or a
 *   person did (a support agent's escalation, the patient asking for a clinician);
 * - a routine or admin report (at the end) whose patient sent one triaged
 *   urgent or emergency within 72 hours;
 * - a clinical report closed without anyone reaching the patient;
 * - an urgent or emergency report first acknowledged after its deadline, or
 *   still unacknowledged past it.
 */
import { levelRank, type TriageLevel } from '../../triage/types';
import type { Channel, LoweringReasonCode, Role } from '../../vocabulary';
import type { ReportRow } from '../db/schema';
import type { ReportEvent } from '../reports/event-types';
import { apply } from '../reports/projection';
import { carriesText, isLowering, riseBy } from '../reports/raises';

const HOUR = 60 * 60 * 1000;
/** How soon an urgent report from the same patient makes an earlier low one suspect. */
export const FOLLOW_UP_WINDOW_MS = 72 * HOUR;

export const FAILURE_KINDS = [
	'clinician_raised',
	'raised_by_text',
	'raised_by_person',
	'urgent_follow_up',
	'closed_without_contact',
	'late_acknowledgement',
	'unacknowledged_overdue'
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const FAILURE_LABELS: Record<FailureKind, string> = {
	clinician_raised: 'Raised by a clinician',
	raised_by_text: 'Raised by new text',
	raised_by_person: 'Raised on request',
	urgent_follow_up: 'Urgent report within 72 h',
	closed_without_contact: 'Closed without contact',
	late_acknowledgement: 'Acknowledged late',
	unacknowledged_overdue: 'Unacknowledged, overdue'
};

/** The reports of the period with their whole history, and the same patients' reports just after it. */
export interface SafetyInput {
	reports: readonly ReportRow[];
	/** Every event of those reports, in sequence order. */
	events: readonly ReportEvent[];
	/**
	 * The same patients' reports up to 72 hours past the period, in time order, each with the level it
	 * was triaged at when sent (for the follow-up detector).
	 */
	laterReports: readonly (Pick<ReportRow, 'id' | 'reference' | 'patientId' | 'createdAt'> & { sentAs: TriageLevel })[];
	now: number;
}

/** Milliseconds; null when there is nothing to measure. */
export interface Spread {
	count: number;
	median: number | null;
	p90: number | null;
	max: number | null;
}

export interface ResponseFigures {
	level: 'emergency' | 'urgent';
	reports: number;
	acknowledgement: Spread;
	firstContact: Spread;
	/** Acknowledged after the deadline, or not at all and past it. */
	late: number;
}

export interface ReportLink {
	reportId: string;
	reference: string;
}

export interface Failure extends ReportLink {
	kind: FailureKind;
	at: number;
	level: TriageLevel;
	detail: string;
}

export interface Breach extends ReportLink {
	at: number;
	level: TriageLevel;
	/** 1 = on-duty clinicians re-alerted, 2 = the clinical lead. */
	step: number;
	alerted: string;
	respondBy: number;
}

export interface Lowering extends ReportLink {
	at: number;
	from: TriageLevel;
	to: TriageLevel;
	reasonCode: LoweringReasonCode | null;
	reason: string;
	by: string;
}

export interface ClosedBy {
	channel: Channel | 'unknown';
	role: Role | 'system';
	count: number;
}

export interface SafetyFigures {
	total: number;
	byLevel: Record<TriageLevel, number>;
	open: number;
	closedBy: ClosedBy[];
	response: ResponseFigures[];
	breaches: Breach[];
	failures: Failure[];
	lowerings: Lowering[];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export function spread(values: readonly number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		count: sorted.length,
		median: percentile(sorted, 0.5),
		p90: percentile(sorted, 0.9),
		max: sorted.at(-1) ?? null
	};
}

const rank = levelRank;
const CLINICAL: ReadonlySet<TriageLevel> = new Set(['routine', 'urgent', 'emergency']);

/**
 * The report's most urgent spell: when it first reached the highest of emergency or urgent it ever
 * held, the acknowledgement deadline it then had, and when it was first acknowledged from then on.
 * Read by folding the history with the domain's own `apply`, so "acknowledged" and "deadline" mean
 * exactly what they mean to the queues and the escalation ladder (a claim, or a call that got through
 * to a number, acknowledges; going back to the queue needs acknowledging again).
 */
export interface UrgentSpell {
	level: 'emergency' | 'urgent';
	since: number;
	respondBy: number;
	acknowledgedAt: number | null;
	firstContactAt: number | null;
}

export function urgentSpell(history: readonly ReportEvent[]): UrgentSpell | null {
	let state: ReportRow | null = null;
	let triaged = false;
	const states: { e: ReportEvent; s: ReportRow }[] = [];
	for (const e of history) {
		state = apply(state, e);
		// Until its triage is applied a new report is provisionally an emergency: that is not a level it held.
		if (e.type === 'triaged') triaged = true;
		if (triaged) states.push({ e, s: state });
	}
	const peak = states.some(({ s }) => s.level === 'emergency')
		? 'emergency'
		: states.some(({ s }) => s.level === 'urgent')
			? 'urgent'
			: null;
	if (!peak) return null;
	const first = states.findIndex(({ s }) => s.level === peak);
	let start = first;
	const reached = states[first]!.e;
	// Events of one command share its instant: read the report as that command left it (a rise hands a
	// report held by support back to the queue in the same step, and the support claim does not count).
	while (states[start + 1]?.e.at === reached.at) start++;
	const then = states[start]!.s;
	const after = states.slice(start);
	// A clinician who changes the level has looked at the report, claimed or not (the rise itself, too).
	const byClinician = states.slice(first).find(({ e }) => e.type === 'level_changed' && e.actorRole === 'clinician');
	const claimed = after.find(({ s }) => s.acknowledgedAt !== null);
	const acknowledgedAt = Math.min(
		claimed ? Math.max(reached.at, claimed.s.acknowledgedAt!) : Infinity,
		byClinician ? byClinician.e.at : Infinity
	);
	const contact = after.find(({ e }) => e.type === 'contact_attempted');
	return {
		level: peak,
		since: reached.at,
		respondBy: then.respondBy,
		acknowledgedAt: Number.isFinite(acknowledgedAt) ? acknowledgedAt : null,
		firstContactAt: contact ? contact.e.at : null
	};
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		let list = map.get(k);
		if (!list) map.set(k, (list = []));
		list.push(item);
	}
	return map;
}

export function safetyFigures(input: SafetyInput): SafetyFigures {
	const histories = groupBy(input.events, (e) => e.reportId);
	const laterByPatient = groupBy(input.laterReports, (r) => r.patientId);
	const byLevel: Record<TriageLevel, number> = { admin: 0, routine: 0, urgent: 0, emergency: 0 };
	const closedBy = new Map<string, ClosedBy>();
	const timings = {
		emergency: { ack: [] as number[], contact: [] as number[], late: 0, reports: 0 },
		urgent: { ack: [] as number[], contact: [] as number[], late: 0, reports: 0 }
	};
	const breaches: Breach[] = [];
	const failures: Failure[] = [];
	const lowerings: Lowering[] = [];
	let open = 0;

	for (const report of input.reports) {
		const history = histories.get(report.id) ?? [];
		const link = { reportId: report.id, reference: report.reference };
		const fail = (kind: FailureKind, at: number, detail: string) =>
			failures.push({ ...link, kind, at, level: report.level, detail });
		byLevel[report.level]++;

		let reached = false;
		let resolved: ReportEvent | null = null;
		let lastText: ReportEvent | undefined;
		for (const e of history) {
			if (carriesText(e)) lastText = e;
			const rise = riseBy(e, lastText);
			if (rise) {
				const { from, to } = e.data as { from: TriageLevel; to: TriageLevel };
				const kind =
					e.type !== 'level_changed'
						? 'raised_by_person'
						: e.actorRole === 'system'
							? 'raised_by_text'
							: 'clinician_raised';
				fail(kind, e.at, `${from} → ${to}: ${rise}`);
			}
			if (e.type === 'level_changed' && e.actorRole === 'clinician' && isLowering(e))
				lowerings.push({
					...link,
					at: e.at,
					from: e.data.from,
					to: e.data.to,
					reasonCode: e.data.reasonCode ?? null,
					reason: e.data.reason,
					by: [e.actorName, e.actorCredential].filter(Boolean).join(', ') || 'a clinician'
				});
			else if (e.type === 'deadline_missed')
				breaches.push({
					...link,
					at: e.at,
					level: report.level,
					step: e.data.step,
					alerted: e.data.alerted === 'clinical_lead' ? 'Clinical lead alerted' : 'On-duty clinicians re-alerted',
					respondBy: e.data.respondBy
				});
			else if (e.type === 'contact_attempted' && e.data.outcome === 'reached') reached = true;
			else if (e.type === 'resolved') resolved = e;
		}

		if (resolved) {
			const closer = resolved;
			const key = `${closer.actorChannel ?? 'unknown'} ${closer.actorRole}`;
			const row = closedBy.get(key) ?? { channel: closer.actorChannel ?? 'unknown', role: closer.actorRole, count: 0 };
			row.count++;
			closedBy.set(key, row);
			if (CLINICAL.has(report.level) && !reached)
				fail(
					'closed_without_contact',
					closer.at,
					`${report.level} report closed by ${closer.actorRole} staff without reaching the patient`
				);
		} else open++;

		if (report.level === 'routine' || report.level === 'admin') {
			const next = (laterByPatient.get(report.patientId) ?? []).find(
				(r) =>
					r.id !== report.id &&
					r.createdAt > report.createdAt &&
					r.createdAt - report.createdAt <= FOLLOW_UP_WINDOW_MS &&
					rank(r.sentAs) >= rank('urgent')
			);
			if (next) {
				const hours = Math.round((next.createdAt - report.createdAt) / HOUR);
				fail(
					'urgent_follow_up',
					next.createdAt,
					`${report.level}, then ${next.reference} (${next.sentAs}) ${hours} h later`
				);
			}
		}

		const spell = urgentSpell(history);
		if (spell) {
			const t = timings[spell.level];
			t.reports++;
			const { since, respondBy, acknowledgedAt, firstContactAt } = spell;
			if (acknowledgedAt !== null) t.ack.push(acknowledgedAt - since);
			if (firstContactAt !== null) t.contact.push(firstContactAt - since);
			const minutesLate = (at: number) => Math.round((at - respondBy) / 60_000);
			if (acknowledgedAt !== null && acknowledgedAt > respondBy) {
				t.late++;
				fail(
					'late_acknowledgement',
					acknowledgedAt,
					`${spell.level}: acknowledged ${minutesLate(acknowledgedAt)} min after its deadline`
				);
			} else if (acknowledgedAt === null && input.now > respondBy) {
				t.late++;
				fail(
					'unacknowledged_overdue',
					respondBy,
					`${spell.level}: not acknowledged, ${minutesLate(input.now)} min past its deadline`
				);
			}
		}
	}

	const response = (['emergency', 'urgent'] as const).map((level) => ({
		level,
		reports: timings[level].reports,
		acknowledgement: spread(timings[level].ack),
		firstContact: spread(timings[level].contact),
		late: timings[level].late
	}));
	const byTime = <T extends { at: number }>(list: T[]) => list.sort((a, b) => a.at - b.at);
	return {
		total: input.reports.length,
		byLevel,
		open,
		closedBy: [...closedBy.values()].sort((a, b) => b.count - a.count),
		response,
		breaches: byTime(breaches),
		failures: byTime(failures),
		lowerings: byTime(lowerings)
	};
}
