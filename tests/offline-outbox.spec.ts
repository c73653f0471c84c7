import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signUpPatient } from './report-flow';

/**
 * The phone's outbox against a server that is really gone: this file runs its own Clearline
 * (the same build, its own port and database) and kills it with SIGKILL, which Playwright's
 * setOffline cannot do for a service worker.
 */
const port = Number(process.env.E2E_PORT ?? 4173) + 11;
const origin = `http://localhost:${port}`;
const databasePath = path.join(os.tmpdir(), `clearline-e2e-outbox-${process.pid}-${Date.now()}.db`);
let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
	server = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			CLEARLINE_SEED_DEMO: '1',
			CLEARLINE_RATE_LIMITS: '0',
			LOG_LEVEL: 'warn'
		},
		stdio: 'ignore'
	});
	for (let i = 0; i < 300; i++) {
		const up = await fetch(`${origin}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the outbox test server did not start');
}

async function killServer(): Promise<void> {
	if (!server || server.exitCode !== null) return;
	const exited = once(server, 'exit');
	server.kill('SIGKILL');
	await exited;
	server = null;
}

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: origin });
test.beforeAll(startServer);
test.afterAll(killServer);

/** How many of the signed-in patient's reports have this id (the API, with the page's session). */
async function reportsWithId(page: Page, id: string): Promise<number> {
	const response = await page.request.get('/api/v1/reports');
	expect(response.status()).toBe(200);
	const body = (await response.json()) as { reports: { id: string }[] };
	return body.reports.filter((r) => r.id === id).length;
}

/** On the offline form: no emergency, a description, no answers; ends on "Saved on this phone"; returns the report id. */
async function saveOnPhone(page: Page, text: string): Promise<string> {
	await expect(page.getByRole('heading', { name: 'New report (no connection)' })).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel('Describe your symptoms or request').fill(text);
	await page.getByRole('button', { name: 'Continue' }).click();
	const save = page.getByRole('button', { name: 'Save report on this phone' });
	const none = page.getByRole('button', { name: 'None of these' });
	const saved = page.getByRole('heading', { name: 'Saved on this phone' });
	await expect(save.or(none).or(saved).first()).toBeVisible();
	if (await none.isVisible()) await none.click();
	if (await save.isVisible()) await save.click();
	await expect(saved).toBeVisible();
	await expect(
		page.getByText(
			'Saved on this phone — it will be sent when you are back online. If this is an emergency, call 911 now.'
		)
	).toBeVisible();
	const id = new URL(page.url()).searchParams.get('saved');
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	return id!;
}

test('with the server gone, a report is kept on the phone and sent exactly once when it is back', async ({ page }) => {
	await signUpPatient(page);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

	await killServer();
	// The emergency advice and the report form both open with no server at all.
	await page.goto('/emergency');
	await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
	await page.goto('/report');
	// The phone remembers who signed in on it: the report is theirs, and only their session sends it.
	await expect(page.getByText('Saving for Morgan Rivera.')).toBeVisible();
	const id = await saveOnPhone(page, 'I have had a rash on my arm for three days, it itches');
	await expect(page.getByText('Not sent yet', { exact: true })).toBeVisible();

	await startServer();
	await page.goto('/reports');
	await expect(page.getByText(/Your report saved on this phone was sent: CL-/)).toBeVisible({ timeout: 15_000 });
	expect(await reportsWithId(page, id)).toBe(1);
	await page.reload();
	await expect(page.getByText('Not sent yet', { exact: true })).toHaveCount(0);
	// Sending again (another tab, the worker's sync) can only find the same report.
	expect(await reportsWithId(page, id)).toBe(1);
});

test.describe('replay answers', () => {
	// The page's own sends only, so each answer below is the one the page gets.
	test.use({ serviceWorkers: 'block' });

	test('a lost response followed by a retry is still one report', async ({ page }) => {
		await signUpPatient(page);
		let lost = 0;
		await page.route('**/api/v1/reports', async (route) => {
			if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
			lost++;
			// The server takes the report; its answer never reaches the phone.
			await route.fetch();
			await route.abort('connectionreset');
		});
		await page.goto('/report/offline');
		const id = await saveOnPhone(page, 'my knee has been sore since I fell on Sunday');
		await expect.poll(() => lost).toBe(1);
		expect(await reportsWithId(page, id)).toBe(1);
		await expect(page.getByText('Not sent yet', { exact: true })).toBeVisible();

		await page.goto('/reports');
		await expect(page.getByText(/Your report saved on this phone was sent: CL-/)).toBeVisible();
		expect(await reportsWithId(page, id)).toBe(1);
	});

	test('a 500 and an expired session keep the report queued until it goes', async ({ page, context }) => {
		const email = await signUpPatient(page);
		let failed = 0;
		await page.route('**/api/v1/reports', (route) => {
			if (route.request().method() !== 'POST') return route.fallback();
			failed++;
			return route.fulfill({
				status: 500,
				contentType: 'application/json',
				body: '{"error":{"code":"internal","message":"Something went wrong."}}'
			});
		});
		await page.goto('/report/offline');
		const id = await saveOnPhone(page, 'I need a refill of my blood pressure pills');
		await expect.poll(() => failed).toBeGreaterThan(0);
		await page.goto('/reports');
		await expect(page.getByText('Not sent yet', { exact: true })).toBeVisible();
		await expect(page.getByText('1 report saved on this phone is waiting to be sent.')).toBeVisible();
		await page.unroute('**/api/v1/reports');

		// The session ends (expired, or signed out elsewhere): the report waits for this patient.
		await context.clearCookies();
		await page.goto('/reports');
		await expect(page).toHaveURL(/\/login/);
		await expect(page.getByText('Log in to send the report saved on this phone.')).toBeVisible();

		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill('a-long-e2e-password');
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page.getByText(/Your report saved on this phone was sent: CL-/)).toBeVisible();
		expect(await reportsWithId(page, id)).toBe(1);
	});

	test('a report whose sending fails on the report form is kept on the phone, then sent', async ({ page }) => {
		await signUpPatient(page);
		// The connection drops as the form is sent: no answer at all.
		await page.route(
			(url) => url.pathname === '/report' && url.search === '?/questions',
			(route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback())
		);
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.getByLabel('Describe your symptoms or request').fill('my ankle is swollen after a twist yesterday');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'Saved on this phone' })).toBeVisible();
		const id = new URL(page.url()).searchParams.get('saved')!;
		await expect(page.getByText(/Your report saved on this phone was sent: CL-/)).toBeVisible();
		expect(await reportsWithId(page, id)).toBe(1);
		const sent = (await (await page.request.get(`/api/v1/reports/${id}`)).json()) as { description?: string };
		expect(JSON.stringify(sent)).toContain('my ankle is swollen after a twist yesterday');
	});

	test('a report sent by the form in the moment before it moved to the phone page is shown as sent, not lost', async ({
		page
	}) => {
		await signUpPatient(page);
		// What the report form's outbox did on its way out: the report is already on the server.
		const id = crypto.randomUUID();
		const created = await page.request.post('/api/v1/reports', {
			data: { id, emergencyScreen: [], description: 'my ankle is swollen after a twist yesterday' }
		});
		expect(created.status()).toBe(201);
		const { reference } = (await created.json()) as { reference: string };
		await page.goto(`/report/offline?saved=${id}`);
		await expect(page.getByRole('heading', { name: 'Saved on this phone' })).toBeVisible();
		await expect(page.getByText(`Your report saved on this phone was sent: ${reference}.`)).toBeVisible();
		expect(await reportsWithId(page, id)).toBe(1);
	});
});
