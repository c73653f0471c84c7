import { expect, test } from '@playwright/test';
import { sendReport } from './report-flow';

test('the emergency advice works offline once Clearline has been opened', async ({ page, context }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first load is not controlled by the worker; a reload is.
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

	await context.setOffline(true);
	await page.goto('/emergency');
	await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
	// The report pages fall back to the form that keeps a report on the phone, with the 911 advice.
	await page.goto('/reports');
	await expect(page.getByRole('heading', { name: 'New report (no connection)' })).toBeVisible();
	await expect(page.getByRole('link', { name: '911' })).toHaveAttribute('href', 'tel:911');
	// Any other page falls back to the emergency advice, never a browser error page.
	await page.goto('/account/password');
	await expect(page.getByRole('link', { name: 'Call 911' })).toBeVisible();
	await context.setOffline(false);
});

test('the service worker never stores health data', async ({ page }) => {
	const email = `pwa-${crypto.randomUUID().slice(0, 8)}@example.test`;
	await page.goto('/signup');
	await page.getByLabel('Your name').fill('Casey Offline');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a-long-e2e-password');
	await page.getByLabel('Mobile phone').fill('555-210-9876');
	await page.getByLabel('Date of birth').fill('1980-01-01');
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel('Describe your symptoms or request').fill('private symptom text about my rash');
	await sendReport(page);
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	await page.goto('/reports');

	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
		}
		return urls;
	});
	expect(cached).toContain('/emergency');
	// The offline report form is rendered at build time, for nobody: the one report path allowed.
	expect(cached).toContain('/report/offline');
	const built = /^\/report\/offline(\/__data\.json)?$/;
	expect(cached.filter((path) => /^\/(api|reports|report|queue|admin)(\/|$)/.test(path) && !built.test(path))).toEqual(
		[]
	);
});
