/**
 * Starts the built server (`build/`) on a free port with its own temporary
 * SQLite file, for black-box integration tests over real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestServer {
	url: string;
	databasePath: string;
	stop(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server did not become healthy:\n${output()}`);
}

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
	const entry = path.resolve('build/index.js');
	if (!fs.existsSync(entry)) throw new Error('No build found: run `npm run build` (npm test does) first.');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearline-test-'));
	const databasePath = path.join(dir, 'test.db');
	const port = await freePort();
	let log = '';
	const child = spawn(process.execPath, [entry], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_PATH: databasePath,
			CLEARLINE_SEED_DEMO: '1',
			// Tests sign up many patients from one address; auth.test.ts checks the limits themselves.
			CLEARLINE_RATE_LIMITS: '0',
			LOG_LEVEL: 'warn',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
	const url = `http://127.0.0.1:${port}`;
	await waitForHealth(url, child, () => log);
	return {
		url,
		databasePath,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

export function randomEmail(prefix = 'patient'): string {
	return `${prefix}-${crypto.randomUUID().slice(0, 8)}@example.test`;
}

/** A small JSON client that keeps a bearer token. */
export class ApiClient {
	token: string | null = null;
	constructor(private readonly base: string) {}

	async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
		const response = await fetch(`${this.base}/api/v1${path}`, {
			method,
			headers: {
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
				...headers
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
		});
		const text = await response.text();
		let json: any;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			json = { raw: text };
		}
		return { status: response.status, json, headers: response.headers };
	}

	async signupAndLogin(overrides: Record<string, unknown> = {}) {
		const email = randomEmail();
		const password = 'a-long-test-password';
		const signup = await this.request('POST', '/auth/signup', {
			email,
			password,
			name: 'Test Patient',
			phone: '555-201-3344',
			dateOfBirth: '1958-06-01',
			...overrides
		});
		if (signup.status !== 201) throw new Error(`signup failed: ${JSON.stringify(signup.json)}`);
		await this.login(email, password);
		return { email, password };
	}

	async login(email: string, password: string) {
		const login = await this.request('POST', '/auth/login', { email, password });
		if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.json)}`);
		this.token = login.json.token;
		return login.json;
	}
}

export type DemoStaff = Record<'nurse' | 'doctor' | 'support' | 'admin', ApiClient>;

/** The seeded demo staff, each logged in on their own client. */
export async function demoStaff(url: string): Promise<DemoStaff> {
	const staff = {} as DemoStaff;
	for (const who of ['nurse', 'doctor', 'support', 'admin'] as const) {
		staff[who] = new ApiClient(url);
		await staff[who].login(`${who}@demo.test`, 'demo-password-1');
	}
	return staff;
}

/** A new patient who has just sent one report (which must be created: 201). */
export async function patientWith(url: string, description: string, emergencyScreen: string[] = []) {
	const patient = new ApiClient(url);
	await patient.signupAndLogin();
	const created = await patient.request('POST', '/reports', { emergencyScreen, description });
	if (created.status !== 201) throw new Error(`report not created: ${created.status}`);
	return { patient, id: created.json.id as string, report: created.json };
}
