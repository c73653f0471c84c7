import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

describe('PWA shell', () => {
	it('serves the service worker from the root, with the offline page in its precache', async () => {
		const response = await fetch(`${server.url}/service-worker.js`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/javascript/);
		const code = await response.text();
		expect(code).toContain('/emergency');
		expect(code).toContain('notificationclick');
		expect(code).not.toMatch(/\bprocess\.env\b/);
		// A new version waits for the patient's "Reload" (tests/pwa-update.spec.ts drives it in the browser).
		expect(code).toContain('SKIP_WAITING');
	});

	it('serves the emergency page and the manifest it links', async () => {
		const page = await fetch(`${server.url}/emergency`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toMatch(/Call 911/);
		expect(html).toMatch(/<link rel="manifest" href="[./]*manifest\.webmanifest"/);

		const manifest = await fetch(`${server.url}/manifest.webmanifest`);
		expect(manifest.status).toBe(200);
		const body = (await manifest.json()) as {
			name: string;
			start_url: string;
			display: string;
			theme_color: string;
			icons: { src: string; sizes: string }[];
		};
		expect(body).toMatchObject({ name: 'Clearline', start_url: '/', display: 'standalone', theme_color: '#0b5cad' });
		for (const size of ['192x192', '512x512']) {
			const icon = body.icons.find((i) => i.sizes === size);
			expect(icon, size).toBeTruthy();
			const png = Buffer.from(await (await fetch(`${server.url}${icon!.src}`)).arrayBuffer());
			expect(png.subarray(1, 4).toString()).toBe('PNG');
			expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(size);
		}
	});

	it('renders the emergency page in the language the phone asks for, before any script runs', async () => {
		const spanish = await (
			await fetch(`${server.url}/emergency`, { headers: { 'accept-language': 'es-US,es;q=0.9' } })
		).text();
		expect(spanish).toMatch(/<html lang="es"/);
		expect(spanish).toMatch(/Llame al 911/i);
		const chosen = await (
			await fetch(`${server.url}/emergency`, { headers: { cookie: 'PARAGLIDE_LOCALE=es' } })
		).text();
		expect(chosen).toMatch(/<html lang="es"/);
		const english = await (await fetch(`${server.url}/emergency`, { headers: { 'accept-language': 'en-US' } })).text();
		expect(english).toMatch(/<html lang="en"/);
		expect(english).toMatch(/Call 911/);
	});

	it('allows the service worker and manifest under the CSP', async () => {
		const csp = (await fetch(`${server.url}/login`)).headers.get('content-security-policy') ?? '';
		expect(csp).toContain("worker-src 'self'");
		expect(csp).toContain("manifest-src 'self'");
	});
});

describe('the browser bundle', () => {
	it('never carries the validation library or server code (the report page budget is bench:web)', async () => {
		const fs = await import('node:fs');
		const path = await import('node:path');
		const dir = path.resolve('build/client/_app/immutable');
		const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
		expect(files.length).toBeGreaterThan(5);
		for (const f of files) {
			const code = fs.readFileSync(path.join(dir, f), 'utf8');
			// zod's error class and issue codes, and the server's database driver and ORM, by their own names
			// (Drizzle's symbols are "drizzle:…"; the English word "drizzle" is in the browser engine's vocabulary).
			expect(code, f).not.toMatch(/ZodError|invalid_type|better-sqlite3|drizzle-orm|drizzle:/);
		}
	});
});
