/**
 * Creates a staff account: the only way besides the admin page.
 *   npm run user:create -- --email sam@clinic.org --name "Sam Lee" --role nurse --channel telehealth
 * The password comes from CLEARLINE_PASSWORD or is generated and printed once.
 */
import { parseArgs } from 'node:util';
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { createStaff } from '../src/lib/server/auth/user';
import { ensureClinic } from '../src/lib/server/db/seed';
import { staffAccountSchema, fieldErrors } from '../src/lib/schemas';

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		role: { type: 'string' },
		channel: { type: 'string' },
		credential: { type: 'string' },
		team: { type: 'string' }
	}
});

const generated = !process.env.CLEARLINE_PASSWORD;
const password =
	process.env.CLEARLINE_PASSWORD ?? Buffer.from(crypto.getRandomValues(new Uint8Array(15))).toString('base64url');
const parsed = staffAccountSchema.safeParse({
	email: values.email,
	password,
	name: values.name ?? values.email?.split('@')[0],
	kind: values.role,
	channel: values.channel,
	credential: values.credential,
	team: values.team
});
if (!parsed.success) {
	for (const [field, message] of Object.entries(fieldErrors(parsed.error)))
		console.error(`--${field === 'kind' ? 'role' : field}: ${message}`);
	console.error(
		'Usage: npm run user:create -- --email E --name N --role nurse|doctor|support|admin --channel office|call_center|telehealth'
	);
	process.exit(2);
}

const { db } = openDatabase(config.databasePath, config.migrationsFolder);
ensureClinic(db, Date.now(), process.env.CLINIC_NAME ?? 'Clearline Clinic', process.env.CLINIC_PHONE ?? '911');
const result = await createStaff(db, parsed.data, Date.now());
if (!result.ok) {
	console.error(result.problem.message);
	process.exit(1);
}
console.log(`Created ${result.value.role} ${result.value.email}.`);
if (generated) console.log(`Temporary password (shown once): ${password}`);
