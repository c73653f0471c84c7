import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setOnDuty } from '../auth/staff';
import { createSession, type SessionUser } from '../auth/session';
import { createPatient, createStaff } from '../auth/user';
import { pushSubscriptions, reports } from '../db/schema';
import { ensureClinic } from '../db/seed';
import { escalateOverdue } from '../queues/deadlines';
import { LiveBus, type LiveEvent } from '../queues/live';
import { changeLevel, claim, escalate, requestClinician } from '../reports/actions';
import type { Ctx } from '../reports/context';
import { submitReport } from '../reports/submit';
import { testDb } from '../testing/db';
import { ALERT_PAYLOADS, alertFor, startPushAlerts, type AlertLogger } from './alerts';
import type { PushOptions, PushSend, PushTarget } from './push';
import { saveSubscription } from './subscriptions';

const T0 = Date.UTC(2026, 2, 2, 15); // a Monday afternoon
const VAPID = { publicKey: 'test-public', privateKey: 'test-private', subject: 'mailto:alerts@clearline.invalid' };
const SECRET_TEXT = 'crushing chest pain spreading to my left arm since breakfast';
const PATIENT_NAME = 'Wilhelmina Quarterfield';

interface Sent {
	endpoint: string;
	payload: string;
	options: PushOptions;
}

function recordingSend(fail?: (target: PushTarget) => unknown): { send: PushSend; sent: Sent[] } {
	const sent: Sent[] = [];
	const send: PushSend = async (target, payload, options) => {
		sent.push({ endpoint: target.endpoint, payload, options });
		const error = fail?.(target);
		if (error) throw error;
		return { statusCode: 201 };
	};
	return { send, sent };
}

function recordingLogger(): AlertLogger & { lines: string[] } {
	const lines: string[] = [];
	const write = (...args: unknown[]) => void lines.push(JSON.stringify(args));
	return { lines, info: write, warn: write, error: write } as unknown as AlertLogger & { lines: string[] };
}

const staffUser = (id: string, role: 'clinician' | 'support' | 'admin', name: string): SessionUser => ({
	id,
	email: `${id}@example.test`,
	name,
	role,
	staff: { channel: 'telehealth', credential: role === 'clinician' ? 'RN' : 'Support', team: 'Team', onDuty: true },
	mustChangePassword: false
});

async function clinic() {
	const { db } = testDb();
	ensureClinic(db, T0, 'Test clinic', '555-0100');
	const password = 'long-enough-password';
	const make = async (kind: 'nurse' | 'doctor' | 'support' | 'admin', name: string) => {
		const r = await createStaff(
			db,
			{ email: `${crypto.randomUUID()}@example.test`, password, name, kind, channel: 'telehealth' },
			T0
		);
		if (!r.ok) throw new Error(r.problem.message);
		return r.value.id;
	};
	const patient = await createPatient(
		db,
		{
			email: `${crypto.randomUUID()}@example.test`,
			password,
			name: PATIENT_NAME,
			phone: '555-123-4567',
			dateOfBirth: '1950-01-01'
		},
		T0
	);
	if (!patient.ok) throw new Error(patient.problem.message);
	const ids = {
		patient: patient.value.id,
		nurse: await make('nurse', 'Sam Nurse'),
		doctorOffDuty: await make('doctor', 'Off Duty Doctor'),
		support: await make('support', 'Alex Support'),
		admin: await make('admin', 'Jordan Admin')
	};
	setOnDuty(db, ids.doctorOffDuty, false);
	// One device each, the nurse two.
	const endpoints: Record<string, string[]> = {};
	const device = (who: keyof typeof ids, n: number) => {
		const endpoint = `https://push.example.com/send/${who}-${n}-${crypto.randomUUID()}`;
		const session = createSession(db, ids[who], who === 'patient' ? 'patient' : 'clinician', T0).session.id;
		saveSubscription(
			db,
			ids[who],
			session,
			{ endpoint, keys: { p256dh: 'BP'.padEnd(87, 'A'), auth: 'A'.repeat(22) } },
			T0
		);
		(endpoints[who] ??= []).push(endpoint);
	};
	device('nurse', 1);
	device('nurse', 2);
	device('doctorOffDuty', 1);
	device('support', 1);
	device('admin', 1);
	device('patient', 1);
	const bus = new LiveBus();
	const ctx = (now = T0): Ctx => ({ db, now, bus });
	const patientUser: SessionUser = {
		id: ids.patient,
		email: 'p@example.test',
		name: PATIENT_NAME,
		role: 'patient',
		staff: null,
		mustChangePassword: false
	};
	return { db, bus, ctx, ids, endpoints, patientUser };
}

