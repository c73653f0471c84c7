/**
 * The FHIR search API: parsing `patient`, `date` (with ge/le/gt/lt/eq prefixes), `status` and
 * `_count`/`_offset` strictly (a parameter it does not understand is a 400, never silently ignored,
 * so a client never takes a partial answer for the whole), and answering searchset Bundles.
 */
import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import type { Db } from '../db';
import { recordAccesses, type AccessViewer } from '../reports/access';
import { loadAccesses, loadPatients, loadRecords, loadStaff } from './load';
import {
	auditEventResource,
	communicationResources,
	deviceId,
	patientResource,
	practitionerResource,
	practitionerRoleResource,
	provenanceResources,
	questionnaireResponseResource,
	ruleSetVersionsOf,
	taskResource,
	triageDevice,
	type ReportRecord
} from './map';
import { badSearch } from './outcome';

export const SEARCH_TYPES = ['Task', 'QuestionnaireResponse', 'Communication', 'Provenance', 'AuditEvent'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const isSearchType = (s: string): s is SearchType => (SEARCH_TYPES as readonly string[]).includes(s);

/** The R4 status codes of each type that has a `status` search parameter. */
const STATUS_CODES: Record<SearchType, readonly string[] | null> = {
	Task: [
		'draft',
		'requested',
		'received',
		'accepted',
		'rejected',
		'ready',
		'cancelled',
		'in-progress',
		'on-hold',
		'failed',
		'completed',
		'entered-in-error'
	],
	QuestionnaireResponse: ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'],
	Communication: [
		'preparation',
		'in-progress',
		'not-done',
		'on-hold',
		'stopped',
		'completed',
		'entered-in-error',
		'unknown'
	],
	Provenance: null,
	AuditEvent: null
};

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 500;

type DatePrefix = 'eq' | 'ge' | 'gt' | 'le' | 'lt';

/** A date parameter as the instants it admits: [from, to) of its precision, and how to compare. */
interface DateBound {
	prefix: DatePrefix;
	from: number;
	to: number;
}

export interface SearchQuery {
	patient: string | null;
	dates: DateBound[];
	statuses: string[] | null;
	count: number;
	offset: number;
}

const ID = /^[A-Za-z0-9.-]{1,64}$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

function parseDate(raw: string): DateBound {
	const prefixed = /^(eq|ge|gt|le|lt|ne|sa|eb|ap)?(.*)$/.exec(raw);
	const prefix = prefixed?.[1] ?? 'eq';
	const value = prefixed?.[2] ?? '';
	if (prefix === 'ne' || prefix === 'sa' || prefix === 'eb' || prefix === 'ap')
		throw badSearch(`The date prefix "${prefix}" is not supported: use eq, ge, gt, le or lt.`, 'date');
	const m = DATE.exec(value);
	if (!m)
		throw badSearch(
			'date must be YYYY, YYYY-MM, YYYY-MM-DD or a date-time with a time zone (2026-11-25T10:00:00Z), after an optional prefix such as ge or le.',
			'date'
		);
	const [, y, mo, d, h, mi, s, frac, zone] = m;
	const year = Number(y);
	const month = mo ? Number(mo) : 1;
	const day = d ? Number(d) : 1;
	if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
		throw badSearch(`${value} is not a calendar date.`, 'date');
	let from: number;
	let to: number;
	if (h !== undefined) {
		from = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${zone === 'Z' ? 'Z' : zone}`);
		if (Number.isNaN(from)) throw badSearch(`${value} is not a valid date-time.`, 'date');
		const step = frac ? 1 : s !== undefined ? 1000 : 60_000;
		to = from + step;
	} else if (d) {
		from = Date.UTC(year, month - 1, day);
		to = Date.UTC(year, month - 1, day + 1);
	} else if (mo) {
		from = Date.UTC(year, month - 1, 1);
		to = Date.UTC(year, month, 1);
	} else {
		from = Date.UTC(year, 0, 1);
		to = Date.UTC(year + 1, 0, 1);
	}
	return { prefix: prefix as DatePrefix, from, to };
}

function nonNegativeInt(raw: string, name: string, min: number, max: number): number {
	if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max)
		throw badSearch(`${name} must be a whole number from ${min} to ${max}.`, name);
	return Number(raw);
}

function single(params: URLSearchParams, name: string): string | null {
	const all = params.getAll(name);
	if (all.length > 1) throw badSearch(`Give ${name} once.`, name);
	return all[0] ?? null;
}

/** Parses a search's query string, or throws the 400 OperationOutcome that says what is wrong. */
export function parseSearch(type: SearchType, params: URLSearchParams): SearchQuery {
	const statusCodes = STATUS_CODES[type];
	const known = new Set(['patient', 'date', '_count', '_offset', ...(statusCodes ? ['status'] : [])]);
	for (const name of params.keys()) {
		if (known.has(name)) continue;
		if (name === 'status')
			throw badSearch(`${type} has no status search parameter: search it by patient and date.`, name);
		throw badSearch(
			`Unknown search parameter "${name.slice(0, 40)}" for ${type}: use ${[...known].join(', ')}.`,
			name.slice(0, 40)
		);
	}
	const patientRaw = single(params, 'patient');
	let patient: string | null = null;
	if (patientRaw !== null) {
		const id = patientRaw.startsWith('Patient/') ? patientRaw.slice('Patient/'.length) : patientRaw;
		if (!ID.test(id)) throw badSearch('patient must be a Patient id, or Patient/<id>.', 'patient');
		patient = id;
	}
	const dates = params.getAll('date').map(parseDate);
	const statusRaw = single(params, 'status');
	let statuses: string[] | null = null;
	if (statusRaw !== null && statusCodes) {
		statuses = statusRaw.split(',');
		const wrong = statuses.find((s) => !statusCodes.includes(s));
		if (wrong !== undefined)
			throw badSearch(
				`"${wrong.slice(0, 40)}" is not a ${type} status: use one of ${statusCodes.join(', ')}.`,
				'status'
			);
	}
	const countRaw = single(params, '_count');
	const offsetRaw = single(params, '_offset');
	return {
		patient,
		dates,
		statuses,
		count: countRaw === null ? DEFAULT_COUNT : nonNegativeInt(countRaw, '_count', 1, MAX_COUNT),
		offset: offsetRaw === null ? 0 : nonNegativeInt(offsetRaw, '_offset', 0, 1_000_000_000)
	};
}

function dateMatches(at: number, bound: DateBound): boolean {
	switch (bound.prefix) {
		case 'eq':
			return at >= bound.from && at < bound.to;
		case 'ge':
			return at >= bound.from;
		case 'gt':
			return at >= bound.to;
		case 'le':
			return at < bound.to;
		case 'lt':
			return at < bound.from;
	}
}

/** One resource found, with what the search filters on and the report it came from. */
export interface Found {
	resource: Resource & { id: string };
	reportId: string;
	patientId: string;
	at: number;
	status: string | null;
	/** The report it maps, for what it refers to (absent on AuditEvents, which refer to no rule set). */
	record: ReportRecord | null;
}

function recordResources(type: Exclude<SearchType, 'AuditEvent'>, r: ReportRecord): Found[] {
	const of = { reportId: r.report.id, patientId: r.report.patientId, record: r };
	switch (type) {
		case 'Task': {
			const task = taskResource(r);
			return [{ resource: { ...task, id: r.report.id }, ...of, at: r.report.createdAt, status: task.status }];
		}
		case 'QuestionnaireResponse': {
			const qr = questionnaireResponseResource(r);
			return [{ resource: { ...qr, id: r.report.id }, ...of, at: r.report.createdAt, status: qr.status }];
		}
		case 'Communication':
			return communicationResources(r).map((c) => ({
				resource: { ...c, id: c.id ?? '' },
				...of,
				at: Date.parse(c.sent ?? ''),
				status: c.status
			}));
		case 'Provenance':
			return provenanceResources(r).map((p) => ({
				resource: { ...p, id: p.id ?? '' },
				...of,
				at: Date.parse(p.recorded),
				status: null
			}));
	}
}

/** Every resource of `type` that the query's patient and date admit, oldest first. */
export function findResources(
	db: Db,
	type: SearchType,
	query: Pick<SearchQuery, 'patient' | 'dates' | 'statuses'>
): Found[] {
	const found: Found[] =
		type === 'AuditEvent'
			? loadAccesses(db, query.patient).map(({ row, patientId }) => ({
					resource: { ...auditEventResource(row, patientId), id: `access-${row.seq}` },
					reportId: row.reportId,
					patientId,
					at: row.at,
					status: null,
					record: null
				}))
			: loadRecords(db, query.patient).flatMap((r) => recordResources(type, r));
	return found
		.filter((f) => query.dates.every((d) => dateMatches(f.at, d)))
		.filter((f) => query.statuses === null || (f.status !== null && query.statuses.includes(f.status)))
		.sort((a, b) => a.at - b.at || (a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0));
}

/**
 * The Patients, PractitionerRoles, Practitioners and rule-set Devices a page refers to, so an
 * importer resolves every reference from the Bundle alone (entries with search mode `include`).
 */
export function referencedResources(db: Db, page: readonly Found[]): Resource[] {
	const patientIds = new Set(page.map((f) => f.patientId));
	const json = JSON.stringify(page.map((f) => f.resource));
	const referenced = (type: string) =>
		new Set([...json.matchAll(new RegExp(`"${type}/([A-Za-z0-9.-]{1,64})"`, 'g'))].map((m) => m[1] ?? ''));
	const staff = loadStaff(db, referenced('PractitionerRole'));
	const devices = referenced('Device');
	const versions = new Set(page.flatMap((f) => (f.record ? ruleSetVersionsOf(f.record) : [])));
	return [
		...loadPatients(db, [...patientIds]).map(patientResource),
		...staff.map(practitionerRoleResource),
		...staff.map(practitionerResource),
		...[...versions].filter((v) => devices.has(deviceId(v))).map(triageDevice)
	];
}

function pageUrl(base: string, type: SearchType, params: URLSearchParams, count: number, offset: number): string {
	const next = new URLSearchParams();
	for (const [k, v] of params) if (k !== '_count' && k !== '_offset') next.append(k, v);
	next.set('_count', String(count));
	if (offset > 0) next.set('_offset', String(offset));
	return `${base}/${type}?${next.toString()}`;
}

/**
 * One page of a search as a searchset Bundle, recorded in the access log: every report a page
 * shows anything of is an access by whoever asked, marked as read through the FHIR API.
 */
export function searchBundle(
	db: Db,
	viewer: AccessViewer,
	type: SearchType,
	params: URLSearchParams,
	base: string,
	now: number
): Bundle {
	const query = parseSearch(type, params);
	const all = findResources(db, type, query);
	const page = all.slice(query.offset, query.offset + query.count);
	const link: BundleLink[] = [{ relation: 'self', url: pageUrl(base, type, params, query.count, query.offset) }];
	if (query.offset + query.count < all.length)
		link.push({ relation: 'next', url: pageUrl(base, type, params, query.count, query.offset + query.count) });
	const entry: BundleEntry[] = [
		...page.map((f) => ({
			fullUrl: `${base}/${type}/${f.resource.id}`,
			resource: f.resource,
			search: { mode: 'match' as const }
		})),
		...referencedResources(db, page).map((resource) => ({
			fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
			resource,
			search: { mode: 'include' as const }
		}))
	];
	recordAccesses(db, viewer, [...new Set(page.map((f) => f.reportId))], 'fhir_api', now);
	return {
		resourceType: 'Bundle',
		type: 'searchset',
		timestamp: new Date(now).toISOString(),
		total: all.length,
		link,
		entry
	};
}
