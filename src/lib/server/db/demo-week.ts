/**
 * A week of history for the demo (issue 12), so the safety dashboard, the
 * search and a patient's "who handled it" have something true to show on the
 * first start. Made only in demo mode, into a database with no reports, by the
 * same commands the app runs (submit, claim, call, escalate, change level,
 * close, the deadline monitor), each at the time it happened: the events,
 * their hash chain, the deadlines and the ladder are what a real week would
 * leave, and `audit:verify` passes.
 *
 * Marked as demo: its patients are `@demo.test` accounts nobody can log in to
 * (a random password, never shown), and the dashboard says, in demo mode, that
 * the history is generated. Every report ends closed, so the queues a new
 * visitor opens are empty until they report something themselves.
 *
 * The stories are data: what each patient wrote, and what staff did how many
 * minutes after it was sent. Between steps the deadline monitor runs at every
 * moment a deadline fell due, as the server's monitor would have.
 */
import { and, eq, isNotNull, lte, min } from 'drizzle-orm';
import type { Db } from '.';
import { reports, staffProfiles, users } from './schema';
import { createPatient, setLanguage } from '../auth/user';
import type { SessionUser } from '../auth/session';
import { LiveBus } from '../queues/live';
import { escalateOverdue } from '../queues/deadlines';
import { clinicTimeZone } from '../queues/routing';
import { recordAccess } from '../reports/access';
import {
	changeLevel,
	claim,
	escalate,
	logContactAttempt,
	resolve,
	addPatientUpdate,
	type ContactInput,
	type LevelChangeInput,
	type ResolveInput
} from '../reports/actions';
import type { Ctx } from '../reports/context';
import { submitReport } from '../reports/submit';
import type { Result } from '../problem';
import { dayIn, startOfDayIn } from '../safety/period';
import { levelRank, type EmergencyScreenId, type Lang, type TriageLevel } from '../../triage/types';
import type { ReportInput } from '../../schemas';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The demo's patients besides Pat Morgan (whose own reports stay the visitor's to make). */
const PATIENTS = [
	{ key: 'walter', name: 'Walter Brooks', born: '1946-07-02', sex: 'male', phone: '555-0161', language: 'en' },
	{ key: 'rosa', name: 'Rosa Delgado', born: '1950-11-19', sex: 'female', phone: '555-0162', language: 'es' },
	{ key: 'june', name: 'June Park', born: '1958-02-08', sex: 'female', phone: '555-0163', language: 'en' },
	{ key: 'frank', name: 'Frank Osei', born: '1952-09-30', sex: 'male', phone: '555-0164', language: 'en' },
	{ key: 'margaret', name: 'Margaret Ellis', born: '1944-04-21', sex: 'female', phone: '555-0165', language: 'en' },
	{ key: 'luis', name: 'Luis Herrera', born: '1955-12-05', sex: 'male', phone: '555-0166', language: 'es' }
] as const satisfies readonly { key: string; name: string; born: string; sex: string; phone: string; language: Lang }[];
type PatientKey = (typeof PATIENTS)[number]['key'];

/** The demo staff who act in the stories (seed.ts makes them). */
const STAFF = { support: 'support@demo.test', nurse: 'nurse@demo.test', doctor: 'doctor@demo.test' } as const;
type StaffKey = keyof typeof STAFF;

type Step =
	| { after: number; by: StaffKey; do: 'claim' }
	| { after: number; by: StaffKey; do: 'call'; contact: ContactInput }
	| { after: number; by: StaffKey; do: 'escalate'; reason: string }
	/** Applied only when it is a change: a raise to a level the report already has is skipped. */
	| { after: number; by: StaffKey; do: 'level'; change: LevelChangeInput }
	| { after: number; by: StaffKey; do: 'close'; close: ResolveInput }
	| { after: number; by: 'patient'; do: 'update'; text: string };

interface Story {
	patient: PatientKey;
	/** Days before today, and the clinic's wall-clock time it was sent. */
	daysAgo: number;
	at: string;
	text: string;
	emergencyScreen?: EmergencyScreenId[];
	severity?: number;
	durationHours?: number;
	/** Minutes after it was sent. */
	steps: Step[];
}

const reached = (note: string): ContactInput => ({ outcome: 'reached', note });
const noAnswer: ContactInput = { outcome: 'no_answer', emergencyAdviceLeft: true };

