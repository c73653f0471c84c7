/**
 * The dashboard's tables as CSV (RFC 4180), one definition each, so the download
 * and the page show the same columns. Cells that a spreadsheet would run as a
 * formula (=, +, -, @ first) are quoted with a leading apostrophe.
 */
import { FAILURE_LABELS, type SafetyFigures } from './figures';

type Cell = string | number | null;
export interface Table {
	columns: string[];
	rows: Cell[][];
	/** Row by row, the report its "report" column names: the page links it (the CSV keeps the reference). */
	reportIds?: string[];
}

const iso = (at: number) => new Date(at).toISOString();
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);

export const TABLES = {
	levels: (f: SafetyFigures): Table => ({
		columns: ['level', 'reports'],
		rows: (['emergency', 'urgent', 'routine', 'admin'] as const).map((l) => [l, f.byLevel[l]])
	}),
	closed: (f: SafetyFigures): Table => ({
		columns: ['channel', 'closed by', 'reports'],
		rows: [...f.closedBy.map((c) => [c.channel, c.role, c.count]), ['', 'still open', f.open]]
	}),
	response: (f: SafetyFigures): Table => ({
		columns: ['level', 'reports', 'measure', 'count', 'median min', 'p90 min', 'max min', 'late'],
		rows: f.response.flatMap((r) => [
			[
				r.level,
				r.reports,
				'acknowledgement',
				r.acknowledgement.count,
				minutes(r.acknowledgement.median),
				minutes(r.acknowledgement.p90),
				minutes(r.acknowledgement.max),
				r.late
			],
			[
				r.level,
				r.reports,
				'first contact',
				r.firstContact.count,
				minutes(r.firstContact.median),
				minutes(r.firstContact.p90),
				minutes(r.firstContact.max),
				null
			]
		])
	}),
	failures: (f: SafetyFigures): Table => ({
		columns: ['when', 'report', 'level', 'failure', 'detail'],
		rows: f.failures.map((x) => [iso(x.at), x.reference, x.level, FAILURE_LABELS[x.kind], x.detail]),
		reportIds: f.failures.map((x) => x.reportId)
	}),
	breaches: (f: SafetyFigures): Table => ({
		columns: ['when', 'report', 'level', 'step', 'alerted', 'deadline'],
		rows: f.breaches.map((b) => [iso(b.at), b.reference, b.level, b.step, b.alerted, iso(b.respondBy)]),
		reportIds: f.breaches.map((b) => b.reportId)
	}),
	lowerings: (f: SafetyFigures): Table => ({
		columns: ['when', 'report', 'from', 'to', 'reason code', 'reason', 'by'],
		rows: f.lowerings.map((l) => [iso(l.at), l.reference, l.from, l.to, l.reasonCode, l.reason, l.by]),
		reportIds: f.lowerings.map((l) => l.reportId)
	})
} as const;
export type TableName = keyof typeof TABLES;
export const isTableName = (name: string): name is TableName => Object.hasOwn(TABLES, name);

function cell(value: Cell): string {
	if (value === null) return '';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: Table): string {
	return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
