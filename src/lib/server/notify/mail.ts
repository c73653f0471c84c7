/**
 * Outgoing mail (nodemailer over SMTP_URL): only the password-reset link, in
 * plain words. A mail says nothing about anyone's health.
 */
import nodemailer, { type Transporter } from 'nodemailer';

let transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
	let t = transports.get(url);
	if (!t) {
		t = nodemailer.createTransport(url);
		transports.set(url, t);
	}
	return t;
}

/** Sends the reset link to `to`; resolves when the SMTP server accepted the message. */
export async function sendPasswordReset(
	smtpUrl: string,
	from: string,
	to: string,
	link: string,
	validMinutes: number
): Promise<void> {
	await transportFor(smtpUrl).sendMail({
		from,
		to,
		subject: 'Reset your Clearline password',
		text: [
			'Someone asked to reset the password of your Clearline account.',
			'',
			`To choose a new password, open this link within ${validMinutes} minutes (it works once):`,
			link,
			'',
			'If it was not you, ignore this email: your password stays the same.',
			'In an emergency, do not wait: call 911.'
		].join('\n')
	});
}

/** Closes pooled connections (tests, shutdown). */
export function closeMail(): void {
	for (const t of transports.values()) t.close();
	transports = new Map();
}
