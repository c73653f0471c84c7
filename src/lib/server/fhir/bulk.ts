/**
 * `npm run fhir:export -- DIR`: the whole record as FHIR Bulk Data does it, one NDJSON file per
 * resource type and a manifest naming them. The export is an access of every report it contains,
 * recorded in the access log by the export's own system account.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { recordAccesses, type AccessViewer } from '../reports/access';
import { loadAccesses, loadPatients, loadRecords, loadStaff } from './load';
import {
	auditEventResource,
	communicationResources,
	patientResource,
	practitionerResource,
	practitionerRoleResource,
	provenanceResources,
	questionnaireResponseResource,
	ruleSetVersionsOf,
	taskResource,
	triageDevice
} from './map';

/**
 * The account the access log names for the bulk export. The log's viewer must be a user row, so
 * the export has one: disabled, with no usable password and no staff profile, it can never sign
 * in, take a queue or be alerted.
 */
export const EXPORT_ACCOUNT_ID = 'system-fhir-export';
export const EXPORT_VIEWER: AccessViewer = {
	id: EXPORT_ACCOUNT_ID,
	role: 'system',
	name: 'Clearline FHIR bulk export',
	staff: null
};

export function ensureExportAccount(db: Db, now: number): AccessViewer {
	const exists = db.select({ id: users.id }).from(users).where(eq(users.id, EXPORT_ACCOUNT_ID)).get();
	if (!exists)
		db.insert(users)
			.values({
				id: EXPORT_ACCOUNT_ID,
				email: 'fhir-export@system.invalid',
				// Not an argon2 hash: no password verifies against it.
				passwordHash: '!',
				role: 'admin',
				name: EXPORT_VIEWER.name,
				createdAt: now,
				disabledAt: now
			})
			.run();
	return EXPORT_VIEWER;
}

export const EXPORT_TYPES = [
	'Patient',
	'Practitioner',
	'PractitionerRole',
	'Device',
	'Task',
	'QuestionnaireResponse',
	'Communication',
	'Provenance',
	'AuditEvent'
] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

/** The Bulk Data manifest, with file names relative to it. */
export interface ExportManifest {
	transactionTime: string;
	request: string;
	requiresAccessToken: boolean;
	output: { type: ExportType; url: string; count: number }[];
	error: never[];
}

/** Every resource of the record, by type. */
export function exportResources(db: Db): Record<ExportType, Resource[]> {
	const records = loadRecords(db, null);
	const accesses = loadAccesses(db, null);
	const staffIds = new Set<string>();
	for (const r of records) {
		if (r.report.handlerId) staffIds.add(r.report.handlerId);
		for (const e of r.events) if (e.actorId && e.actorRole !== 'patient') staffIds.add(e.actorId);
	}
	for (const { row } of accesses) if (row.viewerRole !== 'system') staffIds.add(row.viewerId);
	const staff = loadStaff(db, staffIds);
	const versions = new Set(records.flatMap(ruleSetVersionsOf));
	return {
		Patient: loadPatients(db, [...new Set(records.map((r) => r.report.patientId))]).map(patientResource),
		Practitioner: staff.map(practitionerResource),
		PractitionerRole: staff.map(practitionerRoleResource),
		Device: [...versions].sort().map(triageDevice),
		Task: records.map(taskResource),
		QuestionnaireResponse: records.map(questionnaireResponseResource),
		Communication: records.flatMap(communicationResources),
		Provenance: records.flatMap(provenanceResources),
		AuditEvent: accesses.map(({ row, patientId }) => auditEventResource(row, patientId))
	};
}

/** Writes DIR/<Type>.ndjson and DIR/manifest.json, then logs the export of every report. */
export function bulkExport(db: Db, dir: string, now: number): ExportManifest {
	const viewer = ensureExportAccount(db, now);
	const resources = exportResources(db);
	fs.mkdirSync(dir, { recursive: true });
	const output: ExportManifest['output'] = [];
	for (const type of EXPORT_TYPES) {
		const file = `${type}.ndjson`;
		const lines = resources[type].map((r) => JSON.stringify(r));
		fs.writeFileSync(path.join(dir, file), lines.length > 0 ? `${lines.join('\n')}\n` : '');
		output.push({ type, url: file, count: lines.length });
	}
	const manifest: ExportManifest = {
		transactionTime: new Date(now).toISOString(),
		request: '$export',
		requiresAccessToken: false,
		output,
		error: []
	};
	fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	recordAccesses(db, viewer, resources.Task.map((t) => t.id ?? '').filter(Boolean), 'fhir_export', now);
	return manifest;
}
