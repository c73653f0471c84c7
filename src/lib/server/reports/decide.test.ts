/**
 * `decide` from tables, with no database and no build: every command for every
 * role, level and status, each safety hole of issue 8 as a named case, and the
 * staff page's dry run. The expected answers are written from DESIGN.md's
 * invariants, not from the code.
 */
import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../db/schema';
import type { ProblemCode } from '../problem';
import { TRIAGE_LEVELS, type TriageLevel } from '../../triage/types';
import { ROLES, isClinicalLevel, type Role, type StaffAction } from '../../vocabulary';
import {
	allowedActions,
	decide,
	decideSubmission,
	type Command,
	type CommandUser,
	type Decision,
	type ReportState
} from './decide';
import { applicable, apply, fold } from './projection';

const T0 = Date.UTC(2026, 11, 2, 15, 0); // a Wednesday afternoon
const MIN = 60_000;

const users: Record<Role | 'otherPatient', CommandUser> = {
	patient: { id: 'pat', role: 'patient', name: 'Ruth Patient', staff: null },
	otherPatient: { id: 'pat2', role: 'patient', name: 'Other Patient', staff: null },
	support: {
		id: 'sup',
		role: 'support',
		name: 'Sam Support',
		staff: { channel: 'call_center', credential: 'Support specialist (non-clinical)', team: 'Call center' }
	},
	clinician: {
		id: 'rn',
		role: 'clinician',
		name: 'Nora Nurse',
		staff: { channel: 'telehealth', credential: 'RN', team: 'Telehealth nurse team' }
	},
	admin: {
		id: 'adm',
		role: 'admin',
		name: 'Ada Admin',
		staff: { channel: 'office', credential: 'Administrator (non-clinical)', team: 'Office' }
	}
};

/** A report as submission leaves it: built by folding its own submitted and triaged events. */
function submitted(description: string, over: { emergencyScreen?: ReportRow['emergencyScreen'] } = {}): ReportRow {
	const d = decideSubmission(
		null,
		{ id: 'pat', name: 'Ruth Patient', clinicId: 'clinic', ageYears: 70, sex: 'female' },
		{
			id: 'r1',
			reference: 'CL-TEST-0001',
			followsReportId: null,
			content: {
				description,
				emergencyScreen: over.emergencyScreen ?? [],
				severity: null,
				durationHours: null,
				pregnant: null,
				told: null,
				callbackPhone: '555-010-0001',
				contactPreference: 'call'
			}
		},
		T0
	);
	if (!d.ok) throw new Error(d.problem.message);
	return d.value.report;
}

const ROUTINE_TEXT = 'I need a refill of my blood pressure pills and have a mild sore throat';

function stateOf(report: ReportRow, handlerRole: Role | null = null): ReportState {
	return { report, patient: { ageYears: 70, sex: 'female' }, handlerRole, handlerDisabled: false };
}

/** The same report at any level, status and handler (as if the events to get there had happened). */
function at(level: TriageLevel, status: ReportRow['status'], handler: keyof typeof users | null): ReportState {
	const base = submitted(ROUTINE_TEXT);
	const handlerUser = handler ? users[handler] : null;
	return stateOf(
		{
			...base,
			level,
			autoLevel: level,
			queue: isClinicalLevel(level) ? 'clinician' : 'support',
			status,
			handlerId: handlerUser?.id ?? null
		},
		handlerUser?.role ?? null
	);
}

/** One command of each kind, with input that passes every content rule (a real reason, contact made). */
const COMMANDS: Record<Command['type'], Command> = {
	claim: { type: 'claim' },
	release: { type: 'release' },
	note: { type: 'note', text: 'Called back, she is comfortable at home.' },
	contact: { type: 'contact', outcome: 'reached' },
	escalate: { type: 'escalate', reason: 'Sounds unwell on the phone' },
	change_level: {
		type: 'change_level',
		to: 'emergency',
		reason: 'Spoke with the patient: worse than written, needs care now'
	},
	resolve: { type: 'resolve', outcome: 'Refill sent to the pharmacy.', disposition: 'advice' },
	patient_update: { type: 'patient_update', text: 'The sore throat is still there.' },
	request_clinician: { type: 'request_clinician' },
	callback: { type: 'callback', callbackWindow: 'evening' },
	deadline_check: { type: 'deadline_check' },
	release_disabled: { type: 'release_disabled' }
};

