/**
 * What the push toggle says. Staff pages are English only; patients read the
 * toggle in their language, so theirs come from the message catalogue.
 */
import { m } from '$lib/i18n.svelte';

export interface PushToggleTexts {
	heading: string;
	checking: string;
	unsupported: string;
	blocked: string;
	off: string;
	on: string;
	working: string;
	turnOn: string;
	turnOff: string;
	installing: string;
	/** `detail` is the server's message when it refused (always English). */
	failedOn(detail: string | null): string;
	failedOff(detail: string | null): string;
}

export const STAFF_PUSH_TEXTS: PushToggleTexts = {
	heading: 'Alerts on this device',
	checking: 'Checking whether this device gets alerts…',
	unsupported:
		'This browser cannot show alerts. On an iPhone or iPad, add Clearline to your Home Screen first (Share, then “Add to Home Screen”) and open it from there. Keep the queue page open meanwhile.',
	blocked: "Notifications are blocked for Clearline. Allow them in your browser's site settings, then try again.",
	off: 'This device does not get alerts for urgent reports.',
	on: 'This device gets an alert when an urgent or emergency report is waiting, while you are on duty. Alerts never include patient details.',
	working: 'Working…',
	turnOn: 'Alert me on this device',
	turnOff: 'Stop alerts on this device',
	installing: 'The app is still installing on this device. Reload the page and try again.',
	failedOn: (detail) => detail ?? 'Alerts could not be turned on.',
	failedOff: (detail) => detail ?? 'Alerts could not be turned off.'
};

/** Called where it is shown, so a language switch re-renders it. */
export function patientPushTexts(): PushToggleTexts {
	return {
		heading: m.push_heading(),
		checking: m.push_checking(),
		unsupported: m.push_unsupported(),
		blocked: m.push_blocked(),
		off: m.push_off(),
		on: m.push_on(),
		working: m.push_working(),
		turnOn: m.push_turnOn(),
		turnOff: m.push_turnOff(),
		installing: m.push_installing(),
		failedOn: () => m.push_failedOn(),
		failedOff: () => m.push_failedOff()
	};
}
