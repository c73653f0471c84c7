import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signUpPatient, switchToSpanish } from './report-flow';

/**
 * A Spanish-speaking patient from the first screen to the receipt, and the
 * language following them: chosen from the browser, switchable in place,
 * remembered by their account on another phone.
 */

const spanishPhone = { locale: 'es-US', extraHTTPHeaders: { 'accept-language': 'es-US,es;q=0.9' } };

async function signUpInSpanish(page: Page): Promise<string> {
	const email = `es-${crypto.randomUUID().slice(0, 8)}@example.test`;
	await page.goto('/signup', { waitUntil: 'networkidle' });
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { name: 'Cree su cuenta' })).toBeVisible();
	await page.getByLabel('Su nombre').fill('Rosa Delgado');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill('una-contrasena-larga');
	await page.getByLabel('Teléfono celular').fill('555-210-4455');
	await page.getByLabel('Fecha de nacimiento').fill('1950-05-06');
	await page.getByRole('button', { name: 'Crear cuenta' }).click();
	await expect(page).toHaveURL(/\/report$/);
	return email;
}

test('a Spanish-speaking patient reports in Spanish from sign-up to the receipt, and a nurse is alerted', async ({
	browser
}) => {
	const context = await browser.newContext(spanishPhone);
	const page = await context.newPage();
	await signUpInSpanish(page);

	await expect(page.getByRole('heading', { name: 'En este momento, ¿tiene alguno de estos?' })).toBeVisible();
	await expect(page.getByLabel('Dolor, presión u opresión en el pecho')).toBeVisible();
	await page.getByRole('button', { name: 'Continuar' }).click();
	await page
		.getByLabel('Describa sus síntomas o lo que necesita')
		.fill('me duele el estómago y hay sangre en las heces');
	await page.getByRole('button', { name: 'Continuar' }).click();
	const questions = page.getByRole('heading', { name: 'Unas preguntas rápidas' });
	const receipt = page.getByRole('heading', { name: 'Recibimos su reporte' });
	await expect(questions.or(receipt)).toBeVisible();
	if (await questions.isVisible()) await page.getByRole('button', { name: /^Enviar/ }).click();

	await expect(receipt).toBeVisible();
	await expect(page.getByText('Su número de referencia es')).toBeVisible();
	// Blood in the stool is a clinician's report, said in Spanish too.
	await expect(page.locator('.badge.urgent, .badge.emergency').first()).toBeVisible();
	await expect(page.getByTestId('status').getByRole('heading')).toHaveText(
		/enfermera o un médico|Ya avisamos|tiene su reporte/
	);
	await expect(page.getByTestId('handled-by')).toHaveText(/lo tomarán las enfermeras y los médicos|Nadie/);
	await expect(page.getByRole('heading', { name: 'Historial' })).toBeVisible();
	await expect(page.getByText(/Reporte recibido\. Referencia CL-/)).toBeVisible();
	await expect(page.getByText(/La clasificación automática lo calificó como/)).toBeVisible();
	// Dates in Spanish words too.
	await expect(page.getByText(/Enviado el (lun|mar|mié|jue|vie|sáb|dom)/)).toBeVisible();

	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations).toEqual([]);
	await context.close();
});

test('switching to Spanish mid-report keeps what was typed, and the questions come in Spanish', async ({ page }) => {
	await signUpPatient(page, { name: 'Luis Ortega', dateOfBirth: '1948-01-09' });
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel('Describe your symptoms or request').fill('me duele el costado');
	await switchToSpanish(page);
	// Same field, now labelled in Spanish, with the words still in it.
	await expect(page.getByLabel('Describa sus síntomas o lo que necesita')).toHaveValue('me duele el costado');
	await page.getByRole('button', { name: 'Continuar' }).click();
	await expect(page.getByRole('heading', { name: 'Unas preguntas rápidas' })).toBeVisible();
	await expect(page.getByRole('group', { name: '¿El dolor empezó de repente?' })).toBeVisible();
});

test('the language chosen is remembered by the account: signing in on an English phone opens in Spanish', async ({
	browser
}) => {
	const first = await browser.newContext(spanishPhone);
	const email = await signUpInSpanish(await first.newPage());
	await first.close();

	const other = await browser.newContext({ locale: 'en-US' });
	const page = await other.newPage();
	await page.goto('/login', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('una-contrasena-larga');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('link', { name: 'Mis reportes' })).toBeVisible();

	// And back to English from the header, remembered again for the next sign-in.
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'My reports' })).toBeVisible();
	await other.close();
});

test('the language switch works without JavaScript @no-js', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await page.getByRole('button', { name: 'Español' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
});

test('the emergency advice speaks the phone’s language before any script runs, and so does its offline copy @no-js', async ({
	browser
}, testInfo) => {
	const scripts = testInfo.project.use.javaScriptEnabled !== false;
	const context = await browser.newContext({ ...spanishPhone, javaScriptEnabled: scripts });
	const page = await context.newPage();
	await page.goto('/emergency', { waitUntil: 'networkidle' });
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { name: 'Si es una emergencia' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Llamar al 911' })).toHaveAttribute('href', 'tel:911');
	if (scripts) {
		// The copy kept for no connection was fetched in the phone's language too.
		const offlineCopy = await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const request of await cache.keys())
					if (new URL(request.url).pathname === '/emergency') return (await cache.match(request))?.text();
			}
			return null;
		});
		expect(offlineCopy).toContain('<html lang="es"');
		expect(offlineCopy).toContain('Llamar al 911');
	}
	await context.close();
});

test('staff pages stay in English whatever the phone speaks', async ({ browser }) => {
	const context = await browser.newContext(spanishPhone);
	const page = await context.newPage();
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Correo electrónico').fill('nurse@demo.test');
	await page.getByLabel('Contraseña').fill('demo-password-1');
	await page.getByRole('button', { name: 'Iniciar sesión' }).click();
	await expect(page).toHaveURL(/\/queue\/clinician/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Support queue' })).toBeVisible();
	await context.close();
});