type Expected = 'events' | 'nothing' | ProblemCode;

/**
 * What DESIGN.md says each command gets, as a table: who may act on what (invariants 1, 5, 9), and
 * what a closed report allows (nothing but a patient's words, which open a new report).
 */
function expected(
	command: Command['type'],
	role: keyof typeof users,
	level: TriageLevel,
	status: ReportRow['status'],
	handler: keyof typeof users | null
): Expected {
	const staff = role === 'clinician' || role === 'support';
	const works = role === 'clinician' || (role === 'support' && !isClinicalLevel(level));
	const mine = handler === role;
	const closed = status === 'resolved';
	const own = role === 'patient';
	switch (command) {
		case 'claim':
			if (closed) return 'invalid_state';
			if (!works) return 'forbidden';
			if (mine) return 'nothing';
			return handler ? 'invalid_state' : 'events';
		case 'release':
			if (status !== 'claimed') return 'invalid_state';
			return mine ? 'events' : 'forbidden';
		case 'note':
			if (!staff) return 'forbidden';
			return closed ? 'invalid_state' : 'events';
		case 'contact':
			if (!works) return 'forbidden';
			return closed ? 'invalid_state' : 'events';
		case 'escalate':
			if (!staff) return 'forbidden';
			if (closed) return 'invalid_state';
			return isClinicalLevel(level) ? 'invalid_state' : 'events';
		case 'change_level':
			if (role !== 'clinician') return 'forbidden';
			if (closed) return 'invalid_state';
			return level === 'emergency' ? 'invalid_state' : 'events';
		case 'resolve':
			if (!works) return 'forbidden';
			if (closed) return 'invalid_state';
			if (!mine) return 'invalid_state';
			return 'events';
		case 'patient_update':
			if (!own) return 'forbidden';
			return closed ? 'nothing' : 'events'; // closed: a follow-up report is opened instead
		case 'request_clinician':
			if (!own) return 'forbidden';
			if (closed) return 'invalid_state';
			return isClinicalLevel(level) ? 'nothing' : 'events';
		case 'callback':
			if (!own) return 'forbidden';
			return closed ? 'invalid_state' : 'events';
		case 'deadline_check':
		case 'release_disabled':
			return 'forbidden'; // the system's commands: no user may give them
	}
}

const outcome = (d: Decision): Expected => (d.ok ? (d.value.events.length > 0 ? 'events' : 'nothing') : d.problem.code);

describe('decide: every command × role × level × status', () => {
	const situations: [ReportRow['status'], keyof typeof users | null][] = [
		['open', null],
		['claimed', 'clinician'],
		['claimed', 'support'],
		['resolved', 'clinician']
	];
	for (const command of Object.keys(COMMANDS) as Command['type'][]) {
		describe(command, () => {
			for (const role of [...ROLES, 'otherPatient'] as const) {
				for (const level of TRIAGE_LEVELS) {
					for (const [status, handler] of situations) {
						// Support never holds urgent care (invariant 1): that situation cannot arise.
						if (handler === 'support' && isClinicalLevel(level)) continue;
						const name = `${role} · ${level} · ${status}${handler ? ` by ${handler}` : ''}`;
						it(name, () => {
							const state = at(level, status, handler);
							// Resolving urgent care needs contact (tested below): here the patient was reached.
							if (command === 'resolve') state.report = { ...state.report, contactReached: true };
							const want =
								role === 'otherPatient'
									? ['patient_update', 'request_clinician', 'callback'].includes(command)
										? 'forbidden'
										: expected(command, 'patient', level, status, handler)
									: expected(command, role, level, status, handler);
							expect(outcome(decide(state, users[role], COMMANDS[command], T0 + MIN))).toBe(want);
						});
					}
				}
			}
		});
	}
});

