/**
 * `npm run bench:web`: the JavaScript a patient's phone downloads to open the
 * report page, gzipped, against its 60 KB budget (DESIGN.md; issue 9). Measured
 * the way a browser gets it: the built server, Chromium, every script the page
 * loads, each body gzipped at level 9. Exits non-zero over budget.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startServer } from '../src/lib/server/testing/server';

const BUDGET_KB = 60;
const PAGES = [
	{ path: '/report', as: 'patient@demo.test', budgeted: true },
	{ path: '/reports', as: 'patient@demo.test', budgeted: false },
	{ path: '/login', as: null, budgeted: false }
];

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
let over = false;
try {
	console.log(`${'page'.padEnd(12)} ${'scripts'.padStart(8)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}`);
	for (const page of PAGES) {
		const context = await browser.newContext();
		const tab = await context.newPage();
		if (page.as) {
			await tab.goto(`${server.url}/login`, { waitUntil: 'networkidle' });
			await tab.getByLabel('Email').fill(page.as);
			await tab.getByLabel('Password').fill('demo-password-1');
			await tab.getByRole('button', { name: 'Log in' }).click();
			await tab.waitForURL((u) => !u.pathname.startsWith('/login'));
		}
		// A fresh context for the measured load: nothing cached from logging in.
		const fresh = await browser.newContext({ storageState: await context.storageState() });
		const measured = await fresh.newPage();
		const bodies: Buffer[] = [];
		measured.on('response', async (response) => {
			if (response.request().resourceType() === 'script') bodies.push(await response.body());
		});
		await measured.goto(`${server.url}${page.path}`, { waitUntil: 'networkidle' });
		const raw = bodies.reduce((n, b) => n + b.length, 0) / 1024;
		const gzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) / 1024;
		const verdict = page.budgeted ? (gzip <= BUDGET_KB ? `within ${BUDGET_KB} KB` : `OVER ${BUDGET_KB} KB`) : '';
		if (page.budgeted && gzip > BUDGET_KB) over = true;
		console.log(
			`${page.path.padEnd(12)} ${String(bodies.length).padStart(8)} ${raw.toFixed(1).padStart(8)} ${gzip.toFixed(1).padStart(8)}  ${verdict}`
		);
		await fresh.close();
		await context.close();
	}
} finally {
	await browser.close();
	await server.stop();
}
if (over) process.exit(1);
