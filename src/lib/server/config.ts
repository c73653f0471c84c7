/**
 * Process configuration, read once from the environment. Plain process.env
 * (not $env) so the CLIs under scripts/ can import server modules too.
 */
import path from 'node:path';

function flag(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

const production = (process.env.CLEARLINE_ENV ?? 'demo') === 'production';

const databasePath = path.resolve(process.env.DATABASE_PATH ?? './data/clearline.db');

export const config = {
	production,
	databasePath,
	/**
	 * The Ed25519 key that signs chain checkpoints. Keep it off the database's disk in production
	 * (someone holding both could re-sign a rewritten history); made on first start when missing.
	 */
	checkpointKeyPath: path.resolve(
		process.env.CHECKPOINT_KEY_PATH ?? path.join(path.dirname(databasePath), 'checkpoint-key.pem')
	),
	/** How often the chain head is signed (when it moved). */
	checkpointEveryMs: Math.max(1000, Number(process.env.CHECKPOINT_EVERY_MS ?? 60_000) || 60_000),
	migrationsFolder: path.resolve(process.env.MIGRATIONS_DIR ?? './drizzle'),
	/** `--init` (or CLEARLINE_INIT=1): allowed to create a new, empty database in production. */
	init: process.argv.includes('--init') || flag(process.env.CLEARLINE_INIT, false),
	/** Demo clinic and accounts are seeded into an empty database unless in production. */
	seedDemo: flag(process.env.CLEARLINE_SEED_DEMO, !production),
	/** Cookies get `Secure` whenever the site is served over HTTPS (always in production). */
	secureCookies: flag(process.env.SECURE_COOKIES, production),
	/** Login and sign-up rate limits; only load tests switch them off. */
	rateLimits: flag(process.env.CLEARLINE_RATE_LIMITS, true),
	/** How often the escalation ladder is checked. */
	deadlineCheckMs: Math.max(250, Number(process.env.DEADLINE_CHECK_MS ?? 5000) || 5000),
	/** Contact for push services about our alerts (VAPID `sub`): a mailto: or https: URL. */
	vapidSubject: process.env.VAPID_SUBJECT || 'mailto:alerts@clearline.invalid',
	/** Where password-reset mail goes out (e.g. smtps://user:pass@mail.example.org); unset: no mail is sent. */
	smtpUrl: process.env.SMTP_URL || null,
	mailFrom: process.env.MAIL_FROM || 'Clearline <no-reply@clearline.invalid>',
	logLevel: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info')
} as const;
