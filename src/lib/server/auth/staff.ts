import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { staffProfiles, users } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import type { Channel, Role } from '../../vocabulary';

export interface StaffMember {
	id: string;
	email: string;
	name: string;
	role: Role;
	channel: Channel;
	credential: string;
	team: string;
	onDuty: boolean;
	disabled: boolean;
}

export function listStaff(db: Db): StaffMember[] {
	return db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			disabledAt: users.disabledAt,
			channel: staffProfiles.channel,
			credential: staffProfiles.credential,
			team: staffProfiles.team,
			onDuty: staffProfiles.onDuty
		})
		.from(users)
		.innerJoin(staffProfiles, eq(staffProfiles.userId, users.id))
		.orderBy(asc(users.role), asc(users.name))
		.all()
		.map(({ disabledAt, ...member }) => ({ ...member, disabled: disabledAt !== null }));
}

/** Staff mark themselves on or off duty; only on-duty clinicians are alerted. */
export function setOnDuty(db: Db, userId: string, onDuty: boolean): Result<{ onDuty: boolean }> {
	const updated = db.update(staffProfiles).set({ onDuty }).where(eq(staffProfiles.userId, userId)).returning().get();
	return updated ? ok({ onDuty: updated.onDuty }) : problem('forbidden', 'Only staff have a duty status.');
}

/** Who gets an alert: on-duty clinicians (step 1) or also admins, the clinical lead (step 2). */
export function alertRecipients(db: Db, includeLead: boolean): string[] {
	return listStaff(db)
		.filter((s) => !s.disabled && ((s.role === 'clinician' && s.onDuty) || (includeLead && s.role === 'admin')))
		.map((s) => s.id);
}
