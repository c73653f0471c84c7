/**
 * Staff search: a patient who phones quoting CL-… (or giving their name and
 * date of birth, or the number they called from) is found in seconds, open or
 * closed. Every report a search lists is written to the access log, like
 * every report opened: a list of names, dates of birth and levels is health
 * data seen.
 */
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { patientProfiles, reports, staffProfiles, users } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import type { SessionUser } from '../auth/session';
import { channelLabel, levelLabel, statusLabel, type ReportStatus } from '../../vocabulary';
import type { TriageLevel } from '../../triage/types';
import { recordAccess } from './access';
import { handlerText } from '../../people';
import { firstWords } from './wording';

export const SEARCH_LIMIT = 25;

/** What a search asks for: every part given must match. */
export interface SearchQuery {
	/** A reference, normalised to CL-XXXX-XXXX. */
	reference: string | null;
	dateOfBirth: string | null;
	/** At least 7 digits of a phone number: the patient's, or the report's callback number. */
	phoneDigits: string | null;
	/** Words that must each appear in the patient's name. */
	nameWords: string[];
	/**
	 * Parts that read as either a reference without its CL- (all letters, "ABCD-EFGH") or a
	 * hyphenated name ("anne-mari"): each matches one or the other.
	 */
	referenceOrName: { reference: string; nameWord: string }[];
}

export interface SearchResult {
	id: string;
	reference: string;
	patientName: string;
	dateOfBirth: string;
	level: TriageLevel;
	levelLabel: string;
	status: ReportStatus;
	statusLabel: string;
	/** "Sam Lee, RN · Telehealth nurse", or null when nobody holds it. */
	handler: string | null;
	createdAt: string;
	/** The patient's first words, to tell two reports apart on the phone. */
	firstWords: string;
}

const REFERENCE = /^(?:cl-?)?([0-9a-z]{4})-?([0-9a-z]{4})$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function isoDate(y: number, m: number, d: number): string | null {
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
	return date.toISOString().slice(0, 10);
}

