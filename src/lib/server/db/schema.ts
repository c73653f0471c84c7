import { blob, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
	ACCESS_VIA,
	ACTOR_ROLES,
	CALLBACK_WINDOWS,
	CHANNELS,
	CONTACT_PREFERENCES,
	EVENT_TYPES,
	QUEUES,
	REPORT_STATUSES,
	ROLES
} from '../../vocabulary';
import { LANGS, SEXES, TRIAGE_LEVELS, type EmergencyScreenId, type FiredRule, type Told } from '../../triage/types';

/** Milliseconds since the epoch: one representation of time everywhere. */
const timestamp = (name: string) => integer(name, { mode: 'number' });

export const clinics = sqliteTable('clinics', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	phone: text('phone').notNull(),
	createdAt: timestamp('created_at').notNull()
});

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull().unique(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		name: text('name').notNull(),
		createdAt: timestamp('created_at').notNull(),
		disabledAt: timestamp('disabled_at'),
		/** Set by an admin's temporary password: the account must choose its own before doing anything else. */
		mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
		/** The language this person last chose ('en' | 'es'); null until they choose. Sign-in opens the app in it. */
		language: text('language', { enum: LANGS })
	},
	(t) => [index('users_role_idx').on(t.role)]
);

export const patientProfiles = sqliteTable('patient_profiles', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id),
	phone: text('phone').notNull(),
	dateOfBirth: text('date_of_birth').notNull(),
	sex: text('sex', { enum: SEXES }),
	clinicId: text('clinic_id')
		.notNull()
		.references(() => clinics.id)
});

export const staffProfiles = sqliteTable('staff_profiles', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id),
	channel: text('channel', { enum: CHANNELS }).notNull(),
	/** Shown to patients, e.g. "RN", "MD", "Support specialist — non-clinical". */
	credential: text('credential').notNull(),
	/** Team name shown to patients, e.g. "Telehealth nurse team". */
	team: text('team').notNull(),
	clinicId: text('clinic_id').references(() => clinics.id),
	onDuty: integer('on_duty', { mode: 'boolean' }).notNull().default(false)
});

/** One-time password-reset links: only the SHA-256 of the token is kept, and each works once, briefly. */
export const passwordResets = sqliteTable('password_resets', {
	tokenHash: text('token_hash').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => users.id),
	createdAt: timestamp('created_at').notNull(),
	expiresAt: timestamp('expires_at').notNull(),
	usedAt: timestamp('used_at')
});

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the token's secret half; the secret itself is never stored. */
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: timestamp('created_at').notNull(),
		lastUsedAt: timestamp('last_used_at').notNull(),
		expiresAt: timestamp('expires_at').notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Current state of a report: a projection of its events, written in the same transaction. */
export const reports = sqliteTable(
	'reports',
	{
		id: text('id').primaryKey(),
		reference: text('reference').notNull().unique(),
		patientId: text('patient_id')
			.notNull()
			.references(() => users.id),
		clinicId: text('clinic_id')
			.notNull()
			.references(() => clinics.id),
		status: text('status', { enum: REPORT_STATUSES }).notNull(),
		level: text('level', { enum: TRIAGE_LEVELS }).notNull(),
		/** Level of the latest automated decision over all patient text; a rise above it re-routes the report. */
		autoLevel: text('auto_level', { enum: TRIAGE_LEVELS }).notNull(),
		queue: text('queue', { enum: QUEUES }).notNull(),
		/** The fired rules of the decision in force, with evidence and wording. */
		reasons: text('reasons', { mode: 'json' }).notNull().$type<FiredRule[]>(),
		ruleSetVersion: text('rule_set_version').notNull(),
		crisisLine: integer('crisis_line', { mode: 'boolean' }).notNull().default(false),
		emergencyScreen: text('emergency_screen', { mode: 'json' }).notNull().$type<EmergencyScreenId[]>(),
		description: text('description').notNull(),
		/** Everything triage has read: the description, patient updates and notes typed by staff. */
		triageText: text('triage_text').notNull(),
		severity: integer('severity'),
		durationHours: real('duration_hours'),
		pregnant: integer('pregnant', { mode: 'boolean' }),
		/** What the question step told: answers, who it is about, risk factors, readings (null before it existed). */
		told: text('told', { mode: 'json' }).$type<Told>(),
		callbackPhone: text('callback_phone').notNull(),
		contactPreference: text('contact_preference', { enum: CONTACT_PREFERENCES }).notNull(),
		callbackWindow: text('callback_window', { enum: CALLBACK_WINDOWS }).notNull().default('asap'),
		callbackCancelled: integer('callback_cancelled', { mode: 'boolean' }).notNull().default(false),
		contactReached: integer('contact_reached', { mode: 'boolean' }).notNull().default(false),
		failedAttempts: integer('failed_attempts').notNull().default(0),
		emergencyAdviceLeft: integer('emergency_advice_left', { mode: 'boolean' }).notNull().default(false),
		/** The automated level of the text a clinician saw when they last lowered this report: their lowering covers that. */
		loweredOver: text('lowered_over', { enum: TRIAGE_LEVELS }),
		/** The closed report this one continues: new clinical text on a closed report opens a linked one. */
		followsReportId: text('follows_report_id'),
		handlerId: text('handler_id').references(() => users.id),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull(),
		/** Acknowledgement deadline for the current level. */
		respondBy: timestamp('respond_by').notNull(),
		acknowledgedAt: timestamp('acknowledged_at'),
		/** 0 = on time, 1 = on-duty clinicians re-alerted, 2 = clinical lead alerted. */
		escalationStep: integer('escalation_step').notNull().default(0),
		/** When the next rung of the escalation ladder is due, while unacknowledged. */
		nextEscalationAt: timestamp('next_escalation_at'),
		resolvedAt: timestamp('resolved_at')
	},
	(t) => [
		index('reports_patient_idx').on(t.patientId, t.createdAt),
		index('reports_queue_idx').on(t.queue, t.status, t.respondBy),
		index('reports_escalation_idx').on(t.nextEscalationAt)
	]
);