describe('decide: the ways around the rules found by trying (issue 8), each closed', () => {
	const nurse = users.clinician;
	const support = users.support;
	const patient = users.patient;
	const run = (state: ReportState, user: CommandUser | null, command: Command, now = T0 + MIN) => {
		const d = decide(state, user, command, now);
		if (!d.ok) throw new Error(`${command.type} refused: ${d.problem.message}`);
		return d.value;
	};
	const types = (d: { events: { type: string }[] }) => d.events.map((e) => e.type);

	it('hole 1: after a clinician lowers an urgent report, new urgent text raises it again', () => {
		const urgent = submitted('sudden pain in my ribs and I am short of breath');
		expect(urgent.level).toMatch(/urgent|emergency/);
		const lowered = run(stateOf({ ...urgent, contactReached: true }), nurse, {
			type: 'change_level',
			to: 'routine',
			reasonCode: 'assessed_by_phone',
			reason: 'Spoke with the patient: pulled a muscle lifting boxes, breathing normally'
		}).report;
		expect(lowered.level).toBe('routine');
		// Words that add nothing urgent do not undo the clinician's reading…
		expect(
			types(run(stateOf(lowered), patient, { type: 'patient_update', text: 'thank you, I am resting as you said' }))
		).toEqual(['patient_update']);
		// …a new urgent finding does, and support can then neither claim nor close it.
		const risen = run(stateOf(lowered), patient, {
			type: 'patient_update',
			text: 'now my left calf is swollen, red and painful'
		});
		expect(types(risen)).toEqual(['patient_update', 'level_changed']);
		expect(risen.report.level).toMatch(/urgent|emergency/);
		expect(outcome(decide(stateOf(risen.report), support, { type: 'claim' }, T0 + 2 * MIN))).toBe('forbidden');
	});

	it('hole 2: a closing outcome is triaged; one that reads urgent raises the report and does not close it', () => {
		const claimed = run(stateOf(submitted(ROUTINE_TEXT)), support, { type: 'claim' }).report;
		const d = run(stateOf(claimed, 'support'), support, {
			type: 'resolve',
			outcome: 'patient now has stomach pain and blood in her stool',
			disposition: 'advice'
		});
		expect(d.closed).toBe(false);
		expect(types(d)).toEqual(['note_added', 'level_changed', 'released']);
		expect(d.report).toMatchObject({ status: 'open', handlerId: null, queue: 'clinician' });
		expect(d.events[0]).toMatchObject({ type: 'note_added', data: { closing: true } });
	});

	it('hole 3: only contact since the last rise counts, and a wrong number is not contact', () => {
		let r = run(stateOf(submitted(ROUTINE_TEXT)), support, { type: 'claim' }).report;
		for (let i = 0; i < 3; i++)
			r = run(stateOf(r, 'support'), support, {
				type: 'contact',
				outcome: 'no_answer',
				emergencyAdviceLeft: true
			}).report;
		expect(r.failedAttempts).toBe(3);
		r = run(stateOf(r, 'support'), patient, { type: 'patient_update', text: 'I am vomiting blood' }).report;
		expect(r).toMatchObject({ queue: 'clinician', failedAttempts: 0, handlerId: null });
		r = run(stateOf(r), nurse, { type: 'claim' }).report;
		for (let i = 0; i < 3; i++)
			r = run(stateOf(r, 'clinician'), nurse, {
				type: 'contact',
				outcome: 'wrong_number',
				emergencyAdviceLeft: true
			}).report;
		const close: Command = { type: 'resolve', outcome: 'Advice left.', disposition: 'advice' };
		expect(outcome(decide(stateOf(r, 'clinician'), nurse, close, T0 + MIN))).toBe('rule_violation');
		for (let i = 0; i < 3; i++)
			r = run(stateOf(r, 'clinician'), nurse, {
				type: 'contact',
				outcome: 'voicemail',
				emergencyAdviceLeft: true
			}).report;
		expect(outcome(decide(stateOf(r, 'clinician'), nurse, close, T0 + MIN))).toBe('events');
	});

	it('hole 4: clinical text on a closed report opens a follow-up; admin text is told what to do', () => {
		const closed = { ...submitted(ROUTINE_TEXT), status: 'resolved' as const };
		const d = run(stateOf(closed), patient, {
			type: 'patient_update',
			text: 'crushing chest pain and I cannot breathe'
		});
		expect(d.followUp).toEqual({ text: 'crushing chest pain and I cannot breathe' });
		// Words triage finds nothing in still reach someone: when in doubt, a person reads them.
		for (const text of ["it's getting worse", 'help', 'still the same', 'thank you']) {
			const d = decide(stateOf(closed), patient, { type: 'patient_update', text }, T0);
			expect(d.ok && d.value.followUp).toEqual({ text });
		}
		const admin = decide(
			stateOf(closed),
			patient,
			{ type: 'patient_update', text: 'Can I change my appointment time?' },
			T0
		);
		expect(admin.ok ? 'opened a report' : admin.problem.message).toMatch(/closed.*call 911/);
	});

	it('hole 3: failed calls to an old number do not count once the patient gives a new one', () => {
		let r = run(stateOf(submitted('crushing chest pain')), nurse, { type: 'claim' }).report;
		expect(r.level).toBe('emergency');
		for (let i = 0; i < 3; i++)
			r = run(stateOf(r, 'clinician'), nurse, {
				type: 'contact',
				outcome: 'no_answer',
				emergencyAdviceLeft: true
			}).report;
		const close: Command = { type: 'resolve', outcome: 'Advice left three times.', disposition: 'advice' };
		expect(outcome(decide(stateOf(r, 'clinician'), nurse, close, T0 + MIN))).toBe('events');
		r = run(stateOf(r, 'clinician'), patient, { type: 'callback', callbackPhone: '555-010-0999' }).report;
		expect(r).toMatchObject({ failedAttempts: 0, emergencyAdviceLeft: false });
		expect(outcome(decide(stateOf(r, 'clinician'), nurse, close, T0 + MIN))).toBe('rule_violation');
	});

	it('a call by someone who did not claim the report, or to a wrong number, never silences the ladder', () => {
		const open = at('urgent', 'open', null);
		for (const outcome of ['wrong_number', 'no_answer', 'reached'] as const) {
			const d = run(open, nurse, { type: 'contact', outcome });
			expect(d.report.nextEscalationAt).toBe(open.report.nextEscalationAt);
		}
		expect(run(open, nurse, { type: 'contact', outcome: 'wrong_number' }).report.acknowledgedAt).toBeNull();
		expect(run(open, nurse, { type: 'contact', outcome: 'no_answer' }).report.acknowledgedAt).toBe(T0 + MIN);
	});

	it('hole 5: the same id with different words is a conflict; the same words are the same report', () => {
		const existing = submitted(ROUTINE_TEXT);
		const patientFacts = { id: 'pat', name: 'Ruth Patient', clinicId: 'clinic', ageYears: 70, sex: 'female' as const };
		const content = {
			description: ROUTINE_TEXT,
			emergencyScreen: [],
			severity: null,
			durationHours: null,
			pregnant: null,
			told: null,
			callbackPhone: '555-010-0001',
			contactPreference: 'call' as const
		};
		const again = (description: string, who = patientFacts) =>
			decideSubmission(
				existing,
				who,
				{ id: 'r1', reference: 'CL-OTHER', followsReportId: null, content: { ...content, description } },
				T0
			);
		expect(outcome(again(ROUTINE_TEXT))).toBe('nothing');
		expect(outcome(again('crushing chest pain'))).toBe('id_conflict');
		expect(outcome(again(ROUTINE_TEXT, { ...patientFacts, id: 'pat2' }))).toBe('id_conflict');
	});

	it('hole 6: lowering needs a coded reason in real words, and a ticked checklist is never admin', () => {
		const ticked = stateOf(submitted('help', { emergencyScreen: ['chest_pain'] }));
		const lower = (to: TriageLevel, reason: string, reasonCode?: 'assessed_by_phone') =>
			outcome(decide(ticked, nurse, { type: 'change_level', to, reason, reasonCode }, T0 + MIN));
		expect(lower('routine', 'x'.repeat(24), 'assessed_by_phone')).toBe('rule_violation');
		expect(lower('routine', 'Spoke with her: indigestion after a big meal, settled')).toBe('rule_violation');
		expect(lower('admin', 'Spoke with her: indigestion after a big meal, settled', 'assessed_by_phone')).toBe(
			'rule_violation'
		);
	});

	it('hole 7: the page offers what decide allows, and patient commands come only from the patient', () => {
		const urgent = at('urgent', 'open', null);
		expect(allowedActions(urgent, support, T0)).toEqual(['note']);
		expect(allowedActions(urgent, nurse, T0)).toEqual(['claim', 'note', 'contact', 'level']);
		expect(allowedActions(at('routine', 'claimed', 'support'), support, T0)).toEqual([
			'release',
			'note',
			'contact',
			'escalate',
			'resolve'
		]);
		expect(allowedActions(urgent, users.admin, T0)).toEqual([]);
		expect(outcome(decide(urgent, nurse, { type: 'patient_update', text: 'x' }, T0))).toBe('forbidden');
		const update = run(at('routine', 'open', null), patient, { type: 'patient_update', text: 'still sore' });
		expect(update.events[0]!.actor).toMatchObject({ id: 'pat', role: 'patient' });
	});
});

