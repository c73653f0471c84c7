/** What the phone's outbox tells the patient, in English and US Spanish (usted). */
import type { Lang } from './triage/types';

export const OUTBOX_WORDS = {
	en: {
		saved: 'Saved on this phone — it will be sent when you are back online. If this is an emergency, call 911 now.',
		savedTitle: 'Saved on this phone',
		notSent: 'Not sent yet',
		savedAt: (time: string) => `Saved on this phone ${time}`,
		waiting: (n: number) =>
			n === 1
				? '1 report saved on this phone is waiting to be sent.'
				: `${n} reports saved on this phone are waiting to be sent.`,
		logIn: 'Log in to send the report saved on this phone.',
		logInLink: 'Log in',
		sentNow: (reference: string) => `Your report saved on this phone was sent: ${reference}.`,
		refused: 'Not sent: the report needs a change.',
		fix: 'Change and send',
		unlinked: 'Saved on this phone while nobody was logged in.',
		sendAsMe: 'Send it as my report',
		heading: 'Reports on this phone, not sent yet',
		empty: '(no description)',
		offlineTitle: 'New report (no connection)',
		offlineIntro:
			'You are not connected. Your report will be kept on this phone and sent as soon as the connection is back.',
		savingFor: (name: string) => `Saving for ${name}.`,
		notYou: 'Not you?',
		nobody: 'Nobody is logged in on this phone: you will be asked to log in before it is sent.',
		save: 'Save report on this phone',
		saveEmergency: 'Save and send as an emergency',
		another: 'Start another report',
		myReports: 'My reports',
		needsScript: 'Turn on JavaScript to save a report without a connection.',
		checkingTitle: 'Right now, do you have any of these?',
		checkingIntro: 'Tick any that are happening now. If none are, just continue.',
		checklist: 'Emergency checklist'
	},
	es: {
		saved:
			'Guardado en este teléfono: se enviará cuando vuelva a tener conexión. Si es una emergencia, llame al 911 ahora.',
		savedTitle: 'Guardado en este teléfono',
		notSent: 'Aún no enviado',
		savedAt: (time: string) => `Guardado en este teléfono ${time}`,
		waiting: (n: number) =>
			n === 1
				? '1 reporte guardado en este teléfono está esperando para enviarse.'
				: `${n} reportes guardados en este teléfono están esperando para enviarse.`,
		logIn: 'Inicie sesión para enviar el reporte guardado en este teléfono.',
		logInLink: 'Iniciar sesión',
		sentNow: (reference: string) => `Se envió su reporte guardado en este teléfono: ${reference}.`,
		refused: 'No se envió: hay que cambiar algo del reporte.',
		fix: 'Cambiar y enviar',
		unlinked: 'Se guardó en este teléfono cuando nadie había iniciado sesión.',
		sendAsMe: 'Enviarlo como mi reporte',
		heading: 'Reportes en este teléfono, aún no enviados',
		empty: '(sin descripción)',
		offlineTitle: 'Nuevo reporte (sin conexión)',
		offlineIntro:
			'No tiene conexión. Su reporte se guardará en este teléfono y se enviará en cuanto vuelva la conexión.',
		savingFor: (name: string) => `Se guardará para ${name}.`,
		notYou: '¿No es usted?',
		nobody: 'Nadie ha iniciado sesión en este teléfono: se le pedirá iniciar sesión antes de enviarlo.',
		save: 'Guardar el reporte en este teléfono',
		saveEmergency: 'Guardar y enviar como emergencia',
		another: 'Empezar otro reporte',
		myReports: 'Mis reportes',
		needsScript: 'Active JavaScript para guardar un reporte sin conexión.',
		checkingTitle: 'En este momento, ¿tiene alguno de estos?',
		checkingIntro: 'Marque los que le estén pasando ahora. Si ninguno, continúe.',
		checklist: 'Lista de emergencias'
	}
} satisfies Record<Lang, unknown>;

export type OutboxWords = (typeof OUTBOX_WORDS)['en'];

export function outboxWords(lang: Lang): OutboxWords {
	return OUTBOX_WORDS[lang];
}