/** Reads what staff typed: a reference, a date of birth (as the form shows it, or YYYY-MM-DD), a phone number, name words. */
export function parseSearch(raw: string): Result<SearchQuery> {
	const q: SearchQuery = { reference: null, dateOfBirth: null, phoneDigits: null, nameWords: [], referenceOrName: [] };
	const text = raw.trim();
	if (text.length === 0)
		return problem('validation_failed', 'Type a reference, a name, a date of birth or a phone number.', {
			q: 'Type something to search for.'
		});
	if (text.length > 120)
		return problem('validation_failed', 'That search is too long.', { q: 'Use at most 120 characters.' });
	// A phone number typed with spaces or brackets is one part: take the digit runs together first.
	const phone = text.match(/\(?\+?\d[\d\s().-]{5,}\d/);
	const phoneDigits = phone ? phone[0].replace(/\D/g, '') : '';
	let rest = text;
	if (phone && phoneDigits.length >= 7 && !US_DATE.test(phone[0].trim()) && !ISO_DATE.test(phone[0].trim())) {
		q.phoneDigits = phoneDigits.length > 10 ? phoneDigits.slice(-10) : phoneDigits;
		rest = text.replace(phone[0], ' ');
	}
	for (const part of rest.split(/[\s,]+/).filter(Boolean)) {
		const ref = part.match(REFERENCE);
		const iso = part.match(ISO_DATE);
		const us = part.match(US_DATE);
		const reference = ref ? `CL-${ref[1]!.toUpperCase()}-${ref[2]!.toUpperCase()}` : null;
		if (reference && (/^cl-/i.test(part) || /\d/.test(part))) q.reference = reference;
		else if (reference && part.includes('-')) q.referenceOrName.push({ reference, nameWord: part.toLowerCase() });
		else if (iso || us) {
			const date = iso ? isoDate(+iso[1]!, +iso[2]!, +iso[3]!) : isoDate(+us![3]!, +us![1]!, +us![2]!);
			if (!date) return problem('validation_failed', `${part} is not a real date.`, { q: 'Check the date of birth.' });
			q.dateOfBirth = date;
		} else if (/^\p{L}[\p{L}'’-]*$/u.test(part)) q.nameWords.push(part.toLowerCase());
		else
			return problem(
				'validation_failed',
				`Could not read "${part}": search by reference (CL-…), name, date of birth (mm/dd/yyyy) or phone number.`,
				{ q: 'Check what you typed.' }
			);
	}
	// A single short name fragment would list half the clinic: ask for more.
	if (
		!q.reference &&
		!q.dateOfBirth &&
		!q.phoneDigits &&
		q.referenceOrName.length === 0 &&
		q.nameWords.join('').length < 3
	)
		return problem('validation_failed', 'Type at least three letters of the name, or add the date of birth.', {
			q: 'Type more of the name.'
		});
	return ok(q);
}

const digitsOf = (column: SQL | typeof patientProfiles.phone | typeof reports.callbackPhone) =>
	sql`replace(replace(replace(replace(replace(replace(${column}, '-', ''), ' ', ''), '(', ''), ')', ''), '.', ''), '+', '')`;

/**
 * Reports matching `raw`, newest first, open and closed, for staff. Each one listed is written
 * to the access log as seen `via: 'search'`.
 */
export function searchReports(db: Db, viewer: SessionUser, raw: string, now: number): Result<SearchResult[]> {
	if (viewer.role === 'patient') return problem('forbidden', 'Only staff can search reports.');
	const parsed = parseSearch(raw);
	if (!parsed.ok) return parsed;
	const q = parsed.value;
	const where: SQL[] = [];
	if (q.reference) where.push(eq(reports.reference, q.reference));
	if (q.dateOfBirth) where.push(eq(patientProfiles.dateOfBirth, q.dateOfBirth));
	if (q.phoneDigits) {
		const suffix = `%${q.phoneDigits}`;
		where.push(
			or(
				sql`${digitsOf(patientProfiles.phone)} like ${suffix}`,
				sql`${digitsOf(reports.callbackPhone)} like ${suffix}`
			)!
		);
	}
	for (const w of q.nameWords) where.push(sql`lower(${users.name}) like ${`%${w}%`}`);
	for (const { reference, nameWord } of q.referenceOrName)
		where.push(or(eq(reports.reference, reference), sql`lower(${users.name}) like ${`%${nameWord}%`}`)!);
	const handler = db
		.select({
			id: users.id,
			name: users.name,
			role: users.role,
			channel: staffProfiles.channel,
			credential: staffProfiles.credential,
			team: staffProfiles.team
		})
		.from(users)
		.innerJoin(staffProfiles, eq(staffProfiles.userId, users.id))
		.as('handler');
	const rows = db
		.select({
			id: reports.id,
			reference: reports.reference,
			patientName: users.name,
			dateOfBirth: patientProfiles.dateOfBirth,
			level: reports.level,
			status: reports.status,
			createdAt: reports.createdAt,
			description: reports.description,
			handlerName: handler.name,
			handlerRole: handler.role,
			handlerChannel: handler.channel,
			handlerCredential: handler.credential,
			handlerTeam: handler.team
		})
		.from(reports)
		.innerJoin(users, eq(users.id, reports.patientId))
		.innerJoin(patientProfiles, eq(patientProfiles.userId, reports.patientId))
		.leftJoin(handler, eq(handler.id, reports.handlerId))
		.where(and(...where))
		.orderBy(desc(reports.createdAt))
		.limit(SEARCH_LIMIT)
		.all();
	for (const r of rows) recordAccess(db, viewer, r.id, 'search', now);
	return ok(
		rows.map((r) => ({
			id: r.id,
			reference: r.reference,
			patientName: r.patientName,
			dateOfBirth: r.dateOfBirth,
			level: r.level,
			levelLabel: levelLabel(r.level),
			status: r.status,
			statusLabel: statusLabel(r.status),
			handler:
				r.handlerName && r.handlerRole
					? handlerText({
							name: r.handlerName,
							credential: r.handlerCredential,
							team: r.handlerTeam,
							channelLabel: r.handlerChannel ? channelLabel(r.handlerChannel) : null,
							role: r.handlerRole,
							clinical: r.handlerRole === 'clinician'
						})
					: null,
			createdAt: new Date(r.createdAt).toISOString(),
			firstWords: firstWords(r.description)
		}))
	);
}