const submit = (
	c: Awaited<ReturnType<typeof clinic>>,
	description: string,
	emergencyScreen: string[] = [],
	now = T0
) => {
	const r = submitReport(c.ctx(now), c.ids.patient, {
		emergencyScreen: emergencyScreen as never,
		description,
		contactPreference: 'call'
	});
	if (!r.ok) throw new Error(r.problem.message);
	return r.value.report;
};

const ADMIN_REQUEST = 'Please send me a copy of my vaccination record for my new job';

describe('push alerts: who is alerted', () => {
	it('alerts every device of on-duty clinicians for an emergency report, and nobody else', async () => {
		const c = await clinic();
		const { send, sent } = recordingSend();
		const alerts = startPushAlerts(c.db, c.bus, recordingLogger(), { send, vapid: VAPID });
		const report = submit(c, SECRET_TEXT, ['chest_pain']);
		expect(report.level).toBe('emergency');
		await alerts.settled();
		expect(sent.map((s) => s.endpoint).sort()).toEqual([...c.endpoints.nurse!].sort());
		expect(sent.every((s) => JSON.parse(s.payload).title === 'Emergency report waiting')).toBe(true);
	});

	it('sends nothing for a routine or admin report', async () => {
		const c = await clinic();
		const { send, sent } = recordingSend();
		const alerts = startPushAlerts(c.db, c.bus, recordingLogger(), { send, vapid: VAPID });
		const report = submit(c, ADMIN_REQUEST);
		expect(['routine', 'admin']).toContain(report.level);
		await alerts.settled();
		expect(sent).toEqual([]);
	});

	it('alerts clinicians when a patient asks for one, and when support escalates', async () => {
		const c = await clinic();
		const { send, sent } = recordingSend();
		const alerts = startPushAlerts(c.db, c.bus, recordingLogger(), { send, vapid: VAPID });
		const first = submit(c, ADMIN_REQUEST);
		expect(requestClinician(c.ctx(T0 + 1000), c.patientUser, first.id).ok).toBe(true);
		await alerts.settled();
		expect(sent.map((s) => s.endpoint).sort()).toEqual([...c.endpoints.nurse!].sort());
		expect(JSON.parse(sent[0]!.payload).title).toBe('Urgent report waiting');

		sent.length = 0;
		const second = submit(c, ADMIN_REQUEST);
		expect(
			escalate(
				c.ctx(T0 + 2000),
				staffUser(c.ids.support, 'support', 'Alex Support'),
				second.id,
				'Sounds worse on the phone'
			).ok
		).toBe(true);
		await alerts.settled();
		expect(sent.map((s) => s.endpoint).sort()).toEqual([...c.endpoints.nurse!].sort());
	});

	it('alerts when a clinician raises a level, not when one lowers it or already holds the report', async () => {
		const c = await clinic();
		const { send, sent } = recordingSend();
		const alerts = startPushAlerts(c.db, c.bus, recordingLogger(), { send, vapid: VAPID });
		const nurse = staffUser(c.ids.nurse, 'clinician', 'Sam Nurse');
		const report = submit(c, ADMIN_REQUEST);
		expect(
			changeLevel(c.ctx(T0 + 1000), nurse, report.id, { to: 'emergency', reason: 'Called back: sounds like sepsis' }).ok
		).toBe(true);
		await alerts.settled();
		expect(sent).toHaveLength(2);

		sent.length = 0;
		expect(
			changeLevel(c.ctx(T0 + 2000), nurse, report.id, {
				to: 'urgent',
				reason: 'Spoke to the patient again; stable, no red flags now',
				reasonCode: 'assessed_by_phone'
			}).ok
		).toBe(true);
		await alerts.settled();
		expect(sent).toEqual([]);

		expect(claim(c.ctx(T0 + 3000), nurse, report.id).ok).toBe(true);
		expect(changeLevel(c.ctx(T0 + 4000), nurse, report.id, { to: 'emergency', reason: 'Worse on the call' }).ok).toBe(
			true
		);
		await alerts.settled();
		expect(sent).toEqual([]);
	});

	it('follows the escalation ladder: step 1 on-duty clinicians, step 2 also admins (the clinical lead)', async () => {
		const c = await clinic();
		const { send, sent } = recordingSend();
		const alerts = startPushAlerts(c.db, c.bus, recordingLogger(), { send, vapid: VAPID });
		const report = submit(c, SECRET_TEXT, ['chest_pain']);
		await alerts.settled();
		sent.length = 0;

		expect(escalateOverdue(c.ctx(report.respondBy + 1))).toHaveLength(1);
		await alerts.settled();
		expect(sent.map((s) => s.endpoint).sort()).toEqual([...c.endpoints.nurse!].sort());
		expect(sent.every((s) => JSON.parse(s.payload).title === 'Report past its deadline')).toBe(true);

		sent.length = 0;
		const step2At = c.db.select().from(reports).where(eq(reports.id, report.id)).get()!.nextEscalationAt!;
		expect(escalateOverdue(c.ctx(step2At + 1))).toHaveLength(1);
		await alerts.settled();
		expect(sent.map((s) => s.endpoint).sort()).toEqual([...c.endpoints.nurse!, ...c.endpoints.admin!].sort());
		// Never support staff, never the patient, never an off-duty clinician.
		const never = [...c.endpoints.support!, ...c.endpoints.patient!, ...c.endpoints.doctorOffDuty!];
		expect(sent.filter((s) => never.includes(s.endpoint))).toEqual([]);
	});

	it('sends each device one alert per burst: the most pressing one', async () => {
		const c = await clinic();
		const { send, sent } = recordingSend();
		const alerts = startPushAlerts(c.db, c.bus, recordingLogger(), { send, vapid: VAPID });
		submit(c, ADMIN_REQUEST);
		const urgent = submit(c, ADMIN_REQUEST);
		requestClinician(c.ctx(), c.patientUser, urgent.id);
		submit(c, SECRET_TEXT, ['chest_pain']);
		await alerts.settled();
		expect(sent).toHaveLength(2);
		expect(sent.every((s) => JSON.parse(s.payload).title === 'Emergency report waiting')).toBe(true);
	});
});