/** Seven days of a small practice: routine and admin work, the urgent calls, and what went wrong. */
export const DEMO_WEEK: readonly Story[] = [
	{
		patient: 'walter',
		daysAgo: 6,
		at: '09:05',
		text: 'I need a refill of my blood pressure pills, I have four left',
		steps: [
			{ after: 48, by: 'support', do: 'claim' },
			{
				after: 55,
				by: 'support',
				do: 'call',
				contact: reached('Confirmed pharmacy; refill request sent to Dr. Shah.')
			},
			{
				after: 57,
				by: 'support',
				do: 'close',
				close: { outcome: 'Refill sent to the pharmacy on file.', disposition: 'advice' }
			}
		]
	},
	{
		patient: 'rosa',
		daysAgo: 6,
		at: '10:30',
		text: 'me duele la garganta desde hace tres días',
		durationHours: 72,
		steps: [
			{ after: 41, by: 'support', do: 'claim' },
			{ after: 52, by: 'support', do: 'call', contact: reached('Spoke in Spanish; no fever, eating and drinking.') },
			{
				after: 55,
				by: 'support',
				do: 'close',
				close: { outcome: 'Appointment booked for tomorrow at 10:00.', disposition: 'appointment' }
			}
		]
	},
	{
		patient: 'june',
		daysAgo: 6,
		at: '14:10',
		text: 'sudden pain under my ribs on the right side since this morning',
		severity: 7,
		steps: [
			{ after: 6, by: 'nurse', do: 'claim' },
			{ after: 11, by: 'nurse', do: 'call', contact: reached('Pain 7/10, no fever, no shortness of breath.') },
			{
				after: 19,
				by: 'nurse',
				do: 'close',
				close: {
					outcome: 'Advised urgent care today for an examination; she is going now.',
					disposition: 'urgent_care'
				}
			}
		]
	},
	{
		patient: 'walter',
		daysAgo: 6,
		at: '16:30',
		text: 'my knee hurts when I climb stairs',
		steps: [
			{ after: 26 * 60, by: 'support', do: 'claim' },
			{ after: 26 * 60 + 8, by: 'support', do: 'call', contact: reached('Knee ache for a month, no swelling.') },
			{
				after: 26 * 60 + 10,
				by: 'support',
				do: 'close',
				close: { outcome: 'Appointment booked next week.', disposition: 'appointment' }
			}
		]
	},
	{
		patient: 'frank',
		daysAgo: 5,
		at: '08:40',
		text: 'pressure in my chest',
		emergencyScreen: ['chest_pain'],
		steps: [
			{ after: 2, by: 'doctor', do: 'claim' },
			{ after: 4, by: 'doctor', do: 'call', contact: reached('Wife had already called 911; ambulance arriving.') },
			{
				after: 9,
				by: 'doctor',
				do: 'close',
				close: { outcome: 'Taken to the emergency department by ambulance.', disposition: 'ed' }
			}
		]
	},
	{
		patient: 'margaret',
		daysAgo: 5,
		at: '11:15',
		text: 'dizzy when I stand up',
		steps: [
			{ after: 25, by: 'support', do: 'claim' },
			{
				after: 33,
				by: 'support',
				do: 'escalate',
				reason: 'She says she blacked out twice this week; a nurse should call.'
			},
			{ after: 39, by: 'nurse', do: 'claim' },
			{
				after: 44,
				by: 'nurse',
				do: 'call',
				contact: reached('Dizzy on standing since a new tablet last week; no injury.')
			},
			{
				after: 50,
				by: 'nurse',
				do: 'close',
				close: { outcome: 'Same-day appointment with Dr. Shah to review the new tablet.', disposition: 'appointment' }
			}
		]
	},
	{
		patient: 'luis',
		daysAgo: 5,
		at: '15:00',
		text: 'tengo tos y mocos desde hace cinco días',
		durationHours: 120,
		steps: [
			{ after: 18 * 60 + 10, by: 'support', do: 'claim' },
			{ after: 18 * 60 + 12, by: 'support', do: 'call', contact: { outcome: 'no_answer' } },
			{ after: 20 * 60, by: 'support', do: 'call', contact: reached('Cough improving, no fever.') },
			{
				after: 20 * 60 + 3,
				by: 'support',
				do: 'close',
				close: {
					outcome: 'Advice given on rest and fluids, in Spanish; he will call back if no better.',
					disposition: 'advice'
				}
			}
		]
	},
	{
		patient: 'walter',
		daysAgo: 4,
		at: '09:30',
		text: 'my ankle is swollen after I twisted it yesterday',
		steps: [
			{ after: 9, by: 'nurse', do: 'claim' },
			{ after: 14, by: 'nurse', do: 'call', contact: reached('Walking on it, no deformity, no numbness.') },
			{
				after: 17,
				by: 'nurse',
				do: 'level',
				change: {
					to: 'routine',
					reasonCode: 'assessed_by_phone',
					reason: 'Walking without difficulty, no deformity or numbness; sprain care at home is enough.'
				}
			},
			{
				after: 18,
				by: 'nurse',
				do: 'close',
				close: { outcome: 'Rest, ice and elevation; call back if worse.', disposition: 'advice' }
			}
		]
	},
	{
		patient: 'june',
		daysAgo: 4,
		at: '13:20',
		text: 'my lower back has been stiff since I moved furniture on the weekend',
		steps: [
			{ after: 70, by: 'support', do: 'claim' },
			{ after: 78, by: 'support', do: 'call', contact: reached('Stiff back, able to walk.') },
			{
				after: 80,
				by: 'support',
				do: 'close',
				close: { outcome: 'Gave advice on rest and fluids; she will call back if no better.', disposition: 'advice' }
			}
		]
	},
	{
		patient: 'frank',
		daysAgo: 3,
		at: '10:00',
		text: "my sugar has been running high, around 300, and I'm very thirsty",
		steps: [
			{ after: 5, by: 'nurse', do: 'claim' },
			{ after: 6, by: 'nurse', do: 'call', contact: noAnswer },
			{ after: 20, by: 'nurse', do: 'call', contact: { outcome: 'voicemail', emergencyAdviceLeft: true } },
			{ after: 40, by: 'nurse', do: 'call', contact: noAnswer },
			{
				after: 42,
				by: 'nurse',
				do: 'close',
				close: {
					outcome: 'Three calls unanswered; emergency advice left on voicemail; letter sent.',
					disposition: 'no_action'
				}
			}
		]
	},
	{
		patient: 'rosa',
		daysAgo: 3,
		at: '16:45',
		text: 'el dolor de pecho empezó de repente y me falta el aire',
		steps: [
			{ after: 2, by: 'doctor', do: 'claim' },
			{ after: 4, by: 'doctor', do: 'call', contact: reached('Told in Spanish to call 911 now; daughter calling.') },
			{
				after: 12,
				by: 'doctor',
				do: 'close',
				close: { outcome: 'Paramedics with her; going to the emergency department.', disposition: 'ed' }
			}
		]
	},
	{
		patient: 'june',
		daysAgo: 2,
		at: '10:05',
		text: 'stomach pain and blood in my stool',
		steps: [
			{ after: 22, by: 'nurse', do: 'claim' },
			{
				after: 27,
				by: 'nurse',
				do: 'call',
				contact: reached('Confirmed what she wrote; her daughter can drive her now.')
			},
			{
				after: 33,
				by: 'nurse',
				do: 'close',
				close: { outcome: 'Sent to the emergency department today; her daughter is driving her.', disposition: 'ed' }
			}
		]
	},
	{
		patient: 'margaret',
		daysAgo: 2,
		at: '09:00',
		text: 'rash on my arm that itches',
		steps: [
			{ after: 30, by: 'support', do: 'claim' },
			{
				after: 36,
				by: 'support',
				do: 'call',
				contact: reached('Itchy rash two days, no fever, no swelling of the face.')
			},
			{
				after: 38,
				by: 'support',
				do: 'close',
				close: { outcome: 'Appointment booked for Friday.', disposition: 'appointment' }
			}
		]
	},
	{
		patient: 'luis',
		daysAgo: 2,
		at: '11:30',
		text: 'burning when I pee for two days',
		durationHours: 48,
		steps: [
			{ after: 60, by: 'patient', do: 'update', text: 'ahora tengo fiebre de 39 y dolor en la espalda' },
			{ after: 66, by: 'nurse', do: 'claim' },
			{ after: 70, by: 'nurse', do: 'call', contact: reached('Confirmed what he wrote, in Spanish.') },
			{
				after: 78,
				by: 'nurse',
				do: 'close',
				close: { outcome: 'Seen by telehealth today; antibiotics prescribed by Dr. Shah.', disposition: 'telehealth' }
			}
		]
	},
	{
		patient: 'margaret',
		daysAgo: 2,
		at: '19:30',
		text: 'my husband is confused and his speech is slurred since an hour ago',
		steps: [
			{ after: 12, by: 'nurse', do: 'claim' },
			{ after: 13, by: 'nurse', do: 'call', contact: reached('Told to call 911 now; she is calling.') },
			{
				after: 20,
				by: 'nurse',
				do: 'close',
				close: { outcome: 'Ambulance took him to the stroke centre.', disposition: 'ed' }
			}
		]
	},
	{
		patient: 'walter',
		daysAgo: 1,
		at: '08:50',
		text: 'can I change my appointment to next week',
		steps: [
			{ after: 35, by: 'support', do: 'claim' },
			{
				after: 37,
				by: 'support',
				do: 'close',
				close: { outcome: 'Appointment moved to next Tuesday at 9:30.', disposition: 'no_action' }
			}
		]
	},
	{
		patient: 'frank',
		daysAgo: 1,
		at: '10:20',
		text: 'I have had a headache on and off for a few days',
		steps: [
			{
				after: 95,
				by: 'doctor',
				do: 'level',
				change: { to: 'urgent', reason: 'New headaches at 74 on a blood thinner: needs a same-day clinician call.' }
			},
			{ after: 97, by: 'doctor', do: 'claim' },
			{ after: 101, by: 'doctor', do: 'call', contact: reached('No weakness, no fall; headaches mild.') },
			{
				after: 110,
				by: 'doctor',
				do: 'close',
				close: { outcome: 'Telehealth visit booked for this afternoon.', disposition: 'telehealth' }
			}
		]
	},
	{
		patient: 'rosa',
		daysAgo: 1,
		at: '14:00',
		text: 'necesito una receta para mi medicina de la presión',
		steps: [
			{ after: 52, by: 'support', do: 'claim' },
			{ after: 58, by: 'support', do: 'call', contact: reached('Confirmed pharmacy, in Spanish.') },
			{
				after: 60,
				by: 'support',
				do: 'close',
				close: { outcome: 'Refill sent to the pharmacy on file.', disposition: 'advice' }
			}
		]
	}
];

