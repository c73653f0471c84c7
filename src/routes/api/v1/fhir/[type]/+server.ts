import { fhirSearchResponse } from '$lib/server/fhir/http';
import { db, now } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => fhirSearchResponse(event, event.params.type, db(), now());