describe('push alerts: what they say', () => {
	it('carries exactly the fixed payload, high urgency and a short TTL; no text, name, reference or id', async () => {
		const c = await clinic();
		const { send, sent } = recordingSend();
		const alerts = startPushAlerts(c.db, c.bus, recordingLogger(), { send, vapid: VAPID });
		const first = submit(c, ADMIN_REQUEST);
		requestClinician(c.ctx(), c.patientUser, first.id);
		await alerts.settled();
		expect(sent.length).toBeGreaterThan(0);
		for (const s of sent) {
			expect(s.payload).toBe(
				'{"title":"Urgent report waiting","body":"Open Clearline to see it.","url":"/queue/clinician","tag":"clearline-urgent","audience":"staff"}'
			);
			expect(s.options).toMatchObject({ TTL: 300, urgency: 'high', vapidDetails: VAPID });
		}

		sent.length = 0;
		const report = submit(c, SECRET_TEXT, ['chest_pain']);
		await alerts.settled();
		expect(sent.length).toBeGreaterThan(0);
		for (const s of sent) {
			expect(JSON.parse(s.payload)).toEqual({
				title: 'Emergency report waiting',
				body: 'Open Clearline to see it.',
				url: '/queue/clinician',
				tag: 'clearline-urgent',
				audience: 'staff'
			});
			for (const secret of [
				SECRET_TEXT,
				'chest',
				PATIENT_NAME,
				'Wilhelmina',
				report.reference,
				report.id,
				c.ids.patient
			]) {
				expect(s.payload).not.toContain(secret);
			}
		}
	});

	it('has fixed texts only, every one pointing at the clinician queue', () => {
		for (const payload of Object.values(ALERT_PAYLOADS)) {
			expect(Object.keys(payload)).toEqual(['title', 'body', 'url', 'tag', 'audience']);
			expect(payload.audience).toBe('staff');
			expect(payload.url).toBe('/queue/clinician');
			expect(payload.tag).toBe('clearline-urgent');
			expect(payload.body).toBe('Open Clearline to see it.');
		}
	});
});

