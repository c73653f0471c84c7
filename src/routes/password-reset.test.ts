import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { ApiClient, startServer, type TestServer } from '$lib/server/testing/server';

/** A real SMTP server on a free port: what it receives is what a patient's inbox would. */
const inbox: { to: string[]; body: string }[] = [];
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		let body = '';
		stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
		stream.on('end', () => {
			inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
			callback();
		});
	}
});

let server: TestServer;
beforeAll(async () => {
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	const port = (smtp.server.address() as AddressInfo).port;
	server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Clearline <no-reply@example.test>' });
});
afterAll(async () => {
	await server?.stop();
	await new Promise<void>((resolve) => smtp.close(resolve));
});

/** Posts a page's form as a browser would (same origin). */
function postForm(path: string, fields: Record<string, string>) {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

describe('forgot password, by email', () => {
	it('mails a one-time link that sets a new password, and answers the same for an unknown address', async () => {
		const patient = new ApiClient(server.url);
		const { email } = await patient.signupAndLogin();

		expect((await postForm('/forgot', { email: 'nobody-here@example.test' })).status).toBe(200);
		const asked = await postForm('/forgot', { email });
		expect(asked.status).toBe(200);
		await expect.poll(() => inbox.length, { timeout: 5000 }).toBe(1);
		const mail = inbox[0]!;
		expect(mail.to).toEqual([email]);
		const token = mail.body.replace(/=\r?\n/g, '').match(/\/reset\?token=3D([a-z2-7]+)|\/reset\?token=([a-z2-7]+)/);
		const secret = token?.[1] ?? token?.[2];
		expect(secret).toMatch(/^[a-z2-7]{32}$/);

		const reset = await postForm('/reset', {
			token: secret!,
			password: 'a-fresh-password-1',
			confirm: 'a-fresh-password-1'
		});
		expect(reset.status).toBe(303);
		expect(reset.headers.get('location')).toBe('/login?reset');
		// The old session is gone, the new password works, and the link does not work twice.
		expect((await patient.request('GET', '/reports')).status).toBe(401);
		const again = new ApiClient(server.url);
		await again.login(email, 'a-fresh-password-1');
		expect((await again.request('GET', '/reports')).status).toBe(200);
		const twice = await postForm('/reset', {
			token: secret!,
			password: 'yet-another-password',
			confirm: 'yet-another-password'
		});
		expect(twice.status).toBe(409);
	});
});
