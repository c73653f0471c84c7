import { getLocale } from './paraglide/runtime';
import type { EmergencyScreenId, Lang } from './triage/types';

/** The yes/no checklist shown before any free text, in the patient's words (`label` English, `es` US Spanish). */
export const EMERGENCY_SCREEN: readonly { id: EmergencyScreenId; label: string; es: string }[] = [
	{ id: 'chest_pain', label: 'Chest pain, pressure or tightness', es: 'Dolor, presión u opresión en el pecho' },
	{
		id: 'trouble_breathing',
		label: 'Trouble breathing or cannot catch your breath',
		es: 'Dificultad para respirar o no puede recuperar el aliento'
	},
	{
		id: 'stroke_signs',
		label: 'Face drooping, arm or leg weakness, or trouble speaking',
		es: 'Cara caída, debilidad en un brazo o una pierna, o dificultad para hablar'
	},
	{ id: 'severe_bleeding', label: 'Bleeding that will not stop', es: 'Sangrado que no se detiene' },
	{
		id: 'unconscious_or_fainting',
		label: 'Fainted, passed out or very hard to wake',
		es: 'Se desmayó, perdió el conocimiento o es muy difícil despertarle'
	},
	{
		id: 'suicidal_thoughts',
		label: 'Thoughts of ending your life or harming yourself',
		es: 'Pensamientos de quitarse la vida o hacerse daño'
	},
	{
		id: 'severe_allergic_reaction',
		label: 'Swelling of lips, tongue or throat, or a severe allergic reaction',
		es: 'Hinchazón de labios, lengua o garganta, o una reacción alérgica grave'
	},
	{ id: 'seizure', label: 'A seizure (fit) now or just now', es: 'Una convulsión ahora o hace un momento' }
];

export function screenLabel(id: string): string {
	return EMERGENCY_SCREEN.find((item) => item.id === id)?.label ?? id;
}

/** One checklist item in the page's language (what the patient saw when they ticked it). */
export function screenItemLabel(id: string, lang: Lang = getLocale()): string {
	const item = EMERGENCY_SCREEN.find((i) => i.id === id);
	return item ? (lang === 'es' ? item.es : item.label) : id;
}

/** The checklist in the patient's language. */
export function screenItems(lang: Lang): { id: EmergencyScreenId; label: string }[] {
	return EMERGENCY_SCREEN.map((item) => ({ id: item.id, label: lang === 'es' ? item.es : item.label }));
}
