/**
 * Receipts: what a patient can keep (and show anyone) to prove what they told
 * Clearline and what was done. A receipt names the report, what the patient
 * reported, its level and status, who handled it, the hash of the report's
 * newest event and the chain head at that moment, and its own hash over all of
 * it. `/verify` checks a receipt against the stored record and answers only
 * "matches" or "does not match": it reveals nothing a receipt does not already hold.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { reportEvents, reports, type ReportRow } from '../db/schema';
import { EMERGENCY_SCREEN_IDS, TRIAGE_LEVELS } from '../../triage/types';
import { REPORT_STATUSES } from '../../vocabulary';
import { foldEvents } from './audit';
import { eventsOf, verifyReportHistory } from './events';
import { patientReport } from './views';

const RECEIPT_KIND = 'clearline-receipt';

const receiptBody = z.strictObject({
	kind: z.literal(RECEIPT_KIND),
	version: z.literal(1),
	reference: z.string().max(40),
	reportId: z.uuid(),
	createdAt: z.iso.datetime(),
	issuedAt: z.iso.datetime(),
	reported: z.strictObject({
		description: z.string().max(10_000),
		emergencyScreen: z.array(z.enum(EMERGENCY_SCREEN_IDS)).max(EMERGENCY_SCREEN_IDS.length),
		severity: z.number().nullable(),
		durationHours: z.number().nullable(),
		pregnant: z.boolean().nullable()
	}),
	level: z.enum(TRIAGE_LEVELS),
	status: z.enum(REPORT_STATUSES),
	handledBy: z
		.strictObject({
			name: z.string().max(200),
			role: z.string().max(40),
			credential: z.string().max(200).nullable(),
			channel: z.string().max(40).nullable()
		})
		.nullable(),
	/** The report's newest event when the receipt was issued. */
	lastEvent: z.strictObject({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
	/** The head of the whole chain at that moment: a later truncation cannot hide it. */
	chainHead: z.strictObject({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
});
export type ReceiptBody = z.infer<typeof receiptBody>;
export type Receipt = ReceiptBody & { receiptHash: string };

/** JSON with keys sorted at every level: one text for one receipt, whoever wrote it. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

const hashOf = (body: ReceiptBody): string => createHash('sha256').update(canonical(body)).digest('hex');

/** The newest event of one report, or of the whole chain. */
function newestEvent(db: Db, reportId?: string): { seq: number; hash: string } | undefined {
	return db
		.select({ seq: reportEvents.seq, hash: reportEvents.hash })
		.from(reportEvents)
		.where(reportId === undefined ? undefined : eq(reportEvents.reportId, reportId))
		.orderBy(desc(reportEvents.seq))
		.limit(1)
		.get();
}

/** The patient's receipt for their report now, or null when it is not theirs. */
export function issueReceipt(db: Db, patientId: string, reportId: string, now: number): Receipt | null {
	const view = patientReport(db, patientId, reportId, now);
	if (!view) return null;
	const last = newestEvent(db, reportId);
	const head = newestEvent(db);
	if (!last || !head) return null;
	const body: ReceiptBody = {
		kind: RECEIPT_KIND,
		version: 1,
		reference: view.reference,
		reportId: view.id,
		createdAt: view.createdAt,
		issuedAt: new Date(now).toISOString(),
		reported: reportedOf(view),
		level: view.level,
		status: view.status,
		handledBy: view.handledBy && {
			name: view.handledBy.name ?? '',
			role: view.handledBy.role,
			credential: view.handledBy.credential,
			channel: view.handledBy.channel
		},
		lastEvent: last,
		chainHead: head
	};
	return { ...body, receiptHash: hashOf(body) };
}

function reportedOf(
	row: Pick<ReportRow, 'description' | 'emergencyScreen' | 'severity' | 'durationHours' | 'pregnant'>
): ReceiptBody['reported'] {
	return {
		description: row.description,
		emergencyScreen: [...row.emergencyScreen],
		severity: row.severity,
		durationHours: row.durationHours,
		pregnant: row.pregnant
	};
}

export type Verdict =
	{ ok: true; reference: string; issuedAt: string } | { ok: false; reason: 'unreadable' | 'altered' | 'no_match' };

/**
 * Checks a receipt (its text) against the record: its own hash, then that the report's history
 * holds its newest event and the chain its head, and that what it says was reported, the level
 * and the status at that event are what the events say.
 */
export function verifyReceipt(db: Db, text: string): Verdict {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'unreadable' };
	}
	const hash =
		parsed && typeof parsed === 'object' && 'receiptHash' in parsed
			? (parsed as { receiptHash: unknown }).receiptHash
			: null;
	const { receiptHash: _ignored, ...rest } = (parsed ?? {}) as Record<string, unknown>;
	const body = receiptBody.safeParse(rest);
	if (!body.success || typeof hash !== 'string') return { ok: false, reason: 'unreadable' };
	if (hashOf(body.data) !== hash) return { ok: false, reason: 'altered' };
	const r = body.data;
	const row = db.select().from(reports).where(eq(reports.id, r.reportId)).get();
	const head = db
		.select({ hash: reportEvents.hash })
		.from(reportEvents)
		.where(eq(reportEvents.seq, r.chainHead.seq))
		.get();
	const last = db
		.select({ hash: reportEvents.hash })
		.from(reportEvents)
		.where(and(eq(reportEvents.seq, r.lastEvent.seq), eq(reportEvents.reportId, r.reportId)))
		.get();
	if (!row || row.reference !== r.reference || head?.hash !== r.chainHead.hash || last?.hash !== r.lastEvent.hash)
		return { ok: false, reason: 'no_match' };
	// The report's own chain must verify up to the receipt's newest event, and give the state it states.
	const upTo = eventsOf(db, row.id).filter((e) => e.seq <= r.lastEvent.seq);
	if (!verifyReportHistory(upTo).ok) return { ok: false, reason: 'no_match' };
	const p = foldEvents(upTo);
	const reported = reportedOf({ ...row, ...(p.content ?? {}) });
	const same = p.level === r.level && p.status === r.status && canonical(reported) === canonical(r.reported);
	return same ? { ok: true, reference: r.reference, issuedAt: r.issuedAt } : { ok: false, reason: 'no_match' };
}