describe('allowedActions: the dry run answers as decide itself would', () => {
	it('for every staff role, level and status, with text actually triaged', () => {
		const probes: [StaffAction, Command][] = [
			['claim', { type: 'claim' }],
			['release', { type: 'release' }],
			['note', { type: 'note', text: 'now she has crushing chest pain' }],
			['contact', { type: 'contact', outcome: 'no_answer', note: 'blood in her stool now' }],
			['escalate', { type: 'escalate', reason: 'unsure' }],
			['level', { type: 'change_level', to: 'emergency', reason: '' }],
			['resolve', { type: 'resolve', outcome: 'she cannot breathe', disposition: 'ed' }]
		];
		for (const role of ['support', 'clinician', 'admin'] as const)
			for (const level of TRIAGE_LEVELS)
				for (const [status, handler] of [
					['open', null],
					['claimed', 'clinician'],
					['claimed', 'support'],
					['resolved', 'clinician']
				] as const) {
					const state = at(level, status, handler);
					const full = probes
						.filter(([action, command]) => {
							const c = action === 'level' && level === 'emergency' ? { ...command, to: 'urgent' as const } : command;
							const d = decide(state, users[role], c, T0);
							return d.ok ? d.value.events.length > 0 : d.problem.code === 'rule_violation';
						})
						.map(([action]) => action);
					expect(allowedActions(state, users[role], T0), `${role} ${level} ${status} ${handler}`).toEqual(full);
				}
	});
});