/**
 * Append-only history. Triggers in the migration refuse UPDATE and DELETE; each
 * row carries the hash of the previous row so tampering is detectable.
 */
export const reportEvents = sqliteTable(
	'report_events',
	{
		seq: integer('seq').primaryKey({ autoIncrement: true }),
		reportId: text('report_id')
			.notNull()
			.references(() => reports.id),
		type: text('type', { enum: EVENT_TYPES }).notNull(),
		at: timestamp('at').notNull(),
		actorId: text('actor_id').references(() => users.id),
		actorRole: text('actor_role', { enum: ACTOR_ROLES }).notNull(),
		actorName: text('actor_name'),
		actorChannel: text('actor_channel', { enum: CHANNELS }),
		actorCredential: text('actor_credential'),
		actorTeam: text('actor_team'),
		data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
		prevHash: text('prev_hash').notNull(),
		/** The hash of this report's previous event (its own chain); null on events from before it was kept. */
		reportPrevHash: text('report_prev_hash'),
		hash: text('hash').notNull()
	},
	(t) => [index('report_events_report_idx').on(t.reportId, t.seq)]
);

/**
 * Signed anchors of the event chain: the head (sequence number and hash) signed with an
 * Ed25519 key kept outside the database, so someone holding the file cannot rewrite history
 * and recompute every later hash. Append-only like the events.
 */
export const chainCheckpoints = sqliteTable('chain_checkpoints', {
	seq: integer('seq').primaryKey(),
	hash: text('hash').notNull(),
	at: timestamp('at').notNull(),
	/** base64 Ed25519 signature of `clearline-checkpoint\n<seq>\n<hash>\n<at>[\naccess\n<accessSeq>\n<accessHash>]`. */
	signature: text('signature').notNull(),
	/** SHA-256 (hex, first 16) of the public key that signed it. */
	keyId: text('key_id').notNull(),
	/** The access log's head at the same moment (signed too, when present). */
	accessSeq: integer('access_seq'),
	accessHash: text('access_hash')
});

/**
 * Who at Clearline opened which report, when, and from where: append-only by trigger and
 * hash-chained like the events (but not announced: a view changes nothing). The patient sees
 * the views of their own reports.
 */
export const accessLog = sqliteTable(
	'access_log',
	{
		seq: integer('seq').primaryKey({ autoIncrement: true }),
		reportId: text('report_id')
			.notNull()
			.references(() => reports.id),
		at: timestamp('at').notNull(),
		viewerId: text('viewer_id')
			.notNull()
			.references(() => users.id),
		/** A staff role, or `system` for an unattended job (the FHIR bulk export). No CHECK in the table: a TS-only vocabulary. */
		viewerRole: text('viewer_role', { enum: ACTOR_ROLES }).notNull(),
		viewerName: text('viewer_name').notNull(),
		viewerChannel: text('viewer_channel', { enum: CHANNELS }),
		viewerCredential: text('viewer_credential'),
		/** Where they came from: the queue, a search, a direct link, or the API. */
		via: text('via', { enum: ACCESS_VIA }).notNull(),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [index('access_log_report_idx').on(t.reportId, t.seq)]
);
export type AccessLogRow = typeof accessLog.$inferSelect;

export type UserRow = typeof users.$inferSelect;
export type StaffProfileRow = typeof staffProfiles.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type ReportEventRow = typeof reportEvents.$inferSelect;

export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		endpoint: text('endpoint').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: timestamp('created_at').notNull(),
		/** The sign-in that enabled alerts on this device: logging out (or any end of that session) removes them. */
		sessionId: text('session_id').references(() => sessions.id, { onDelete: 'cascade' })
	},
	(t) => [index('push_subscriptions_user_idx').on(t.userId), index('push_subscriptions_session_idx').on(t.sessionId)]
);

/** Process-wide settings that must survive restarts, e.g. the VAPID key pair. */
export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
