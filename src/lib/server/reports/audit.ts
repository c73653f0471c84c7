/**
 * The record proves itself. Three checks, any of which a tamperer with the
 * database file must defeat:
 * - the hash chains: every event's (and every access-log row's) hash covers its
 *   content and the previous hash;
 * - signed checkpoints: the chain head signed with an Ed25519 key kept outside
 *   the database, so rewriting an event and recomputing every later hash, or
 *   deleting the newest events, no longer matches a signature;
 * - the projection: each report's row must equal what its events say (level,
 *   queue, status, handler, and every word and answer the patient gave).
 */
import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	verify,
	type KeyObject
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asc, desc } from 'drizzle-orm';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { StorageRefusedError, schema, type Db } from '../db';
import { accessLog, chainCheckpoints, reportEvents, reports, type ReportRow } from '../db/schema';
import { routeFor } from '../queues/routing';
import type { TriageLevel } from '../../triage/types';
import { verifyAccessChain } from './access';
import { fold, ProjectionError } from './projection';
import { parseEvent, type ReportEvent } from './event-types';
import { verifyEventRows } from './events';

export interface CheckpointKey {
	privateKey: KeyObject;
	publicKey: KeyObject;
	keyId: string;
}

const keyIdOf = (publicKey: KeyObject): string =>
	createHash('sha256')
		.update(publicKey.export({ type: 'spki', format: 'der' }))
		.digest('hex')
		.slice(0, 16);