/** A staff member as a session would see them (no session is made: the week is history). */
function staffUser(db: Db, email: string): SessionUser {
	const row = db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			channel: staffProfiles.channel,
			credential: staffProfiles.credential,
			team: staffProfiles.team
		})
		.from(users)
		.innerJoin(staffProfiles, eq(staffProfiles.userId, users.id))
		.where(eq(users.email, email))
		.get();
	if (!row) throw new Error(`Demo week: no staff account ${email}.`);
	const { channel, credential, team, ...user } = row;
	return { ...user, staff: { channel, credential, team, onDuty: true }, mustChangePassword: false };
}

function patientUser(db: Db, id: string): SessionUser {
	const row = db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, id)).get()!;
	return { id, ...row, role: 'patient', staff: null, mustChangePassword: false };
}

/** A password nobody knows: the demo week's patients are records, not logins. */
function unusablePassword(): string {
	return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');
}

/** The clinic's wall-clock `HH:MM`, `daysAgo` days before `now`'s day, as epoch ms. */
function sentAt(now: number, daysAgo: number, at: string, timeZone: string): number {
	const day = dayIn(now - daysAgo * DAY, timeZone);
	const [hours, minutes] = at.split(':').map(Number) as [number, number];
	return startOfDayIn(day, timeZone) + (hours * 60 + minutes) * MINUTE;
}