describe('push alerts: failures', () => {
	it('deletes a subscription the push service says is gone (404/410) and keeps others', async () => {
		const c = await clinic();
		const [gone, missing] = c.endpoints.nurse!;
		const { send } = recordingSend((t) =>
			t.endpoint === gone
				? Object.assign(new Error('Received unexpected response code'), { statusCode: 410, endpoint: t.endpoint })
				: t.endpoint === missing
					? { statusCode: 404 }
					: null
		);
		c.db
			.insert(pushSubscriptions)
			.values({
				endpoint: 'https://push.example.com/send/other',
				userId: c.ids.nurse,
				p256dh: 'x',
				auth: 'y',
				createdAt: T0
			})
			.run();
		const alerts = startPushAlerts(c.db, c.bus, recordingLogger(), { send, vapid: VAPID });
		submit(c, SECRET_TEXT, ['chest_pain']);
		await alerts.settled();
		const left = c.db
			.select()
			.from(pushSubscriptions)
			.where(eq(pushSubscriptions.userId, c.ids.nurse))
			.all()
			.map((s) => s.endpoint);
		expect(left).toEqual(['https://push.example.com/send/other']);
	});

	it('keeps the subscription on other errors and logs neither the endpoint nor the payload', async () => {
		const c = await clinic();
		const logger = recordingLogger();
		const { send, sent } = recordingSend((t) =>
			Object.assign(new Error(`boom ${t.endpoint}`), { statusCode: 500, endpoint: t.endpoint, body: 'server says no' })
		);
		const alerts = startPushAlerts(c.db, c.bus, logger, { send, vapid: VAPID });
		submit(c, SECRET_TEXT, ['chest_pain']);
		await alerts.settled();
		expect(sent).toHaveLength(2);
		expect(c.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, c.ids.nurse)).all()).toHaveLength(
			2
		);
		const logged = logger.lines.join('\n');
		expect(logged).toContain('push.example.com');
		expect(logged).toContain('500');
		for (const endpoint of c.endpoints.nurse!) expect(logged).not.toContain(endpoint);
		expect(logged).not.toContain('/send/');
		expect(logged).not.toContain('report waiting');
		expect(logged).not.toContain(SECRET_TEXT);
	});

	it('never throws into the command or blocks it: sending starts after the command returned', async () => {
		const c = await clinic();
		let calls = 0;
		const send: PushSend = () => {
			calls++;
			throw new Error('synchronous failure in the transport');
		};
		const logger = recordingLogger();
		const alerts = startPushAlerts(c.db, c.bus, logger, { send, vapid: VAPID });
		const report = submit(c, SECRET_TEXT, ['chest_pain']);
		expect(report.level).toBe('emergency');
		expect(calls).toBe(0);
		await alerts.settled();
		expect(calls).toBe(2);
		expect(logger.lines.join('\n')).toMatch(/push alert failed/);
	});

	it('survives a broken database lookup while alerting, and stops listening when stopped', async () => {
		const c = await clinic();
		const { send, sent } = recordingSend();
		const logger = recordingLogger();
		const alerts = startPushAlerts(c.db, c.bus, logger, { send, vapid: VAPID });
		const bogus: LiveEvent = {
			seq: -1,
			type: 'deadline_missed',
			reportId: 'nope',
			patientId: 'nope',
			handlerId: null,
			queue: 'clinician',
			level: 'urgent',
			status: 'open',
			at: T0
		};
		expect(() => c.bus.publish(bogus)).not.toThrow();
		await alerts.settled();
		expect(sent).toHaveLength(2); // an unknown event's step defaults to the first rung
		alerts.stop();
		submit(c, SECRET_TEXT, ['chest_pain']);
		await alerts.settled();
		expect(sent).toHaveLength(2);
	});
});

describe('alertFor', () => {
	const base: LiveEvent = {
		seq: 1,
		type: 'triaged',
		reportId: 'r',
		patientId: 'p',
		handlerId: null,
		queue: 'clinician',
		level: 'urgent',
		status: 'open',
		at: T0
	};
	const none = () => null;

	it.each([
		['triaged', 'urgent', 'open', 'urgent'],
		['triaged', 'emergency', 'open', 'emergency'],
		['triaged', 'routine', 'open', null],
		['triaged', 'admin', 'open', null],
		['escalated', 'urgent', 'open', 'urgent'],
		['clinician_requested', 'urgent', 'open', 'urgent'],
		['level_changed', 'emergency', 'open', 'emergency'],
		['level_changed', 'urgent', 'claimed', null],
		['escalated', 'urgent', 'resolved', null],
		['submitted', 'emergency', 'open', null],
		['patient_update', 'emergency', 'open', null],
		['note_added', 'emergency', 'open', null],
		['claimed', 'emergency', 'claimed', null],
		['resolved', 'emergency', 'resolved', null]
	] as const)('%s at %s while %s → %s', (type, level, status, kind) => {
		expect(alertFor({ ...base, type, level, status }, none)?.kind ?? null).toBe(kind);
	});

	it('reads the ladder step of a missed deadline', () => {
		const missed = { ...base, type: 'deadline_missed' as const, level: 'routine' as const, queue: 'support' as const };
		const step = (n: number) => () =>
			({
				type: 'deadline_missed',
				data: { step: n, alerted: n <= 1 ? 'on_duty_clinicians' : 'clinical_lead', respondBy: 0 }
			}) as const;
		expect(alertFor(missed, step(1))).toEqual({ kind: 'deadline', includeLead: false });
		expect(alertFor(missed, step(2))).toEqual({ kind: 'deadline', includeLead: true });
	});
});
