import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType } from '../../vocabulary';
import { createSession, type SessionUser } from '../auth/session';
import { setLanguage } from '../auth/user';
import type { Db } from '../db';
import { LiveBus } from '../queues/live';
import {
	addNote,
	addPatientUpdate,
	claim,
	logContactAttempt,
	release,
	resolve,
	updateCallback
} from '../reports/actions';
import { testDb } from '../testing/db';
import { context, patient, report, staffMember, T0 } from '../testing/fixtures';
import type { PushLogger } from './dispatch';
import {
	notifiesPatient,
	PATIENT_UPDATE_TTL_SECONDS,
	patientUpdateDelivery,
	patientUpdatePayload,
	startPatientUpdates
} from './patient-updates';
import type { PushOptions, PushSend } from './push';
import { registerDevice, subscriptionsOf } from './subscriptions';

const VAPID = { publicKey: 'test-public', privateKey: 'test-private', subject: 'mailto:alerts@clearline.invalid' };
const SYMPTOMS = 'Sharp pain under my ribs and I coughed up some blood this morning';
const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as PushLogger;

interface Sent {
	endpoint: string;
	payload: string;
	options: PushOptions;
}

function recordingSend(): { send: PushSend; sent: Sent[] } {
	const sent: Sent[] = [];
	const send: PushSend = async (target, payload, options) => {
		sent.push({ endpoint: target.endpoint, payload, options });
		return { statusCode: 201 };
	};
	return { send, sent };
}

function device(db: Db, user: SessionUser, name: string): string {
	const endpoint = `https://fcm.googleapis.com/fcm/send/${name}-${crypto.randomUUID()}`;
	const session = createSession(db, user.id, user.role, T0).session.id;
	const keys = {
		p256dh: crypto.createECDH('prime256v1').generateKeys().toString('base64url'),
		auth: crypto.randomBytes(16).toString('base64url')
	};
	const saved = registerDevice(db, user, session, { endpoint, keys }, T0);
	if (!saved.ok) throw new Error(saved.problem.message);
	return endpoint;
}

