import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { logIn, signUpPatient } from './report-flow';

/**
 * WCAG 2.2 AA, checked by axe-core on every page a patient opens (in English
 * and in Spanish), every step of the report form, the queues and the staff
 * report page. Zero violations: a new page or component that breaks one
 * fails here, with axe's own explanation of which element and why.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectAccessible(page: Page, where: string): Promise<void> {
	// Nothing moving: the live-update dot and CSS transitions settle first.
	await page.waitForLoadState('networkidle');
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	const found = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
	expect(found, `${where} has accessibility violations`).toEqual([]);
}

async function fresh(browser: Browser, locale: 'en-US' | 'es-US'): Promise<Page> {
	const context = await browser.newContext({
		locale,
		extraHTTPHeaders: { 'accept-language': locale === 'es-US' ? 'es-US,es;q=0.9' : 'en-US,en;q=0.9' }
	});
	return context.newPage();
}

for (const locale of ['en-US', 'es-US'] as const) {
	test(`every public page is accessible (${locale})`, async ({ browser }) => {
		test.slow(); // seven axe runs
		const page = await fresh(browser, locale);
		for (const path of [
			'/',
			'/login',
			'/signup',
			'/forgot',
			'/reset?token=not-a-real-token-123',
			'/verify',
			'/emergency'
		]) {
			await page.goto(path);
			await expectAccessible(page, path);
		}
		await page.context().close();
	});
}

test('every step of a patient’s report, the receipt, My reports and the account pages are accessible', async ({
	page
}) => {
	test.slow(); // nine axe runs
	await signUpPatient(page, { name: 'Ada Quinn', dateOfBirth: '1946-02-03' });
	await expectAccessible(page, 'the emergency checklist');
	await page.getByLabel('Chest pain, pressure or tightness').check();
	await expectAccessible(page, 'the checklist with the call-911 card');
	await page.getByLabel('Chest pain, pressure or tightness').uncheck();

	await page.getByRole('button', { name: 'Continue' }).click();
	await expectAccessible(page, 'the description step');
	await page.getByLabel('Describe your symptoms or request').fill('my side hurts since this morning');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'A few quick questions' })).toBeVisible();
	await page.locator('details.readings summary').click();
	await expectAccessible(page, 'the question step');
	await page.getByRole('group', { name: 'Did the pain start suddenly?' }).getByLabel('Yes', { exact: true }).check();
	await expectAccessible(page, 'the question step with the call advice');
	await page.getByRole('button', { name: /^Send/ }).click();

	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	await expectAccessible(page, 'the receipt');
	await page.goto('/reports');
	await expectAccessible(page, 'My reports');
	await page.goto('/account/password');
	await expectAccessible(page, 'the password page');
	await page.goto('/report/offline');
	await expectAccessible(page, 'the offline report form');
	await page
		.getByRole('button', { name: 'English' })
		.or(page.getByRole('button', { name: 'Español' }))
		.first()
		.click();
	await expectAccessible(page, 'the offline report form, other language');
});

test('the queues, the staff report page, search, admin and the safety dashboard are accessible', async ({
	page,
	browser
}) => {
	test.slow(); // seven axe runs and a report to open
	const patient = await (await browser.newContext()).newPage();
	await signUpPatient(patient, { name: 'Ben Ortiz', dateOfBirth: '1952-08-09' });
	await patient.getByRole('button', { name: 'Continue' }).click();
	await patient.getByLabel('Describe your symptoms or request').fill('stomach pain and blood in stool');
	await patient.getByRole('button', { name: 'Continue' }).click();
	const send = patient.getByRole('button', { name: /^Send/ });
	const receipt = patient.getByRole('heading', { name: 'We have your report' });
	await expect(send.or(receipt).first()).toBeVisible();
	if (await send.isVisible()) await send.click();
	await expect(receipt).toBeVisible();
	const reportId = new URL(patient.url()).pathname.split('/').pop();

	await logIn(page, 'nurse@demo.test');
	await page.goto('/queue/clinician');
	await expectAccessible(page, 'the clinician queue');
	await page.goto('/queue/support');
	await expectAccessible(page, 'the support queue');
	await page.goto(`/queue/reports/${reportId}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page, 'the staff report page');
	await page.getByRole('button', { name: 'Claim', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Release back to the queue' })).toBeVisible();
	await expectAccessible(page, 'the staff report page, claimed');
	await page.goto('/search');
	await expectAccessible(page, 'search');

	const admin = await (await browser.newContext()).newPage();
	await logIn(admin, 'admin@demo.test');
	await admin.goto('/admin');
	await expectAccessible(admin, 'admin');
	// The safety dashboard, with the report this test raised among its failures; its link opens the report.
	await admin.goto('/safety');
	await expect(admin.getByRole('heading', { name: 'Failures to escalate' })).toBeVisible();
	await expectAccessible(admin, 'the safety dashboard');
});

/** WCAG 1.4.4 and 1.4.10: text at 200% on a 360 px phone still fits, with nothing to scroll sideways. */
test('at 360 px wide with text at 200%, no patient page scrolls sideways', async ({ browser }) => {
	test.slow();
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	const overflow = async (path: string) => {
		await page.goto(path, { waitUntil: 'networkidle' });
		await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
		return page.evaluate(() => {
			const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter(
				(el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
			);
			return {
				scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
				wide: wide.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
			};
		});
	};
	for (const path of ['/', '/login', '/signup', '/emergency', '/verify']) {
		expect(await overflow(path), path).toEqual({ scroll: 0, wide: [] });
	}
	await signUpPatient(page, { name: 'Cy Wren', dateOfBirth: '1940-10-10' });
	for (const path of ['/report', '/reports', '/report/offline']) {
		expect(await overflow(path), path).toEqual({ scroll: 0, wide: [] });
	}
	await context.close();
});
