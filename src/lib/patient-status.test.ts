import { describe, expect, it } from 'vitest';
import { patientStatus, type PatientStatusInput } from './patient-status';

const base: PatientStatusInput = {
	status: 'open',
	level: 'urgent',
	overdue: false,
	escalationStep: 0,
	callbackCancelled: false,
	callbackPhone: '555-210-4321',
	contact: { reached: false, failedAttempts: 0 },
	handler: null,
	respondBy: 'Wed 3:15 PM',
	outcome: null,
	clinic: { name: 'Riverside Family Medicine', phone: '555-0100' }
};
const nurse = { line: 'Sam Lee, RN · Telehealth nurse team', firstName: 'Sam', clinical: true };

describe('what the patient is told first, for every state', () => {
	it.each<[string, Partial<PatientStatusInput>, RegExp]>([
		['urgent, waiting', {}, /^A nurse or doctor will call you by Wed 3:15 PM$/],
		['routine, waiting', { level: 'routine' }, /^Your care team will reply by Wed 3:15 PM$/],
		['admin, waiting', { level: 'admin' }, /^The support team will reply by /],
		['emergency', { level: 'emergency' }, /^The nurses and doctors have been alerted$/],
		['overdue', { overdue: true }, /^We are sorry for the wait$/],
		['escalated', { escalationStep: 1 }, /^We are sorry for the wait$/],
		['picked up', { status: 'claimed', handler: nurse }, /^A nurse or doctor has your report$/],
		[
			'picked up by support',
			{ status: 'claimed', level: 'routine', handler: { ...nurse, clinical: false } },
			/^Our support team has your report$/
		],
		[
			'called, missed',
			{ status: 'claimed', handler: nurse, contact: { reached: false, failedAttempts: 2 } },
			/^We tried to call you$/
		],
		[
			'reached',
			{ status: 'claimed', handler: nurse, contact: { reached: true, failedAttempts: 0 } },
			/^Sam spoke with you$/
		],
		['cancelled', { callbackCancelled: true }, /^You cancelled your call back$/],
		[
			'closed',
			{ status: 'resolved', handler: nurse, outcome: { text: 'Seen today.', dispositionLabel: 'Appointment booked' } },
			/^Closed: appointment booked$/
		]
	])('%s', (_name, over, headline) => {
		const s = patientStatus({ ...base, ...over });
		expect(s.headline).toMatch(headline);
		// One deadline at most, and nothing that promises a call once the report is closed.
		const all = [s.headline, ...s.lines].join(' ');
		expect(all.match(/Wed 3:15 PM/g)?.length ?? 0).toBeLessThanOrEqual(1);
		if (over.status === 'resolved') expect(all).not.toMatch(/will call|within 30 minutes/);
	});

	it('gives the clinic’s number where a patient may need to call, and 911 for urgent care', () => {
		expect(
			patientStatus({
				...base,
				status: 'claimed',
				handler: nurse,
				contact: { reached: false, failedAttempts: 1 }
			}).lines.join(' ')
		).toMatch(/call Riverside Family Medicine on 555-0100.*call 911/);
		expect(patientStatus({ ...base, status: 'resolved' }).lines.join(' ')).toMatch(/555-0100.*911/);
	});
});