async function setUp() {
	const { db } = testDb();
	const bus = new LiveBus();
	const pat = await patient(db);
	const other = await patient(db);
	const nurse = await staffMember(db, 'nurse', 'telehealth', 'Sam Nurse');
	const devices = [device(db, pat, 'phone'), device(db, pat, 'tablet')];
	const otherDevice = device(db, other, 'other');
	const nurseDevice = device(db, nurse, 'nurse');
	const { send, sent } = recordingSend();
	const updates = startPatientUpdates(db, bus, silent, { send, vapid: VAPID });
	let clock = T0;
	const ctx = () => context(db, (clock += 1000), bus);
	const theReport = report(ctx(), pat, SYMPTOMS);
	return { db, bus, pat, other, nurse, devices, otherDevice, nurseDevice, sent, updates, ctx, theReport };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

type Step = (s: Setup) => { ok: boolean };
const claimIt: Step = (s) => claim(s.ctx(), s.nurse, s.theReport.id);
const callIt: Step = (s) => logContactAttempt(s.ctx(), s.nurse, s.theReport.id, { outcome: 'no_answer' });
const reachIt: Step = (s) => logContactAttempt(s.ctx(), s.nurse, s.theReport.id, { outcome: 'reached' });
const closeIt: Step = (s) =>
	resolve(s.ctx(), s.nurse, s.theReport.id, { outcome: 'Advised rest and fluids', disposition: 'advice' });

/** Each event, after the steps it needs (settled and not counted). */
const EVENTS: [string, Step[], Step][] = [
	['claimed', [], claimIt],
	['called (an attempt)', [claimIt], callIt],
	['closed', [claimIt, reachIt], closeIt]
];

describe('patient updates: when', () => {
	it.each(EVENTS)(
		'sends exactly one push to each of the patient’s devices when the report is %s',
		async (_, before, act) => {
			const s = await setUp();
			for (const step of before) expect(step(s).ok).toBe(true);
			await s.updates.settled();
			s.sent.length = 0;
			expect(act(s).ok).toBe(true);
			// Nothing is sent inside the command: only after it returned.
			expect(s.sent).toEqual([]);
			await s.updates.settled();
			expect(s.sent.map((x) => x.endpoint).sort()).toEqual([...s.devices].sort());
		}
	);

	it('tells the patient nothing on submission: they are looking at the receipt', async () => {
		const s = await setUp();
		await s.updates.settled();
		expect(s.sent).toEqual([]);
	});

	it('sends one push per device for each of claim, call attempt and close, taken one at a time', async () => {
		const s = await setUp();
		const steps = [
			() => claim(s.ctx(), s.nurse, s.theReport.id),
			() => logContactAttempt(s.ctx(), s.nurse, s.theReport.id, { outcome: 'voicemail', note: 'Left a message' }),
			() => logContactAttempt(s.ctx(), s.nurse, s.theReport.id, { outcome: 'wrong_number' }),
			() => logContactAttempt(s.ctx(), s.nurse, s.theReport.id, { outcome: 'reached' }),
			() => resolve(s.ctx(), s.nurse, s.theReport.id, { outcome: 'Seen to, no action', disposition: 'no_action' })
		];
		for (const step of steps) {
			s.sent.length = 0;
			expect(step().ok).toBe(true);
			await s.updates.settled();
			expect(s.sent.map((x) => x.endpoint).sort()).toEqual([...s.devices].sort());
		}
	});

	it('never sends to another patient, or to staff, and not for steps the patient need not be woken for', async () => {
		const s = await setUp();
		expect(claim(s.ctx(), s.nurse, s.theReport.id).ok).toBe(true);
		await s.updates.settled();
		s.sent.length = 0;
		expect(addNote(s.ctx(), s.nurse, s.theReport.id, 'Will call after lunch').ok).toBe(true);
		expect(release(s.ctx(), s.nurse, s.theReport.id).ok).toBe(true);
		expect(addPatientUpdate(s.ctx(), s.pat, s.theReport.id, 'Still the same').ok).toBe(true);
		expect(
			updateCallback(s.ctx(), s.pat, s.theReport.id, {
				callbackPhone: '555-222-3333',
				callbackWindow: 'morning',
				cancelled: false
			}).ok
		).toBe(true);
		await s.updates.settled();
		expect(s.sent).toEqual([]);

		expect(claim(s.ctx(), s.nurse, s.theReport.id).ok).toBe(true);
		await s.updates.settled();
		const reached = s.sent.map((x) => x.endpoint);
		expect(reached.sort()).toEqual([...s.devices].sort());
		expect(reached).not.toContain(s.otherDevice);
		expect(reached).not.toContain(s.nurseDevice);
	});

	it('names exactly claim, contact attempt and close as the events a patient is told about', () => {
		const told = EVENT_TYPES.filter((t: EventType) => notifiesPatient(t));
		expect(told.sort()).toEqual(['claimed', 'contact_attempted', 'resolved']);
	});

	it('sends nothing when the patient has no device, and stops when stopped', async () => {
		const s = await setUp();
		s.updates.stop();
		claim(s.ctx(), s.nurse, s.theReport.id);
		await s.updates.settled();
		expect(s.sent).toEqual([]);
		expect(subscriptionsOf(s.db, [s.pat.id])).toHaveLength(2);
	});
});

/** What each of the patient's two devices got when the report was claimed. */
async function onClaim(s: Setup): Promise<Sent[]> {
	claim(s.ctx(), s.nurse, s.theReport.id);
	await s.updates.settled();
	expect(s.sent).toHaveLength(2);
	return s.sent;
}

describe('patient updates: what they say', () => {
	it('carries only the reference, a generic line, the report’s page and a per-report tag; a day’s TTL', async () => {
		const s = await setUp();
		for (const x of await onClaim(s)) {
			expect(JSON.parse(x.payload)).toEqual({
				title: `Update on your report ${s.theReport.reference}`,
				body: 'Open Clearline to see what changed.',
				url: `/reports/${s.theReport.id}`,
				tag: `clearline-report-${s.theReport.id}`,
				audience: 'patient'
			});
			for (const secret of [SYMPTOMS, 'ribs', 'blood', 'Pat Test', 'Sam Nurse', s.pat.email, s.theReport.level]) {
				expect(x.payload).not.toContain(secret);
			}
			expect(x.options).toMatchObject({
				TTL: PATIENT_UPDATE_TTL_SECONDS,
				urgency: 'normal',
				topic: patientUpdateDelivery(s.theReport.id).topic,
				vapidDetails: VAPID
			});
			expect(x.options.TTL).toBe(86_400);
		}
	});

	it('has no health text after a call note or a closing outcome either', async () => {
		const s = await setUp();
		claim(s.ctx(), s.nurse, s.theReport.id);
		logContactAttempt(s.ctx(), s.nurse, s.theReport.id, { outcome: 'reached', note: 'Coughing blood, advised ED' });
		resolve(s.ctx(), s.nurse, s.theReport.id, { outcome: 'Sent to the ED for the blood', disposition: 'ed' });
		await s.updates.settled();
		expect(s.sent.length).toBeGreaterThan(0);
		for (const x of s.sent) {
			expect(x.payload).not.toMatch(/blood|cough|\bED\b|emergency|urgent|advised/i);
		}
	});

	it('speaks the patient’s language', async () => {
		const s = await setUp();
		setLanguage(s.db, s.pat.id, 'es');
		for (const x of await onClaim(s)) {
			expect(JSON.parse(x.payload)).toMatchObject({
				title: `Novedades sobre su reporte ${s.theReport.reference}`,
				body: 'Abra Clearline para ver qué cambió.'
			});
		}
	});

	it('has one text per language, and a topic that reveals neither the id nor the reference', () => {
		const r = { id: crypto.randomUUID(), reference: 'CL-7K3Q-92XD' };
		expect(patientUpdatePayload(r, 'en').title).toBe('Update on your report CL-7K3Q-92XD');
		expect(patientUpdatePayload(r, 'es').title).toBe('Novedades sobre su reporte CL-7K3Q-92XD');
		const { topic } = patientUpdateDelivery(r.id);
		expect(topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
		expect(topic).not.toContain(r.id.slice(0, 8));
		expect(patientUpdateDelivery(crypto.randomUUID()).topic).not.toBe(topic);
	});
});
