/**
 * `npm run bench:web`: what a patient's phone downloads and how Lighthouse
 * scores it (DESIGN.md targets; issues 9 and 11).
 *
 * 1. Bytes: the built server, Chromium, every script and stylesheet the page
 *    loads (plus CSS inlined in the HTML), each body gzipped at level 9.
 * 2. Lighthouse 12 (mobile: emulated phone, simulated slow 4G and CPU
 *    slowdown) on the sign-in page and on the report page signed in as the
 *    demo patient.
 *
 * A benchmark, not a test: it prints figures against targets and exits
 * non-zero when one is missed, so a CI step can choose to watch it.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer, type TestServer } from '../src/lib/server/testing/server';

const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_PATIENT = { email: 'patient@demo.test', password: 'demo-password-1' };
const JS_BUDGET_KB = 60;

const BYTE_PAGES = [
	{ path: '/report', as: DEMO_PATIENT.email, budgeted: true },
	{ path: '/reports', as: DEMO_PATIENT.email, budgeted: false },
	{ path: '/login', as: null, budgeted: false }
];
const LIGHTHOUSE_PAGES = [
	{ path: '/login', signedIn: false },
	{ path: '/report', signedIn: true }
];
/** Scores out of 100; accessibility must be a full 100. */
const TARGETS = [
	{ category: 'performance', min: 95 },
	{ category: 'accessibility', min: 100 },
	{ category: 'best-practices', min: 95 }
] as const;

let missed = false;
const miss = (ok: boolean, target: string) => {
	if (!ok) missed = true;
	return ok ? `ok (${target})` : `MISSED (${target})`;
};

async function measureBytes(server: TestServer): Promise<void> {
	const browser = await chromium.launch({ executablePath: CHROME });
	try {
		console.log('Bytes over the wire, gzipped at level 9 (fresh browser context, nothing cached):');
		console.log(
			`${'page'.padEnd(12)} ${'scripts'.padStart(8)} ${'JS KB'.padStart(8)} ${'JS gz'.padStart(8)} ${'sheets'.padStart(7)} ${'CSS KB'.padStart(8)} ${'CSS gz'.padStart(8)}`
		);
		for (const page of BYTE_PAGES) {
			const context = await browser.newContext();
			const tab = await context.newPage();
			if (page.as) {
				await tab.goto(`${server.url}/login`, { waitUntil: 'networkidle' });
				await tab.getByLabel('Email').fill(page.as);
				await tab.getByLabel('Password').fill(DEMO_PATIENT.password);
				await tab.getByRole('button', { name: 'Log in' }).click();
				await tab.waitForURL((u) => !u.pathname.startsWith('/login'));
			}
			// A fresh context for the measured load: nothing cached from logging in.
			const fresh = await browser.newContext({ storageState: await context.storageState() });
			const measured = await fresh.newPage();
			const scripts: Buffer[] = [];
			const sheets: Buffer[] = [];
			measured.on('response', async (response) => {
				const type = response.request().resourceType();
				if (type === 'script') scripts.push(await response.body());
				else if (type === 'stylesheet') sheets.push(await response.body());
			});
			await measured.goto(`${server.url}${page.path}`, { waitUntil: 'networkidle' });
			// SvelteKit can inline small stylesheets into the HTML; they are CSS the phone downloads all the same.
			const inline = await measured.$$eval('style', (nodes) => nodes.map((n) => n.textContent ?? ''));
			const css = [...sheets, ...inline.filter((t) => t !== '').map((t) => Buffer.from(t))];
			const kb = (bodies: Buffer[]) => bodies.reduce((n, b) => n + b.length, 0) / 1024;
			const gz = (bodies: Buffer[]) => bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) / 1024;
			const jsGz = gz(scripts);
			const verdict = page.budgeted ? `  JS ${miss(jsGz < JS_BUDGET_KB, `< ${JS_BUDGET_KB} KB gz`)}` : '';
			console.log(
				`${page.path.padEnd(12)} ${String(scripts.length).padStart(8)} ${kb(scripts).toFixed(1).padStart(8)} ${jsGz.toFixed(1).padStart(8)} ${String(css.length).padStart(7)} ${kb(css).toFixed(1).padStart(8)} ${gz(css).toFixed(1).padStart(8)}${verdict}`
			);
			await fresh.close();
			await context.close();
		}
	} finally {
		await browser.close();
	}
}

