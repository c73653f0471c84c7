import { expect, test, type Page } from '@playwright/test';
import { sendReport, signUpPatient } from './report-flow';

const signUp = (page: Page): Promise<string> => signUpPatient(page);

test('a patient reports sudden rib pain and is told a clinician will call @no-js', async ({ page }) => {
	await signUp(page);
	await expect(page.getByRole('heading', { name: /do you have any of these/i })).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();

	await page.getByLabel('Describe your symptoms or request').fill('sudden sharp rib pain when I breathe');
	await page.getByLabel('How bad is it right now?').selectOption('7');
	await sendReport(page);

	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	await expect(page.locator('.reference').first()).toHaveText(/^CL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	await expect(page.getByText(/nurse or doctor will call you within 30 minutes|call 911/i).first()).toBeVisible();
	const status = page.getByTestId('status');
	await expect(status.getByRole('heading')).toHaveText(/^A nurse or doctor will call you by /);
	// Why, in the patient's own words, not the advice again.
	await expect(status).toContainText(/because you told us “[^”]*rib/);
	await expect(page.getByTestId('handled-by')).toHaveText(/Nobody yet: the nurses and doctors will pick it up/);
	await expect(page.getByText(/Questions\? Call Riverside Family Medicine on 555-0100/)).toBeVisible();
	await expect(page.getByText(/Automated triage rated it/)).toBeVisible();

	// The report is in the patient's list and its page says the same after a reload.
	await page.goto('/reports');
	await page.locator('ul[aria-label="Reports"] a').first().click();
	await expect(status.getByRole('heading')).toHaveText(/^A nurse or doctor will call you by /);
});

test('ticking an emergency item shows the call-911 screen and still sends the report @no-js', async ({ page }) => {
	await signUp(page);
	await page.getByLabel('Chest pain, pressure or tightness').check();
	await page.getByRole('button', { name: /Continue|Send to my care team/ }).click();
	await expect(page.getByRole('heading', { name: 'Call 911 now' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
	await expect(page.getByText('We have your report')).toBeVisible();
	await expect(page.locator('.badge.emergency').first()).toBeVisible();
});

test('the call-911 card is in view after ticking any checklist item, and does not claim the report was sent', async ({
	page
}) => {
	await signUp(page);
	const boxes = page.getByRole('group', { name: 'Emergency checklist' }).getByRole('checkbox');
	const count = await boxes.count();
	for (const i of [0, count - 1]) {
		await page.evaluate(() => window.scrollTo(0, 0));
		await boxes.nth(i).check();
		await expect(page.getByRole('heading', { name: 'Call 911 now' })).toBeInViewport();
		await expect(page.getByRole('link', { name: 'Call 911' })).toBeInViewport();
		await boxes.nth(i).uncheck();
	}
	await boxes.first().check();
	await expect(page.getByText('When you send it, your report also goes to a nurse or doctor')).toBeVisible();
	await expect(page.getByText(/has also gone to a nurse/)).toHaveCount(0);
});

test('every emergency checklist box is the same size, and every row a 44 px target', async ({ page }) => {
	await signUp(page);
	const boxes = page.getByRole('group', { name: 'Emergency checklist' }).getByRole('checkbox');
	const sizes = new Set<string>();
	for (const box of await boxes.all()) {
		const b = (await box.boundingBox())!;
		sizes.add(`${Math.round(b.width)}x${Math.round(b.height)}`);
	}
	expect([...sizes]).toHaveLength(1);
	for (const row of await page.locator('.checklist label.choice').all())
		expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
});

test('the call-911 advice appears as soon as a box is ticked, with 988 for suicidal thoughts', async ({ page }) => {
	await signUp(page);
	await page.getByLabel('Thoughts of ending your life or harming yourself').check();
	await expect(page.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
	await page.getByRole('button', { name: 'Send to my care team as an emergency' }).click();
	await expect(page.getByRole('link', { name: 'Call 988' })).toBeVisible();
});

test('a report that fails validation keeps what the patient typed @no-js', async ({ page }) => {
	await signUp(page);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel('Describe your symptoms or request').fill('my knee has been sore for a week');
	await page.getByLabel('Phone number to call you back on').fill('12');
	await sendReport(page);
	await expect(page.getByText(/Enter a phone number we can call/)).toBeVisible();
	await expect(page.getByLabel('Describe your symptoms or request')).toHaveValue('my knee has been sore for a week');
});

test('sign-up errors are shown next to the field', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Your name').fill('Short Password');
	await page.getByLabel('Email').fill('short@example.test');
	await page.getByLabel('Password').fill('short');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
	await expect(page.getByLabel('Email')).toHaveValue('short@example.test');
});

test('the emergency page gives tap-to-call numbers', async ({ page }) => {
	await page.goto('/emergency');
	await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
	await expect(page.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
});

test('what a patient types before the page finishes loading is kept', async ({ page }) => {
	// A slow phone: the app's JavaScript arrives well after the form is on screen.
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	await page.goto('/signup', { waitUntil: 'commit' });
	await page.getByLabel('Your name').fill('Early Typist');
	await page.getByLabel('Email').fill('early@example.test');
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Your name')).toHaveValue('Early Typist');
	await expect(page.getByLabel('Email')).toHaveValue('early@example.test');
});

test('another patient’s report looks exactly like a missing one @no-js', async ({ page, browser }) => {
	await signUp(page);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel('Describe your symptoms or request').fill('a private worry about a lump');
	await sendReport(page);
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	const theirs = new URL(page.url()).pathname;

	const other = await browser.newPage();
	await signUp(other);
	const response = await other.goto(theirs);
	expect(response?.status()).toBe(404);
	await expect(other.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
	await expect(other.getByText('lump')).toHaveCount(0);
	const missing = await other.goto('/reports/00000000-0000-4000-8000-000000000000');
	expect(missing?.status()).toBe(404);
});

test('a patient downloads a receipt and checks it on /verify; a changed receipt fails', async ({ page }) => {
	await signUp(page);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel('Describe your symptoms or request').fill('I need a refill of my blood pressure pills');
	await sendReport(page);
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	const reference = (await page.locator('.reference').first().textContent())!.trim();

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download receipt' }).click();
	const file = await (await download).path();
	const text = (await import('node:fs')).readFileSync(file, 'utf8');
	expect(JSON.parse(text)).toMatchObject({ kind: 'clearline-receipt', reference });

	// Anyone can check it, signed in or not.
	await page.context().clearCookies();
	await page.goto('/verify');
	await page.getByLabel('Receipt file').setInputFiles(file);
	await page.getByRole('button', { name: 'Check receipt' }).click();
	await expect(page.getByTestId('verdict')).toContainText(`matches our record of report ${reference}`);

	await page.goto('/verify');
	await page.getByLabel('Or paste the receipt').fill(text.replace('blood pressure pills', 'inhaler'));
	await page.getByRole('button', { name: 'Check receipt' }).click();
	await expect(page.getByTestId('verdict')).toContainText('has been changed since Clearline issued it');
});