function must<T>(what: string, result: Result<T>): T {
	if (!result.ok) throw new Error(`Demo week: ${what} was refused: ${result.problem.message}`);
	return result.value;
}

/** Runs the deadline monitor at every moment a deadline fell due up to `until`, as the server would have. */
function monitorUntil(db: Db, bus: LiveBus, until: number): void {
	for (;;) {
		const due = db
			.select({ at: min(reports.nextEscalationAt) })
			.from(reports)
			.where(and(eq(reports.status, 'open'), isNotNull(reports.nextEscalationAt), lte(reports.nextEscalationAt, until)))
			.get()?.at;
		if (due === null || due === undefined) return;
		escalateOverdue({ db, now: due, bus });
	}
}

interface Timed {
	at: number;
	story: number;
	step: Step | null;
}

/**
 * Seeds the week into a database with the demo accounts and no reports. Returns how many reports
 * it made (0 when there were reports already).
 */
export async function seedDemoWeek(db: Db, now: number): Promise<number> {
	if (db.select({ id: reports.id }).from(reports).limit(1).get()) return 0;
	const timeZone = clinicTimeZone();
	const created = now - 8 * DAY;
	const patientIds = new Map<PatientKey, string>();
	for (const p of PATIENTS) {
		const made = must(
			`the demo patient ${p.name}`,
			await createPatient(
				db,
				{
					email: `${p.key}@demo.test`,
					password: unusablePassword(),
					name: p.name,
					phone: p.phone,
					dateOfBirth: p.born,
					sex: p.sex
				},
				created
			)
		);
		setLanguage(db, made.id, p.language);
		patientIds.set(p.key, made.id);
	}
	const staff = Object.fromEntries(Object.entries(STAFF).map(([key, email]) => [key, staffUser(db, email)])) as Record<
		StaffKey,
		SessionUser
	>;

	// Every submission and step in time order, across stories: the week as it happened.
	const timeline: Timed[] = [];
	DEMO_WEEK.forEach((story, i) => {
		const at = sentAt(now, story.daysAgo, story.at, timeZone);
		timeline.push({ at, story: i, step: null });
		for (const step of story.steps) timeline.push({ at: at + step.after * MINUTE, story: i, step });
	});
	timeline.sort((a, b) => a.at - b.at || a.story - b.story);
	if (timeline.at(-1)!.at >= now) throw new Error('Demo week: a story ends in the future.');

	const bus = new LiveBus();
	const reportIds: string[] = [];
	const opened = new Set<string>();
	for (const { at, story: i, step } of timeline) {
		monitorUntil(db, bus, at);
		const ctx: Ctx = { db, now: at, bus };
		const story = DEMO_WEEK[i]!;
		if (!step) {
			const patientId = patientIds.get(story.patient)!;
			const input: ReportInput = {
				emergencyScreen: story.emergencyScreen ?? [],
				description: story.text,
				severity: story.severity ?? null,
				durationHours: story.durationHours ?? null,
				contactPreference: 'call'
			};
			reportIds[i] = must(`story ${i + 1}'s report`, submitReport(ctx, patientId, input)).report.id;
			continue;
		}
		const reportId = reportIds[i]!;
		if (step.by === 'patient') {
			must(
				`story ${i + 1}'s update`,
				addPatientUpdate(ctx, patientUser(db, patientIds.get(story.patient)!), reportId, step.text)
			);
			continue;
		}
		const user = staff[step.by];
		// Staff open a report before they act on it: the access log the patient sees.
		if (!opened.has(`${user.id} ${reportId}`)) {
			opened.add(`${user.id} ${reportId}`);
			recordAccess(db, user, reportId, 'queue', at);
		}
		act(ctx, user, reportId, step, `story ${i + 1}`);
	}
	monitorUntil(db, bus, now);
	return reportIds.length;
}

