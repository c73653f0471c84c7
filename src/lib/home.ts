import type { Role } from './vocabulary';

/** Where each role starts after logging in. */
export function homeFor(role: Role): string {
	switch (role) {
		case 'patient':
			return '/reports';
		case 'clinician':
			return '/queue/clinician';
		case 'support':
			return '/queue/support';
		case 'admin':
			return '/admin';
	}
}