/** The checkpoint signing key at `file`, made (readable by this user only) the first time. */
export function loadCheckpointKey(file: string): CheckpointKey {
	if (!fs.existsSync(file)) {
		const { privateKey } = generateKeyPairSync('ed25519');
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
	}
	const privateKey = createPrivateKey(fs.readFileSync(file));
	const publicKey = createPublicKey(privateKey);
	return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** What a checkpoint signs: the event head, its time, and the access log's head when there is one. */
const signedText = (seq: number, hash: string, at: number, accessSeq: number | null, accessHash: string | null) =>
	Buffer.from(
		`clearline-checkpoint\n${seq}\n${hash}\n${at}` + (accessSeq === null ? '' : `\naccess\n${accessSeq}\n${accessHash}`)
	);

/** Signs the chain head if events were added since the last checkpoint. Returns the new checkpoint's seq, or null. */
export function writeCheckpoint(db: Db, key: CheckpointKey, now: number): number | null {
	return db.transaction((tx) => {
		const head = tx
			.select({ seq: reportEvents.seq, hash: reportEvents.hash })
			.from(reportEvents)
			.orderBy(desc(reportEvents.seq))
			.limit(1)
			.get();
		const last = tx
			.select({ seq: chainCheckpoints.seq })
			.from(chainCheckpoints)
			.orderBy(desc(chainCheckpoints.seq))
			.limit(1)
			.get();
		// Keyed by the event head: access rows after the newest event are signed with the next event.
		if (!head || (last && last.seq >= head.seq)) return null;
		const access =
			tx
				.select({ seq: accessLog.seq, hash: accessLog.hash })
				.from(accessLog)
				.orderBy(desc(accessLog.seq))
				.limit(1)
				.get() ?? null;
		const accessSeq = access?.seq ?? null;
		const accessHash = access?.hash ?? null;
		const signature = sign(null, signedText(head.seq, head.hash, now, accessSeq, accessHash), key.privateKey).toString(
			'base64'
		);
		tx.insert(chainCheckpoints)
			.values({ seq: head.seq, hash: head.hash, at: now, signature, keyId: key.keyId, accessSeq, accessHash })
			.run();
		return head.seq;
	});
}

/** Signs the chain head now and then every `everyMs` while the process runs. */
export function startCheckpoints(
	db: Db,
	key: CheckpointKey,
	everyMs: number,
	now: () => number,
	onError: (error: unknown) => void
): () => void {
	const tick = () => {
		try {
			writeCheckpoint(db, key, now());
		} catch (error) {
			onError(error);
		}
	};
	tick();
	const timer = setInterval(tick, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}

/**
 * A history written by this version: its submitted event holds the whole report, so folding it
 * with `apply` must give every column of the row. Older histories are checked on what they hold.
 */
function isComplete(history: readonly ReportEvent[]): boolean {
	const first = history[0];
	return first?.type === 'submitted' && first.data.clinicId !== undefined;
}

/** Columns in the order a person reads a report, named as they would say them. */
const COLUMN_NAMES: { [K in keyof ReportRow]: string } = {
	id: 'id',
	reference: 'reference',
	patientId: 'patient',
	clinicId: 'clinic',
	status: 'status',
	level: 'level',
	queue: 'queue',
	handlerId: 'handler',
	description: 'description',
	emergencyScreen: 'emergency checklist',
	severity: 'severity',
	durationHours: 'duration',
	pregnant: 'pregnant',
	told: 'question-step answers',
	contactPreference: 'contact preference',
	callbackPhone: 'callback phone',
	callbackWindow: 'callback window',
	callbackCancelled: 'callback cancelled',
	autoLevel: 'automated level',
	reasons: 'triage reasons',
	ruleSetVersion: 'rule-set version',
	crisisLine: 'crisis line',
	triageText: 'triaged text',
	contactReached: 'contact reached',
	failedAttempts: 'failed attempts',
	emergencyAdviceLeft: 'emergency advice left',
	loweredOver: 'lowered over',
	followsReportId: 'follow-up link',
	createdAt: 'created',
	updatedAt: 'updated',
	respondBy: 'deadline',
	acknowledgedAt: 'acknowledged',
	escalationStep: 'escalation step',
	nextEscalationAt: 'next escalation',
	resolvedAt: 'closed'
};

/** Every column where the row differs from the fold of its events. */
export function columnsDiffering(row: ReportRow, folded: ReportRow | null): string[] {
	if (!folded) return ['history (no events)'];
	const out: string[] = [];
	for (const key of Object.keys(COLUMN_NAMES) as (keyof ReportRow)[]) {
		if (JSON.stringify(row[key]) !== JSON.stringify(folded[key])) out.push(COLUMN_NAMES[key]);
	}
	return out;
}

/** What a report's row must say, according to its events alone (for histories older than `isComplete`). */
export interface Projected {
	reference: string | null;
	level: TriageLevel | null;
	status: ReportRow['status'];
	handlerId: string | null;
	/** The patient's words and answers, when the submitted event carries them (events from before it did do not). */
	content: Pick<
		ReportRow,
		'description' | 'emergencyScreen' | 'severity' | 'durationHours' | 'pregnant' | 'contactPreference'
	> | null;
	callbackPhone: string | null;
}

/** Folds one report's events (in order) into what its row must hold. */
export function foldEvents(events: readonly ReportEvent[]): Projected {
	const p: Projected = {
		reference: null,
		level: null,
		status: 'open',
		handlerId: null,
		content: null,
		callbackPhone: null
	};
	for (const e of events) {
		switch (e.type) {
			case 'submitted': {
				const d = e.data;
				p.reference = d.reference;
				if (d.description !== undefined && d.emergencyScreen !== undefined && d.contactPreference !== undefined) {
					p.content = {
						description: d.description,
						emergencyScreen: d.emergencyScreen,
						severity: d.severity ?? null,
						durationHours: d.durationHours ?? null,
						pregnant: d.pregnant ?? null,
						contactPreference: d.contactPreference
					};
					p.callbackPhone = d.callbackPhone ?? null;
				}
				break;
			}
			case 'triaged':
				p.level = e.data.level;
				break;
			case 'level_changed':
			case 'escalated':
			case 'clinician_requested':
				p.level = e.data.to;
				break;
			case 'claimed':
				p.status = 'claimed';
				p.handlerId = e.actorId;
				break;
			case 'released':
				p.status = 'open';
				p.handlerId = null;
				break;
			case 'resolved':
				p.status = 'resolved';
				break;
			case 'callback_changed':
				p.callbackPhone = e.data.callbackPhone;
				break;
			case 'note_added':
			case 'patient_update':
			case 'contact_attempted':
			case 'deadline_missed':
				break;
		}
	}
	return p;
}

/** Fields where the row differs from its events. */
export function driftOf(row: ReportRow, p: Projected): string[] {
	const out: string[] = [];
	if (p.reference !== row.reference) out.push('reference');
	if (p.level !== row.level) out.push('level');
	if (p.level && routeFor(p.level).queue !== row.queue) out.push('queue');
	if (p.status !== row.status) out.push('status');
	if (p.handlerId !== row.handlerId) out.push('handler');
	if (p.content) {
		const c = p.content;
		if (c.description !== row.description) out.push('description');
		if (JSON.stringify([...c.emergencyScreen].sort()) !== JSON.stringify([...row.emergencyScreen].sort()))
			out.push('emergency checklist');
		if (c.severity !== row.severity) out.push('severity');
		if (c.durationHours !== row.durationHours) out.push('duration');
		if (c.pregnant !== row.pregnant) out.push('pregnant');
		if (c.contactPreference !== row.contactPreference) out.push('contact preference');
	}
	if (p.callbackPhone !== null && p.callbackPhone !== row.callbackPhone) out.push('callback phone');
	return out;
}

export interface AuditSummary {
	reports: number;
	events: number;
	/** Rows of the access log (staff opening reports). */
	views: number;
	checkpoints: number;
	/** Reports whose submitted event predates full content (their words are not compared). */
	legacyReports: number;
	/** Every problem found, first the chain's; empty when the record is intact. */
	problems: string[];
}

/**
 * Audits the database file at `file` opened read-only (a live server keeps writing), with the
 * public half of the checkpoint key at `keyPath`. Refuses a missing file or key: a new key
 * would make every signature fail, a new file would verify an empty record.
 */
export function auditFile(file: string, keyPath: string): AuditSummary {
	if (!fs.existsSync(file))
		throw new StorageRefusedError(`No database at ${file}: set DATABASE_PATH to the file to check.`);
	if (!fs.existsSync(keyPath))
		throw new StorageRefusedError(`No checkpoint key at ${keyPath}: set CHECKPOINT_KEY_PATH to the server's key.`);
	const sqlite = new Database(file, { readonly: true, fileMustExist: true });
	try {
		sqlite.pragma('busy_timeout = 5000');
		return verifyAudit(drizzle(sqlite, { schema }), loadCheckpointKey(keyPath).publicKey);
	} catch (error) {
		// Read-only, the audit does not migrate: an older file lacks this version's columns.
		if (error instanceof Error && /no such (column|table)/.test(error.message))
			throw new StorageRefusedError(
				`${file} was written by an older Clearline: start the server on it once to bring it up to date, then audit it.`
			);
		throw error;
	} finally {
		sqlite.close();
	}
}

/** Walks every chain, checks every checkpoint against `publicKey`, and folds every report. */
export function verifyAudit(db: Db, publicKey: KeyObject): AuditSummary {
	const problems: string[] = [];
	const events = db.select().from(reportEvents).orderBy(asc(reportEvents.seq)).all();
	const rows = db.select().from(reports).all();
	const referenceOf = new Map(rows.map((r) => [r.id, r.reference]));

	const chain = verifyEventRows(events);
	if (!chain.ok) {
		const broken = events.find((e) => e.seq === chain.brokenAt);
		problems.push(
			`chain broken at event #${chain.brokenAt} (report ${referenceOf.get(broken?.reportId ?? '') ?? 'unknown'}): it, or an event before it, was changed or removed`
		);
	}

	const hashAt = new Map(events.map((e) => [e.seq, e.hash]));
	const head = events[events.length - 1];
	const checkpoints = db.select().from(chainCheckpoints).orderBy(asc(chainCheckpoints.seq)).all();
	const keyId = keyIdOf(publicKey);
	const access = db.select().from(accessLog).orderBy(asc(accessLog.seq)).all();
	const accessChain = verifyAccessChain(access);
	if (!accessChain.ok) {
		const broken = access.find((a) => a.seq === accessChain.brokenAt);
		problems.push(
			`access log broken at row #${accessChain.brokenAt} (report ${referenceOf.get(broken?.reportId ?? '') ?? 'unknown'}): a view was changed or removed`
		);
	}
	const accessHashAt = new Map(access.map((a) => [a.seq, a.hash]));
	for (const c of checkpoints) {
		if (c.accessSeq === null) continue;
		if (!accessHashAt.has(c.accessSeq))
			problems.push(`checkpoint at event #${c.seq}: access log row #${c.accessSeq} is missing (newest views deleted)`);
		else if (accessHashAt.get(c.accessSeq) !== c.accessHash)
			problems.push(`checkpoint at event #${c.seq}: the access log no longer has the signed hash (views rewritten)`);
	}
	for (const c of checkpoints) {
		const signed = verify(
			null,
			signedText(c.seq, c.hash, c.at, c.accessSeq, c.accessHash),
			publicKey,
			Buffer.from(c.signature, 'base64')
		);
		if (c.keyId !== keyId || !signed) problems.push(`checkpoint at event #${c.seq}: signature does not verify`);
		else if (!hashAt.has(c.seq))
			problems.push(
				`checkpoint at event #${c.seq}: that event is missing (the log ends at #${head?.seq ?? 0}: newest events deleted)`
			);
		else if (hashAt.get(c.seq) !== c.hash)
			problems.push(`checkpoint at event #${c.seq}: the chain no longer has the signed hash (history rewritten)`);
	}

	// Every payload must fit its type: one that does not is tampering, or a bug, and is reported.
	const byReport = new Map<string, ReportEvent[]>();
	for (const row of events) {
		let e: ReportEvent;
		try {
			e = parseEvent(row);
		} catch (error) {
			problems.push(
				`${error instanceof Error ? error.message : String(error)} (report ${referenceOf.get(row.reportId) ?? 'unknown'})`
			);
			continue;
		}
		const list = byReport.get(e.reportId);
		if (list) list.push(e);
		else byReport.set(e.reportId, [e]);
	}
	let legacyReports = 0;
	for (const row of rows) {
		const history = byReport.get(row.id) ?? [];
		const complete = isComplete(history);
		if (!complete && !foldEvents(history).content) legacyReports++;
		let drift: string[];
		try {
			drift = complete ? columnsDiffering(row, fold(history)) : driftOf(row, foldEvents(history));
		} catch (error) {
			if (!(error instanceof ProjectionError)) throw error;
			drift = [`history (${error.message})`];
		}
		if (drift.length > 0)
			problems.push(`report ${row.reference}: the row's ${drift.join(', ')} differ from its events`);
	}
	return {
		reports: rows.length,
		events: events.length,
		views: access.length,
		checkpoints: checkpoints.length,
		legacyReports,
		problems
	};
}
