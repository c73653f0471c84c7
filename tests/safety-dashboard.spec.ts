import { expect, test } from '@playwright/test';
import { logIn } from './report-flow';

/**
 * The safety dashboard on the demo week (seeded with the demo accounts): an admin sees the
 * deadline breaches and follows one to the report, on a phone and on a desktop screen.
 */
for (const [width, height] of [
	[360, 740],
	[1280, 800]
] as const) {
	test.describe(`at ${width} px wide`, () => {
		test.use({ viewport: { width, height } });

		test('an admin sees a deadline breach and follows its link to the report @no-js', async ({ page }) => {
			await logIn(page, 'admin@demo.test');
			await page.goto('/safety');
			await expect(page.getByText(/the week before you started Clearline was generated/)).toBeVisible();

			const breaches = page.getByRole('region', { name: 'Deadline breaches and escalation steps' });
			await expect(breaches.getByRole('row').nth(1)).toBeVisible();
			await expect(breaches.getByRole('cell', { name: 'Clinical lead alerted' }).first()).toBeVisible();
			// Nothing on the page is wider than the screen but the tables' own scroll boxes.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

			const link = breaches.getByRole('link').first();
			const reference = (await link.textContent())!.trim();
			expect(reference).toMatch(/^CL-/);
			await link.click();
			await expect(page.getByRole('heading', { level: 1, name: `Report ${reference}` })).toBeVisible();
			// The breach is in the report's own history too.
			await expect(page.getByText(/deadline/i).first()).toBeVisible();
		});
	});
}
