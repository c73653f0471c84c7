import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signUpPatient, switchToSpanish } from './report-flow';

async function signUp(page: Page, lang: 'en' | 'es' = 'en') {
	await signUpPatient(page, { name: 'Ana Morales', dateOfBirth: '1949-03-02' });
	if (lang === 'es') await switchToSpanish(page);
}

/** Past the emergency checklist (nothing ticked) to the description. */
async function describe(page: Page, text: string, label = 'Describe your symptoms or request') {
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel(label).fill(text);
}

const question = (page: Page, text: string) => page.getByRole('group', { name: text });

async function nurseOpens(browser: Browser, reportUrl: string): Promise<Page> {
	const nurse = await (await browser.newContext()).newPage();
	await nurse.goto('/login', { waitUntil: 'networkidle' });
	await nurse.getByLabel('Email').fill('nurse@demo.test');
	await nurse.getByLabel('Password').fill('demo-password-1');
	await nurse.getByRole('button', { name: 'Log in' }).click();
	await expect(nurse).not.toHaveURL(/\/login/);
	const id = new URL(reportUrl).pathname.split('/').pop();
	await nurse.goto(`/queue/reports/${id}`);
	return nurse;
}

test('"my side hurts": the questions a nurse would ask, a "yes" that sends it to a nurse, and the nurse sees the answers @no-js', async ({
	page,
	browser
}) => {
	await signUp(page);
	await describe(page, 'my side hurts');
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(page.getByRole('heading', { name: 'A few quick questions' })).toBeVisible();
	await expect(page.getByText(/0 of \d answered/)).toBeVisible();
	await question(page, 'Does the pain spread to your arm, jaw, neck or back?')
		.getByLabel('No', { exact: true })
		.check();
	await question(page, 'Did the pain start suddenly?').getByLabel('Yes', { exact: true }).check();
	await question(page, 'Do you feel faint, dizzy or light-headed?').getByLabel('No', { exact: true }).check();
	await page.getByLabel('Takes a blood thinner').check();
	await page.getByRole('button', { name: /^Send/ }).click();

	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	await expect(page.locator('.badge.urgent').first()).toBeVisible();
	await expect(page.getByTestId('status').getByRole('heading')).toHaveText(/^A nurse or doctor will call you by /);

	const nurse = await nurseOpens(browser, page.url());
	const glance = nurse.getByLabel('Answers at a glance');
	await expect(glance).toContainText('Sudden onset: yes');
	await expect(glance).toContainText('Pain spreads to arm, jaw or back: no');
	await expect(glance).toContainText('Faint or light-headed: no');
	await expect(glance).toContainText('On a blood thinner');
	await expect(glance.locator('.deciding')).toContainText(['Sudden onset: yes']);
	await nurse.goto('/queue/clinician');
	await expect(nurse.getByRole('listitem').filter({ hasText: 'Sudden onset: yes' }).first()).toBeVisible();
});

test('an emergency answer shows the call-911 screen the moment it is tapped, and the report still goes', async ({
	page
}) => {
	await signUp(page);
	await describe(page, 'my stomach hurts');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Call 911 now' })).toHaveCount(0);
	await question(page, 'Have you thrown up blood, or something that looks like coffee grounds?')
		.getByLabel('Yes', { exact: true })
		.check();
	await expect(page.getByRole('heading', { name: 'Call 911 now' })).toBeInViewport();
	await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
	await page.getByRole('button', { name: 'Send to my care team as an emergency' }).click();
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	await expect(page.locator('.badge.emergency').first()).toBeVisible();
});

test('when nothing is recognised it asks what the report is mostly about, then that complaint’s questions @no-js', async ({
	page
}) => {
	await signUp(page);
	await describe(page, 'i dont feel good');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'What is it mostly about?' })).toBeVisible();
	await page.getByRole('button', { name: 'Stomach or belly pain, vomiting or diarrhea' }).click();
	await expect(page.getByRole('heading', { name: 'A few quick questions' })).toBeVisible();
	await question(page, 'Is there blood in your poop, or is your poop black?')
		.getByLabel('Yes', { exact: true })
		.check();
	await page.getByRole('button', { name: /^Send/ }).click();
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	await expect(page.locator('.badge.urgent').first()).toBeVisible();
});

