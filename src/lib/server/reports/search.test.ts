import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { T0, context, fileDb, patient, report, staffMember } from '../testing/fixtures';
import { accessesOf } from './access';
import { claim, resolve } from './actions';
import { parseSearch, searchReports } from './search';
import { firstWords } from './wording';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('reading what staff type', () => {
	it.each([
		['cl-7k3q-92xd', { reference: 'CL-7K3Q-92XD' }],
		['7K3Q-92XD', { reference: 'CL-7K3Q-92XD' }],
		['CL7K3Q92XD', { reference: 'CL-7K3Q-92XD' }],
		['Ruth Diaz 03/14/1948', { nameWords: ['ruth', 'diaz'], dateOfBirth: '1948-03-14' }],
		['diaz, 1948-03-14', { nameWords: ['diaz'], dateOfBirth: '1948-03-14' }],
		['(555) 210-4321', { phoneDigits: '5552104321' }],
		['+1 555 210 4321', { phoneDigits: '5552104321' }],
		["O'Brien", { nameWords: ["o'brien"] }],
		['Clementine', { nameWords: ['clementine'], reference: null }],
		['CL-ABCD-EFGH', { reference: 'CL-ABCD-EFGH' }],
		// All letters and no CL-: a reference or a hyphenated name, whichever matches.
		['abcd-efgh', { reference: null, referenceOrName: [{ reference: 'CL-ABCD-EFGH', nameWord: 'abcd-efgh' }] }]
	])('%s', (q, expected) => {
		const parsed = parseSearch(q);
		expect(parsed.ok && parsed.value).toMatchObject(expected);
	});

	it.each([
		['', /Type a reference/],
		['  ', /Type a reference/],
		['al', /three letters/],
		['02/30/1950', /not a real date/],
		['chest pain <script>', /Could not read/]
	])('refuses %j with a message', (q, message) => {
		const parsed = parseSearch(q);
		expect(parsed.ok ? null : parsed.problem).toMatchObject({ code: 'validation_failed', message });
	});

	it('cuts the patient’s first words at a word', () => {
		expect(firstWords('short')).toBe('short');
		expect(firstWords('word '.repeat(40)).length).toBeLessThanOrEqual(91);
		expect(firstWords('word '.repeat(40))).toMatch(/word…$/);
	});
});

describe('searching reports', () => {
	async function setUp() {
		const handle = fileDb();
		cleanups.push(handle.cleanup);
		const db = handle.open();
		const ruth = await patient(db, { dateOfBirth: '1948-03-14' });
		db.run(sql`update users set name = 'Ruth Diaz' where id = ${ruth.id}`);
		const other = await patient(db, { dateOfBirth: '1990-01-01' });
		const support = await staffMember(db, 'support');
		const nurse = await staffMember(db, 'nurse');
		const closed = report(context(db, T0), ruth, 'Can I get a copy of my vaccination record?');
		claim(context(db, T0 + 1000), support, closed.id);
		const done = resolve(context(db, T0 + 2000), support, closed.id, {
			outcome: 'Record emailed.',
			disposition: 'no_action'
		});
		expect(done.ok).toBe(true);
		const open = report(context(db, T0 + 3000), ruth, 'sudden pain in my ribs when I breathe');
		const stranger = report(context(db, T0 + 4000), other, 'Need a refill of my inhaler');
		return { db, ruth, support, nurse, closed, open, stranger };
	}

	it('finds a closed report by its reference, and by name and date of birth, newest first', async () => {
		const { db, support, closed, open } = await setUp();
		const byRef = searchReports(db, support, closed.reference.toLowerCase(), T0 + 5000);
		// However the reference came out (all letters too), it is found typed without its CL-.
		db.run(sql`update reports set reference = 'CL-ABCD-EFGH' where id = ${open.id}`);
		const lettersOnly = searchReports(db, support, 'abcd-efgh', T0 + 5000);
		expect(lettersOnly.ok && lettersOnly.value.map((r) => r.id)).toEqual([open.id]);
		expect(byRef.ok && byRef.value.map((r) => r.reference)).toEqual([closed.reference]);
		expect(byRef.ok && byRef.value[0]).toMatchObject({
			patientName: 'Ruth Diaz',
			dateOfBirth: '1948-03-14',
			status: 'resolved',
			statusLabel: 'Closed',
			firstWords: 'Can I get a copy of my vaccination record?'
		});
		const byName = searchReports(db, support, 'ruth diaz 03/14/1948', T0 + 5000);
		expect(byName.ok && byName.value.map((r) => r.id)).toEqual([open.id, closed.id]);
		const wrongDob = searchReports(db, support, 'ruth diaz 03/15/1948', T0 + 5000);
		expect(wrongDob.ok && wrongDob.value).toEqual([]);
	});

	it('finds reports by the patient’s phone however it is typed', async () => {
		const { db, nurse, stranger, open, closed } = await setUp();
		const found = searchReports(db, nurse, '(555) 201-3344', T0 + 5000);
		expect(found.ok && found.value.map((r) => r.id).sort()).toEqual([open.id, closed.id, stranger.id].sort());
	});

	it('writes every listed report to the access log, and lets no patient search', async () => {
		const { db, support, ruth, closed, open } = await setUp();
		const before = accessesOf(db, closed.id).length;
		searchReports(db, support, 'Ruth Diaz', T0 + 5000);
		expect(accessesOf(db, closed.id)).toHaveLength(before + 1);
		expect(accessesOf(db, open.id).at(-1)).toMatchObject({ viewerId: support.id, via: 'search' });
		const asPatient = searchReports(db, ruth, 'Ruth Diaz', T0 + 5000);
		expect(asPatient.ok ? null : asPatient.problem.code).toBe('forbidden');
	});
});
