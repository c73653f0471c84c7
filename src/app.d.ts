import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** How the request authenticated: a bearer token is never refreshed into a cookie. */
			authVia: 'cookie' | 'bearer' | null;
		}
		interface Error {
			message: string;
			errorId?: string;
			/** The API's error shape, so JSON clients read an unexpected failure like any other. */
			error?: { code: 'internal_error'; message: string };
		}
	}
}

export {};
