/** How a person who handled a report is named to patients and staff: name, credential, team, channel and role, always all of them. */
import { roleLabel, type ActorRole } from './vocabulary';

export interface Person {
	name: string | null;
	credential: string | null;
	team: string | null;
	channelLabel: string | null;
	role: ActorRole;
	clinical: boolean;
}

function nameAndCredential(p: Person): string {
	return [p.name ?? 'Unknown', p.credential].filter(Boolean).join(', ');
}

function where(p: Person): string {
	return [p.team, p.channelLabel].filter(Boolean).join(', ');
}

/** "Sam Lee, RN — Telehealth nurse team, Telehealth (clinician)". */
export function handlerText(p: Person): string {
	const place = where(p);
	return `${nameAndCredential(p)}${place ? ` — ${place}` : ''} (${p.clinical ? 'clinician' : 'non-clinical staff'})`;
}

/** One timeline step's author, as staff or the patient reads it. */
export function actorText(p: Person, audience: 'patient' | 'staff'): string {
	switch (p.role) {
		case 'system':
			return p.name ?? 'Clearline';
		case 'patient':
			return audience === 'patient' ? 'You' : `${p.name ?? 'Patient'} (patient)`;
		case 'support':
		case 'clinician':
		case 'admin': {
			const place = where(p);
			return `${nameAndCredential(p)}${place ? ` — ${place}` : ''} (${roleLabel(p.role)})`;
		}
	}
}
