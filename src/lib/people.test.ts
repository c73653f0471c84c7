import { describe, expect, it } from 'vitest';
import { actorText, handlerText, type Person } from './people';

const nurse: Person = {
	name: 'Sam Lee',
	credential: 'RN',
	team: 'Telehealth nurse team',
	channelLabel: 'Telehealth',
	role: 'clinician',
	clinical: true
};
const support: Person = {
	name: 'Alex Kim',
	credential: 'Support specialist (non-clinical)',
	team: 'Call center support team',
	channelLabel: 'Call center',
	role: 'support',
	clinical: false
};

describe('who handled a report', () => {
	it('names the person, credential, team, channel and whether they are a clinician', () => {
		expect(handlerText(nurse)).toBe('Sam Lee, RN · Telehealth nurse team');
		expect(handlerText(support)).toBe('Alex Kim, Support specialist (non-clinical) · Call center support team');
		expect(handlerText({ ...nurse, team: 'Evening nurses' })).toBe('Sam Lee, RN · Evening nurses · Telehealth');
		expect(handlerText({ ...support, credential: null })).toBe(
			'Alex Kim · Call center support team · non-clinical staff'
		);
	});

	it('leaves out what is missing without stray punctuation', () => {
		expect(handlerText({ ...nurse, credential: null, team: null })).toBe('Sam Lee · Telehealth');
	});

	it('shows the patient their own steps as "You" and staff the patient by name', () => {
		const patient: Person = {
			name: 'Robin Patel',
			credential: null,
			team: null,
			channelLabel: null,
			role: 'patient',
			clinical: false
		};
		expect(actorText(patient, 'patient')).toBe('You');
		expect(actorText(patient, 'staff')).toBe('Robin Patel (patient)');
		expect(actorText(support, 'patient')).toBe(
			'Alex Kim, Support specialist (non-clinical) · Call center support team'
		);
	});
});
