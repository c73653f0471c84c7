/** How a person who handled a report is named to patients and staff: name, credential, team, channel and role, always all of them. */
import { m } from './paraglide/messages';
import type { ActorRole } from './vocabulary';

export interface Person {
	name: string | null;
	credential: string | null;
	team: string | null;
	channelLabel: string | null;
	role: ActorRole;
	clinical: boolean;
}

function nameAndCredential(p: Person): string {
	return [p.name ?? m.people_unknown(), p.credential].filter(Boolean).join(', ');
}

/**
 * One short line, the same everywhere: "Sam Lee, RN · Telehealth nurse team". The credential
 * comes from a list tied to the role (a clinical abbreviation, or one that says "non-clinical"),
 * the channel is added when the team's name does not already say it, and anyone non-clinical
 * without it in their credential is called non-clinical staff: patients always know which.
 */
export function handlerText(p: Person): string {
	const parts = [nameAndCredential(p)];
	if (p.team) parts.push(p.team);
	if (p.channelLabel && !p.team?.toLowerCase().includes(p.channelLabel.toLowerCase())) parts.push(p.channelLabel);
	if (!p.clinical && !/non-clinical/i.test(p.credential ?? '')) parts.push(m.people_nonClinical());
	return parts.join(' · ');
}

/** One timeline step's author, as staff or the patient reads it. */
export function actorText(p: Person, audience: 'patient' | 'staff'): string {
	switch (p.role) {
		case 'system':
			return p.name ?? 'Clearline';
		case 'patient':
			return audience === 'patient' ? m.people_you() : m.people_aPatient({ name: p.name ?? m.people_patient() });
		case 'support':
		case 'clinician':
		case 'admin':
			return handlerText(p);
	}
}

/** The first word of a name ("Sam" of "Sam Lee"). */
export function firstName(name: string): string {
	return name.trim().split(/\s+/)[0] || name;
}