/** The demo patient's session cookies, from the JSON login (which sets the same cookie as the form). */
async function sessionCookies(server: TestServer): Promise<{ name: string; value: string; url: string }[]> {
	const response = await fetch(`${server.url}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEMO_PATIENT)
	});
	if (!response.ok) throw new Error(`demo patient login failed: ${response.status}`);
	const cookies = response.headers.getSetCookie().map((c) => {
		const [pair = ''] = c.split(';');
		const at = pair.indexOf('=');
		return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
	});
	if (cookies.length === 0) throw new Error('login set no cookie');
	return cookies;
}

/**
 * One Lighthouse run in its own Chromium (a fresh profile: no service worker or cache from another run).
 * Lighthouse's `extraHeaders: {Cookie}` does not reach Chromium's requests reliably (it redirected to
 * /login here), so a signed-in run puts the cookie in the browser's own jar over CDP and tells Lighthouse
 * not to clear storage; the profile is new, so there is nothing else to clear.
 */
async function lighthouseRun(
	server: TestServer,
	path: string,
	cookies: { name: string; value: string; url: string }[] | null
) {
	const chrome = await chromeLauncher.launch({
		chromePath: CHROME,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
	});
	try {
		if (cookies) {
			const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
			const context = cdp.contexts()[0];
			if (!context) throw new Error('Chromium has no default context');
			await context.addCookies(cookies);
			await cdp.close(); // only disconnects: the default context was not made by Playwright
		}
		const result = await lighthouse(`${server.url}${path}`, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: TARGETS.map((t) => t.category),
			disableStorageReset: cookies !== null
		});
		if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
		return result.lhr;
	} finally {
		chrome.kill();
	}
}

async function runLighthouse(server: TestServer): Promise<void> {
	const cookies = await sessionCookies(server);
	console.log('\nLighthouse 12 mobile (Moto G Power emulation, simulated slow 4G, 4x CPU slowdown):');
	for (const page of LIGHTHOUSE_PAGES) {
		const lhr = await lighthouseRun(server, page.path, page.signedIn ? cookies : null);
		if (lhr.runtimeError) throw new Error(`Lighthouse on ${page.path}: ${lhr.runtimeError.message}`);
		// A lost cookie would score the login page twice and call it the report page.
		const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
		if (finalPath !== page.path) throw new Error(`Lighthouse on ${page.path} ended on ${finalPath}`);
		console.log(`${page.path}${page.signedIn ? ' (signed in as the demo patient)' : ''}`);
		for (const target of TARGETS) {
			const category = lhr.categories[target.category];
			const score = Math.round((category?.score ?? 0) * 100);
			const wanted = target.min === 100 ? '= 100' : `>= ${target.min}`;
			console.log(`  ${target.category.padEnd(15)} ${String(score).padStart(4)}  ${miss(score >= target.min, wanted)}`);
			if (score < 100) {
				const failing = (category?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0)
					.flatMap((ref) => {
						const audit = lhr.audits[ref.id];
						return audit && audit.score !== null && audit.score < 0.9
							? [`${audit.id} (${Math.round(audit.score * 100)})`]
							: [];
					});
				if (failing.length > 0) console.log(`    below 90: ${failing.join(', ')}`);
			}
		}
		const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
		console.log(
			`  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`
		);
	}
}

const server = await startServer();
try {
	if (!process.argv.includes('--lighthouse-only')) await measureBytes(server);
	await runLighthouse(server);
} finally {
	await server.stop();
}
if (missed) process.exit(1);
