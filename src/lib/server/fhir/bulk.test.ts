import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { authenticate } from '../auth/user';
import { listStaff } from '../auth/staff';
import type { Db } from '../db';
import { accessesOf, verifyAccessChain } from '../reports/access';
import { accessLog } from '../db/schema';
import { testDb } from '../testing/db';
import { fhirScenario, r4Issues } from '../testing/fhir';
import { T0 } from '../testing/fixtures';
import { EXPORT_ACCOUNT_ID, EXPORT_TYPES, bulkExport, type ExportManifest } from './bulk';

let db: Db;
let s: Awaited<ReturnType<typeof fhirScenario>>;
let dir: string;
let manifest: ExportManifest;
const NOW = T0 + 5 * 24 * 60 * 60_000;
beforeAll(async () => {
	db = testDb().db;
	s = await fhirScenario(db);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearline-fhir-'));
	manifest = bulkExport(db, path.join(dir, 'out'), NOW);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (type: string) =>
	fs
		.readFileSync(path.join(dir, 'out', `${type}.ndjson`), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as Resource);

describe('bulk export', () => {
	it('writes one NDJSON file per resource type, every line valid R4 of that type, and a manifest that counts them', () => {
		expect(manifest.transactionTime).toBe(new Date(NOW).toISOString());
		expect(manifest.output.map((o) => o.type)).toEqual([...EXPORT_TYPES]);
		const written = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8')) as ExportManifest;
		expect(written).toEqual(manifest);
		for (const { type, url, count } of manifest.output) {
			expect(url).toBe(`${type}.ndjson`);
			const resources = read(type);
			expect(resources, type).toHaveLength(count);
			for (const r of resources) {
				expect(r.resourceType).toBe(type);
				expect(r4Issues(r), `${type}/${r.id}`).toEqual([]);
			}
		}
		expect(read('Task').map((t) => t.id)).toEqual([s.urgent.id, s.failed.id, s.routine.id]);
	});

	it('is recorded in the access log, one row per report, by a system account that can never sign in', async () => {
		for (const report of [s.urgent, s.failed, s.routine])
			expect(accessesOf(db, report.id).at(-1)).toMatchObject({
				viewerId: EXPORT_ACCOUNT_ID,
				viewerRole: 'system',
				viewerName: 'Clearline FHIR bulk export',
				via: 'fhir_export',
				at: NOW
			});
		expect(verifyAccessChain(db.select().from(accessLog).all())).toEqual({ ok: true });
		expect((await authenticate(db, 'fhir-export@system.invalid', '!')).ok).toBe(false);
		expect(listStaff(db).map((m) => m.id)).not.toContain(EXPORT_ACCOUNT_ID);
	});

	it('exports the previous exports as AuditEvents the next time, and reuses its account', () => {
		const second = bulkExport(db, path.join(dir, 'again'), NOW + 1000);
		const audits = fs
			.readFileSync(path.join(dir, 'again', 'AuditEvent.ndjson'), 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as { type: { code: string }; agent: { who: { display: string } }[] });
		const exports = audits.filter((a) => a.type.code === '110106');
		expect(exports).toHaveLength(3);
		expect(exports[0]?.agent[0]?.who).toEqual({ display: 'Clearline FHIR bulk export' });
		expect(second.output.find((o) => o.type === 'AuditEvent')?.count).toBe(audits.length);
	});
});