describe('decide: a disabled account', () => {
	it('has its held report released back to the queue by the system, and nothing else', () => {
		const held = { ...at('urgent', 'claimed', 'clinician'), handlerDisabled: true };
		const d = decide(held, null, { type: 'release_disabled' }, T0 + MIN);
		expect(d.ok && d.value.events.map((e) => [e.type, e.actor.name])).toEqual([
			['released', 'Clearline account administration']
		]);
		expect(d.ok && d.value.report).toMatchObject({ status: 'open', handlerId: null, escalationStep: 0 });
		expect(outcome(decide(at('urgent', 'claimed', 'clinician'), null, { type: 'release_disabled' }, T0))).toBe(
			'nothing'
		);
	});
});

describe('decide: the escalation ladder', () => {
	it('climbs one rung when the next is due and nobody acknowledged, and never for a claimed report', () => {
		const s = at('urgent', 'open', null);
		const due = s.report.nextEscalationAt!;
		expect(outcome(decide(s, null, { type: 'deadline_check' }, due - 1))).toBe('nothing');
		const first = decide(s, null, { type: 'deadline_check' }, due);
		expect(first.ok && first.value.events[0]).toMatchObject({
			type: 'deadline_missed',
			data: { step: 1, alerted: 'on_duty_clinicians' }
		});
		const r1 = first.ok ? first.value.report : s.report;
		const second = decide(stateOf(r1), null, { type: 'deadline_check' }, r1.nextEscalationAt!);
		expect(second.ok && second.value.report).toMatchObject({ escalationStep: 2, nextEscalationAt: null });
		expect(outcome(decide(at('urgent', 'claimed', 'clinician'), null, { type: 'deadline_check' }, due))).toBe(
			'nothing'
		);
	});
});

describe('apply', () => {
	it('is the fold: a decision’s report is its events applied to the state it started from', () => {
		const start = at('routine', 'open', null);
		const d = decide(start, users.patient, { type: 'patient_update', text: 'I am vomiting blood' }, T0 + MIN);
		if (!d.ok) throw new Error(d.problem.message);
		let s: ReportRow = start.report;
		for (const e of d.value.events) s = apply(s, applicable(e));
		expect(s).toEqual(d.value.report);
	});

	it('refuses a history that does not start with a whole submission', () => {
		expect(() => fold([{ type: 'claimed', data: {}, reportId: 'r', at: T0, actorId: 'rn' }])).toThrow(
			/before it was submitted/
		);
	});
});