function act(
	ctx: Ctx,
	user: SessionUser,
	reportId: string,
	step: Exclude<Step, { by: 'patient' }>,
	story: string
): void {
	const what = `${story}'s ${step.do} by ${step.by}`;
	switch (step.do) {
		case 'claim':
			must(what, claim(ctx, user, reportId));
			return;
		case 'call':
			must(what, logContactAttempt(ctx, user, reportId, step.contact));
			return;
		case 'escalate':
			must(what, escalate(ctx, user, reportId, step.reason));
			return;
		case 'level': {
			const level = currentLevel(ctx.db, reportId);
			const change = levelRank(step.change.to) - levelRank(level);
			const lowering = step.change.reasonCode !== undefined;
			// The engine may already read it as the clinician would: nothing to correct then.
			if (lowering ? change >= 0 : change <= 0) return;
			must(what, changeLevel(ctx, user, reportId, step.change));
			return;
		}
		case 'close': {
			const closed = must(what, resolve(ctx, user, reportId, step.close));
			if (!closed.closed) throw new Error(`Demo week: ${what}: the outcome text raised the report.`);
			return;
		}
	}
}

function currentLevel(db: Db, reportId: string): TriageLevel {
	return db.select({ level: reports.level }).from(reports).where(eq(reports.id, reportId)).get()!.level;
}
