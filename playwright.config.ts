import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
// A fresh database per run: every test makes its own patients.
const databasePath = path.join(os.tmpdir(), `clearline-e2e-${process.pid}-${Date.now()}.db`);

const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-quic',
		'--no-first-run'
	]
};

const phone = {
	...devices['Pixel 7'],
	browserName: 'chromium' as const,
	viewport: { width: 390, height: 844 },
	launchOptions: chromium
};

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 30_000,
	// localhost and no ORIGIN: the same defaults `npm start` gives a newcomer.
	use: { baseURL: `http://localhost:${port}`, trace: 'retain-on-failure' },
	projects: [
		{ name: 'phone', use: phone },
		// The key flows once more with JavaScript off: every form must work without it.
		{ name: 'phone-no-js', use: { ...phone, javaScriptEnabled: false }, grep: /@no-js/ }
	],
	webServer: {
		command: 'node scripts/start.js',
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		env: {
			PORT: String(port),
			DATABASE_PATH: databasePath,
			CLEARLINE_SEED_DEMO: '1',
			// Tests sign up many patients from one address; auth.test.ts checks the limits themselves.
			CLEARLINE_RATE_LIMITS: '0',
			LOG_LEVEL: 'warn'
		}
	}
});
