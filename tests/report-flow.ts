import { expect, type Page } from '@playwright/test';

/**
 * From the description step: Continue, and on the question step (or the complaint picker) send
 * the report without answering, as a patient in a hurry may. Ends on the receipt, or on step 2
 * when it refused a field.
 */
export async function sendReport(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Continue' }).click();
	const questions = page.getByRole('heading', { name: 'A few quick questions' });
	const picker = page.getByRole('heading', { name: 'What is it mostly about?' });
	const receipt = page.getByRole('heading', { name: 'We have your report' });
	const refused = page.locator('p.error');
	await expect(questions.or(picker).or(receipt).or(refused).first()).toBeVisible();
	if (await questions.isVisible()) await page.getByRole('button', { name: /^Send/ }).click();
	else if (await picker.isVisible()) await page.getByRole('button', { name: 'None of these' }).click();
}

/** A new patient (random email) signs up and lands on the new-report page; returns the email. */
export async function signUpPatient(
	page: Page,
	who: { name: string; dateOfBirth: string; phone?: string } = { name: 'Morgan Rivera', dateOfBirth: '1951-07-04' }
): Promise<string> {
	const email = `e2e-${crypto.randomUUID().slice(0, 8)}@example.test`;
	// Idle network means hydrated: typing into a form before hydration can be lost.
	await page.goto('/signup', { waitUntil: 'networkidle' });
	await page.getByLabel('Your name').fill(who.name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a-long-e2e-password');
	await page.getByLabel('Mobile phone').fill(who.phone ?? '555-210-9876');
	await page.getByLabel('Date of birth').fill(who.dateOfBirth);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/report$/);
	return email;
}

/** The header's language switch, from English to Spanish: in place with JavaScript, a round trip without. */
export async function switchToSpanish(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Español' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
}

export const DEMO_PASSWORD = 'demo-password-1';

/** Signs in a demo (or any) account from the login page and waits to leave it. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	// Idle network means hydrated: typing into a form before hydration can be lost.
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}
