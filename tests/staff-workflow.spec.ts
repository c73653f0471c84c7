import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { logIn, sendReport, signUpPatient } from './report-flow';

/** A separate person: own cookies, same project settings (viewport, JavaScript on or off). */
async function person(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

/** A new patient (random email) who sends one report; returns its reference. */
async function patientReports(page: Page, description: string, name = 'Robin Patel'): Promise<string> {
	await signUpPatient(page, { name, dateOfBirth: '1984-05-06', phone: '555-210-4321' });
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel('Describe your symptoms or request').fill(description);
	await sendReport(page);
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();
	return (await page.locator('.reference').first().innerText()).trim();
}

const queueItem = (page: Page, reference: string): Locator => page.getByRole('listitem').filter({ hasText: reference });

/** Each handling step on the patient's timeline names the person, their credential and channel. */
async function expectStepBySamLee(patient: Page, step: string): Promise<void> {
	const entry = patient.locator(`li.step-${step}`).last();
	await expect(entry).toContainText('Sam Lee', { timeout: 10_000 });
	await expect(entry).toContainText('RN');
	await expect(entry).toContainText('Telehealth');
}

test('a nurse sees an urgent report arrive live, claims, calls and closes it, and the patient sees who at each step', async ({
	browser
}) => {
	const nurse = await person(browser);
	await logIn(nurse, 'nurse@demo.test');
	await nurse.goto('/queue/clinician');
	await expect(nurse.getByText('● Live')).toBeVisible();
	// A clinician can turn on alerts for this device from the queue.
	await expect(nurse.getByRole('heading', { name: 'Alerts on this device' })).toBeVisible();

	const patient = await person(browser);
	const reference = await patientReports(patient, 'stomach pain and blood in stool');

	// No reload: the row arrives over the event stream, with a banner.
	await expect(nurse.getByRole('link', { name: reference, exact: true })).toBeVisible({ timeout: 10_000 });
	await expect(nurse.getByRole('alert').filter({ hasText: 'New urgent report' }).first()).toBeVisible();
	const row = queueItem(nurse, reference);
	await expect(row.locator('.badge.urgent')).toBeVisible();
	await expect(row).toContainText('Robin, 4');
	await expect(row).toContainText('left to acknowledge');
	await expect(row).toContainText('Nobody yet');

	await row.getByRole('button', { name: `Claim ${reference}` }).click();
	await expect(nurse).toHaveURL(/\/queue\/reports\/[\w-]+$/);
	await expect(nurse.getByText('You are handling this report.')).toBeVisible();
	await expect(nurse.getByRole('link', { name: '555-210-4321' })).toHaveAttribute('href', 'tel:5552104321');

	// The patient's open page follows along without a reload.
	await expect(patient.getByTestId('handled-by')).toHaveText(/Sam Lee, RN · Telehealth nurse team/, {
		timeout: 10_000
	});
	await expectStepBySamLee(patient, 'claimed');

	await nurse.getByLabel('Reached the patient').check();
	await nurse.getByLabel('Call notes').fill('Spoke with the patient. Booked into clinic this afternoon.');
	await nurse.getByRole('button', { name: 'Log call' }).click();
	await expect(nurse.getByTestId('contact-reached')).toHaveText('Yes');
	await expectStepBySamLee(patient, 'contact_attempted');

	await nurse.getByLabel('What happened (outcome)').fill('Reached the patient; seen in clinic the same day.');
	await nurse.getByLabel('Disposition').selectOption({ label: 'Appointment booked' });
	await nurse.getByRole('button', { name: 'Close report' }).click();
	await expect(nurse.getByText('Closed.', { exact: true })).toBeVisible();

	await expectStepBySamLee(patient, 'resolved');
	await expect(patient.locator('li.step-resolved')).toContainText('seen in clinic the same day');
	await patient.reload();
	await expect(patient.getByTestId('handled-by')).toContainText('Sam Lee, RN · Telehealth nurse team');
	await expect(patient.getByLabel('What has changed?')).toHaveCount(0);
	// Closed: the outcome, never "will call you within 30 minutes", and a way back if not better.
	const status = patient.getByTestId('status');
	await expect(status.getByRole('heading')).toHaveText('Closed: appointment booked');
	await expect(status).toContainText('What was done: Reached the patient; seen in clinic the same day.');
	await expect(status).not.toContainText(/within 30 minutes|will call you/);
	await expect(patient.getByRole('heading', { name: 'Still not better?' })).toBeVisible();
});

test('support staff cannot open the clinician queue, and a red flag in their note hands the report to clinicians', async ({
	page,
	browser
}) => {
	await logIn(page, 'support@demo.test');
	const refused = await page.goto('/queue/clinician');
	expect(refused?.status()).toBe(403);
	await expect(page.getByText('Urgent and emergency reports are for clinicians only.')).toBeVisible();

	const patient = await person(browser);
	const reference = await patientReports(patient, 'my knee has been sore for a week');
	await expect(patient.getByTestId('status').getByRole('heading')).toHaveText(/^Your care team will reply by /);

	await page.goto('/queue/support');
	await queueItem(page, reference)
		.getByRole('link', { name: `Open ${reference}` })
		.click();
	await page.getByRole('button', { name: 'Claim', exact: true }).click();
	await expect(page.getByText('You are handling this report.')).toBeVisible();
	// Actions stay folded until used: the page fits a phone call.
	await expect(page.getByLabel('Note', { exact: true })).toBeHidden();
	await page.getByText('Add a note', { exact: true }).click();
	await page
		.getByLabel('Note', { exact: true })
		.fill('On the phone she says there is now blood in her stool and stomach pain.');
	await page.getByRole('button', { name: 'Add note' }).click();

	await expect(page.getByText('Your note raised this report to URGENT because:')).toBeVisible();
	await expect(page.getByText('Clinician queue (nurses and doctors)', { exact: true })).toBeVisible();
	// The page offers support only what the server allows on urgent work: a note, no claim, call or close
	// (the server's own refusal is tested through the API).
	await expect(page.getByText('Urgent and emergency reports are handled by nurses and doctors.')).toBeVisible();
	for (const name of ['Claim', 'Log call', 'Close report'])
		await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Add note' })).toBeVisible();
	await page.goto('/queue/support');
	await expect(page.getByRole('link', { name: reference, exact: true })).toHaveCount(0);

	// Support's claim was dropped when the report turned urgent: nobody holds it until a clinician claims it.
	await patient.reload();
	await expect(patient.getByTestId('status').getByRole('heading')).toHaveText(/^A nurse or doctor will call you by /);
	await expect(patient.getByTestId('handled-by')).toHaveText(/^Nobody yet: the nurses and doctors/);
	const nurse = await person(browser);
	await logIn(nurse, 'nurse@demo.test');
	await nurse.goto('/queue/clinician');
	await expect(queueItem(nurse, reference).locator('.badge.urgent')).toBeVisible();
});

test('a nurse claims and closes an urgent report with plain forms @no-js', async ({ page, browser }) => {
	const patient = await person(browser);
	const reference = await patientReports(patient, 'stomach pain and blood in stool');

	await logIn(page, 'nurse@demo.test');
	await page.goto('/queue/clinician');
	await queueItem(page, reference)
		.getByRole('button', { name: `Claim ${reference}` })
		.click();
	await expect(page.getByText('You are handling this report.')).toBeVisible();

	// Closing before anyone reached the patient is refused by the server, and the page says why.
	await page.getByLabel('What happened (outcome)').fill('Tried to close early.');
	await page.getByLabel('Disposition').selectOption('advice');
	await page.getByRole('button', { name: 'Close report' }).click();
	await expect(page.getByRole('alert')).toContainText('can be closed only after reaching the patient');
	await expect(page.getByLabel('What happened (outcome)')).toHaveValue('Tried to close early.');

	await page.getByLabel('Reached the patient').check();
	await page.getByRole('button', { name: 'Log call' }).click();
	await expect(page.getByTestId('contact-reached')).toHaveText('Yes');

	await page.getByLabel('What happened (outcome)').fill('Advised to go to urgent care today.');
	await page.getByLabel('Disposition').selectOption({ label: 'Sent to urgent care' });
	await page.getByRole('button', { name: 'Close report' }).click();
	await expect(page.getByText('Closed.', { exact: true })).toBeVisible();

	await patient.reload();
	await expect(patient.getByTestId('handled-by')).toContainText('Sam Lee, RN');
	await expect(patient.locator('li.step-resolved')).toContainText('Telehealth');
});

test('a patient who asks for a nurse moves a routine report to the clinician queue @no-js', async ({
	page,
	browser
}) => {
	const reference = await patientReports(page, 'rash on my arm for two days');
	const status = page.getByTestId('status');
	await expect(status.getByRole('heading')).toHaveText(/^Your care team will reply by /);

	await page.getByRole('button', { name: 'I think this needs a nurse now' }).click();
	await expect(status.getByRole('heading')).toHaveText(/^A nurse or doctor will call you by /);
	await expect(status).toContainText('You asked for a nurse or doctor');
	await expect(page.getByText('Your report is with the nurses and doctors.')).toBeVisible();
	await expect(page.locator('li.step-clinician_requested')).toContainText('You');

	const nurse = await person(browser);
	await logIn(nurse, 'nurse@demo.test');
	await nurse.goto('/queue/clinician');
	await expect(queueItem(nurse, reference).locator('.badge.urgent')).toBeVisible();
});

test('a patient update that names a red flag raises the level and says why; the call back can be changed and cancelled @no-js', async ({
	page
}) => {
	await patientReports(page, 'my knee has been sore for a week');

	await page.getByLabel('What has changed?').fill('Now there is blood in my stool and stomach pain.');
	await page.getByRole('button', { name: 'Send update' }).click();
	await expect(page.getByText('Your update raised your report to URGENT because:')).toBeVisible();
	await expect(page.getByTestId('status').getByRole('heading')).toHaveText(/^A nurse or doctor will call you by /);

	await page.getByLabel('Call me back on').fill('12');
	await page.getByRole('button', { name: 'Save call back details' }).click();
	await expect(page.getByText(/Enter a phone number we can call/)).toBeVisible();

	await page.getByLabel('Call me back on').fill('555-777-1234');
	await page.getByLabel('Best time to call').selectOption('evening');
	await page.getByRole('button', { name: 'Save call back details' }).click();
	await expect(page.locator('li.step-callback_changed')).toContainText('555-777-1234, evening');

	await page.getByRole('button', { name: 'Cancel my call back' }).click();
	await expect(page.getByTestId('status').getByRole('heading')).toHaveText('You cancelled your call back');
	await expect(page.getByText('You cancelled your call back.')).toBeVisible();
	await page.getByRole('button', { name: 'I still want a call back' }).click();
	await expect(page.getByLabel('Call me back on')).toHaveValue('555-777-1234');
});

test('an admin creates a staff account; field errors are shown next to the field; the new nurse must choose their own password', async ({
	page,
	browser
}) => {
	await logIn(page, 'admin@demo.test');
	await expect(page.getByRole('heading', { name: 'Staff', exact: true })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Staff accounts' })).toContainText('Sam Lee');

	const email = `e2e-staff-${crypto.randomUUID().slice(0, 8)}@example.test`;
	await page.getByLabel('Full name').fill('Casey Nguyen');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Temporary password').fill('short');
	await page.getByLabel('Kind of staff').selectOption('nurse');
	await page.getByLabel('Channel').selectOption('office');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
	await expect(page.getByLabel('Email')).toHaveValue(email);

	await page.getByLabel('Temporary password').fill('a-long-staff-password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText(`Account created for ${email}.`)).toBeVisible();
	await expect(
		page.getByRole('list', { name: 'Staff accounts' }).getByRole('listitem').filter({ hasText: email })
	).toContainText('Office nurse team');

	// The admin chose that password: at first login the nurse must replace it before anything else.
	const casey = await person(browser);
	await casey.goto('/login', { waitUntil: 'networkidle' });
	await casey.getByLabel('Email').fill(email);
	await casey.getByLabel('Password').fill('a-long-staff-password');
	await casey.getByRole('button', { name: 'Log in' }).click();
	await expect(casey).toHaveURL(/\/account\/password$/);
	await expect(casey.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
	await casey.goto('/queue/clinician');
	await expect(casey).toHaveURL(/\/account\/password$/);
	await casey.getByLabel('Temporary password').fill('a-long-staff-password');
	await casey.getByLabel('New password', { exact: true }).fill('caseys-own-password');
	await casey.getByRole('button', { name: 'Show password' }).nth(1).click();
	await expect(casey.getByLabel('New password', { exact: true })).toHaveAttribute('type', 'text');
	await casey.getByLabel('New password again').fill('caseys-own-password');
	await casey.getByRole('button', { name: 'Change password' }).click();
	await expect(casey.getByText('Your password is changed.')).toBeVisible();
	await casey.getByRole('link', { name: 'Continue' }).click();
	await expect(casey).toHaveURL(/\/queue\/clinician$/);

	// The admin disables the account: it is logged out at once.
	const row = page.getByRole('list', { name: 'Staff accounts' }).getByRole('listitem').filter({ hasText: email });
	await page.reload();
	await row.getByText('Manage Casey Nguyen').click();
	await row.getByRole('button', { name: 'Disable the account' }).click();
	await expect(row.getByText('Account disabled: it is logged out everywhere')).toBeVisible();
	await casey.reload();
	await expect(casey).toHaveURL(/\/login/);
});

test('a support agent finds a closed report by reference, and by name and date of birth @no-js', async ({
	page,
	browser
}) => {
	const patient = await person(browser);
	// Letters only (a name), unique per run: each hex digit of a UUID becomes a letter.
	const surname = `Okafor${[...crypto.randomUUID().replace(/-/g, '').slice(0, 10)]
		.map((c) => 'ghijklmnopabcdef'['0123456789abcdef'.indexOf(c)])
		.join('')}`;
	const reference = await patientReports(patient, 'Can I get a copy of my vaccination record?', `Ada ${surname}`);

	await logIn(page, 'support@demo.test');
	await page.goto('/queue/support');
	await queueItem(page, reference)
		.getByRole('link', { name: `Open ${reference}` })
		.click();
	await page.getByRole('button', { name: 'Claim', exact: true }).click();
	await page.getByLabel('What happened (outcome)').fill('Emailed the vaccination record.');
	await page.getByLabel('Disposition').selectOption({ label: 'No action needed' });
	await page.getByRole('button', { name: 'Close report' }).click();
	await expect(page.getByText('Closed.', { exact: true })).toBeVisible();

	// The patient phones back quoting the reference, in lower case and without the prefix.
	await page.getByRole('link', { name: 'Find a report' }).click();
	const search = page.getByRole('searchbox', { name: 'Reference, name, date of birth or phone' });
	await search.fill(reference.slice(3).toLowerCase());
	await page.getByRole('button', { name: 'Search' }).click();
	const found = page.getByRole('list', { name: 'Reports found' }).getByRole('listitem');
	await expect(found).toHaveCount(1);
	await expect(found).toContainText(`Ada ${surname}`);
	await expect(found).toContainText('Closed');
	await expect(found).toContainText('Born 05/06/1984');

	// Or gives their name and date of birth, as the form shows it.
	await search.fill(`${surname} 05/06/1984`);
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(found).toHaveCount(1);
	await found.getByRole('link', { name: new RegExp(reference) }).click();
	await expect(page).toHaveURL(/\/queue\/reports\/[\w-]+\?from=search$/);
	await expect(page.getByText('Emailed the vaccination record.').first()).toBeVisible();
});
