#!/usr/bin/env node
// `npm start`: build when the sources are newer than the build, then serve.
// Migrations run and (outside production) the demo clinic is seeded when the server starts.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const stamp = path.join(root, 'build', 'handler.js');
const inputs = ['src', 'static', 'drizzle', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newest(target) {
	if (!fs.existsSync(target)) return 0;
	const stat = fs.statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of fs.readdirSync(target)) {
		if (entry.endsWith('.test.ts')) continue;
		latest = Math.max(latest, newest(path.join(target, entry)));
	}
	return latest;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (built === 0 || Math.max(...inputs.map((p) => newest(path.join(root, p)))) > built) {
	console.log('Building Clearline (the first start takes a minute)…');
	try {
		// Quiet unless it fails: the first thing a newcomer should read is the address and the logins.
		execSync('npx vite build', { stdio: 'pipe' });
	} catch (error) {
		process.stdout.write(error.stdout ?? '');
		process.stderr.write(error.stderr ?? '');
		console.error('The build failed (above).');
		process.exit(1);
	}
}

process.env.PORT ??= '3000';
// Request logs are for operators: the demo prints its address and logins, then stays quiet (LOG_LEVEL=info to see them).
process.env.LOG_LEVEL ??= 'warn';
process.env.DATABASE_PATH ??= './data/clearline.db';
// Times shown to patients and staff: the clinic's zone, here the machine's unless set.
process.env.PUBLIC_TIMEZONE ||= Intl.DateTimeFormat().resolvedOptions().timeZone;
// adapter-node assumes https when it is not told the public address, and SvelteKit then
// refuses every form post from http://localhost as cross-site. Production must say.
if (!process.env.ORIGIN) {
	if (process.env.CLEARLINE_ENV === 'production') {
		console.error('Set ORIGIN to the public URL, e.g. ORIGIN=https://clearline.example.org');
		process.exit(1);
	}
	process.env.ORIGIN = `http://localhost:${process.env.PORT}`;
}
// Argon2 and SQLite work happens on the main thread; keep the adapter's defaults otherwise.
await import(path.join(root, 'build', 'index.js'));