test('in Spanish: "me duele el costado", "Sí" to sudden onset, and it goes to a nurse @no-js', async ({ page }) => {
	await signUp(page, 'es');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page.getByLabel('Describa sus síntomas o lo que necesita').fill('me duele el costado');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { name: 'Unas preguntas rápidas' })).toBeVisible();
	await question(page, '¿El dolor empezó de repente?').getByLabel('Sí', { exact: true }).check();
	await page.getByRole('button', { name: /^Enviar/ }).click();
	await expect(page.locator('.badge.urgent, .badge.emergency').first()).toBeVisible();
});

test('in Spanish, for a parent: the questions in Spanish and the parent’s age counted @no-js', async ({
	page,
	browser
}) => {
	await signUp(page, 'es');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await page.getByLabel('Describa sus síntomas o lo que necesita').fill('mi mamá se cayó hoy');
	await page.getByLabel('De mi padre o madre').check();
	await page.getByLabel('Su edad en años').fill('84');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { name: 'Unas preguntas rápidas' })).toBeVisible();
	await question(page, '¿Se golpeó la cabeza?').getByLabel('Sí').check();
	await page.getByRole('button', { name: /^Enviar/ }).click();
	await expect(page.locator('.badge.urgent, .badge.emergency').first()).toBeVisible();

	const nurse = await nurseOpens(browser, page.url());
	await expect(nurse.getByLabel('Answers at a glance')).toContainText('About their parent, 84 years');
});

test('a reading outside what a body can have is refused beside its box, with the answers kept @no-js', async ({
	page
}) => {
	await signUp(page);
	await describe(page, 'I have a fever');
	await page.getByRole('button', { name: 'Continue' }).click();
	await question(page, 'Are there small red or purple spots that do not fade when you press a glass on them?')
		.getByLabel('No', { exact: true })
		.check();
	const readings = page.locator('details.readings');
	await readings.locator('summary').click();
	await page.getByLabel('Oxygen level (%)').fill('140');
	await page.getByRole('button', { name: /^Send/ }).click();
	await expect(page.getByText('Oxygen must be between 50 and 100 %.')).toBeVisible();
	await expect(
		question(page, 'Are there small red or purple spots that do not fade when you press a glass on them?').getByLabel(
			'No',
			{ exact: true }
		)
	).toBeChecked();
	await page.getByLabel('Oxygen level (%)').fill('97');
	await page.getByRole('button', { name: /^Send/ }).click();
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
});

test('what the patient adds under "Anything else we should know?" is read too @no-js', async ({ page, browser }) => {
	await signUp(page);
	await describe(page, 'my son is sick');
	await page.getByLabel('My child').check();
	await page.getByLabel('Their age in years').fill('3');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'A few quick questions' })).toBeVisible();
	await expect(page.getByText('Answer for the person this is about.')).toBeVisible();
	await page.getByLabel('Anything else we should know? (optional)').fill('he swallowed a button battery an hour ago');
	await page.getByRole('button', { name: /^Send/ }).click();
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	await expect(page.locator('.badge.emergency').first()).toBeVisible();
	const nurse = await nurseOpens(browser, page.url());
	await expect(nurse.getByText(/my son is sick\s+he swallowed a button battery/)).toBeVisible();
});

test('the question step has no accessibility violations (WCAG 2.2 AA) and 44 px answer targets', async ({ page }) => {
	await signUp(page);
	await describe(page, 'my side hurts');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'A few quick questions' })).toBeVisible();
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
	for (const box of await page.locator('label.answer').all()) {
		const size = await box.boundingBox();
		expect(size!.height).toBeGreaterThanOrEqual(44);
		expect(size!.width).toBeGreaterThanOrEqual(44);
	}
});
