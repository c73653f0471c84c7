import { expect, test, type Browser, type Page } from '@playwright/test';
import { logIn } from './report-flow';

/**
 * No page a person reads shows an internal word: a rule id ("gi.blood_in_stool"), a rule-set
 * version, an enum value in snake_case ("call_center", "wrong_number"), or "Rule set". Checked
 * on the text a person sees on each page, for a patient, a nurse, a support agent and an admin.
 */
const INTERNAL = [
	/\b[a-z]+_[a-z0-9_]+\b/, // snake_case: enum values, checklist ids, rule ids
	/\b[a-z]{2,}\.[a-z]{3,}\b/, // dotted rule ids ("seed.rib", "engine.admin")
	/\brs-[0-9a-f]{8,}\b/, // a rule-set version
	/rule set/i
];

async function visibleText(page: Page): Promise<string> {
	const text = await page.locator('body').innerText();
	// E-mail addresses (the demo logins) are people's words, not internal ones.
	return text.replace(/\S+@\S+/g, '');
}

async function expectPlain(page: Page, where: string): Promise<void> {
	const text = await visibleText(page);
	for (const pattern of INTERNAL) {
		const found = text.match(pattern);
		expect(found?.[0] ?? null, `${where} shows "${found?.[0]}"`).toBeNull();
	}
}

async function person(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage();
}

test('no page shows a rule id, a snake_case value or "Rule set"', async ({ browser }) => {
	const patient = await person(browser);
	await patient.goto('/signup', { waitUntil: 'networkidle' });
	await patient.getByLabel('Your name').fill('Lee Plain');
	await patient.getByLabel('Email').fill(`e2e-${crypto.randomUUID().slice(0, 8)}@example.test`);
	await patient.getByLabel('Password').fill('a-long-e2e-password');
	await patient.getByLabel('Mobile phone').fill('555-210-1111');
	await patient.getByLabel('Date of birth').fill('1944-02-03');
	await patient.getByRole('button', { name: 'Create account' }).click();
	await expectPlain(patient, 'the checklist');
	await patient.getByLabel('Chest pain, pressure or tightness').check();
	await patient.getByRole('button', { name: 'Send to my care team as an emergency' }).click();
	await expect(patient.getByText('We have your report')).toBeVisible();
	const reference = (await patient.locator('.reference').first().innerText()).trim();
	await expectPlain(patient, "the patient's report page");
	await patient.getByLabel('What has changed?').fill('Now I also feel dizzy and my left arm is numb.');
	await patient.getByRole('button', { name: 'Send update' }).click();
	await expect(patient.locator('li.step-patient_update')).toBeVisible();
	await expectPlain(patient, "the patient's report page after an update");
	for (const path of ['/', '/reports', '/emergency', '/verify']) {
		await patient.goto(path);
		await expectPlain(patient, path);
	}

	const nurse = await person(browser);
	await logIn(nurse, 'nurse@demo.test');
	await nurse.goto('/queue/clinician');
	await expectPlain(nurse, 'the clinician queue');
	await nurse.getByRole('link', { name: reference, exact: true }).click();
	await expect(nurse.getByRole('heading', { name: /Report CL-/ })).toBeVisible();
	await expectPlain(nurse, "the nurse's report page");
	await nurse.getByRole('button', { name: 'Claim', exact: true }).click();
	await nurse.getByLabel('Wrong number').check();
	await nurse.getByRole('button', { name: 'Log call' }).click();
	await expect(nurse.getByTestId('contact-reached')).toBeVisible();
	await expectPlain(nurse, "the nurse's report page after a call");

	const support = await person(browser);
	await logIn(support, 'support@demo.test');
	await support.goto('/queue/support');
	await expectPlain(support, 'the support queue');
	await support.goto('/search');
	await support.getByRole('searchbox').fill(reference);
	await support.getByRole('button', { name: 'Search' }).click();
	await expect(support.getByRole('list', { name: 'Reports found' })).toBeVisible();
	await expectPlain(support, 'search results');
	await support.getByRole('list', { name: 'Reports found' }).getByRole('link').first().click();
	await expect(support.getByTestId('support-script')).toBeVisible();
	await expectPlain(support, "support's view of an urgent report");

	const admin = await person(browser);
	await logIn(admin, 'admin@demo.test');
	await expectPlain(admin, 'the admin page');
});
