import type { EmergencyScreenId } from './triage/types';

/** The yes/no checklist shown before any free text, in the patient's words. */
export const EMERGENCY_SCREEN: readonly { id: EmergencyScreenId; label: string }[] = [
	{ id: 'chest_pain', label: 'Chest pain, pressure or tightness' },
	{ id: 'trouble_breathing', label: 'Trouble breathing or cannot catch your breath' },
	{ id: 'stroke_signs', label: 'Face drooping, arm or leg weakness, or trouble speaking' },
	{ id: 'severe_bleeding', label: 'Bleeding that will not stop' },
	{ id: 'unconscious_or_fainting', label: 'Fainted, passed out or very hard to wake' },
	{ id: 'suicidal_thoughts', label: 'Thoughts of ending your life or harming yourself' },
	{ id: 'severe_allergic_reaction', label: 'Swelling of lips, tongue or throat, or a severe allergic reaction' },
	{ id: 'seizure', label: 'A seizure (fit) now or just now' }
];

export function screenLabel(id: string): string {
	return EMERGENCY_SCREEN.find((item) => item.id === id)?.label ?? id;
}
