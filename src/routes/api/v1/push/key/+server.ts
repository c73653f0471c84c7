import { json } from '@sveltejs/kit';
import { vapidKeys } from '$lib/server/notify/vapid';
import { db } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The VAPID public key browsers subscribe with. Public by design: push services see it in every subscription. */
export const GET: RequestHandler = () => json({ publicKey: vapidKeys(db()).publicKey });
