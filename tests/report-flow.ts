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
