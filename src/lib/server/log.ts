import pino from 'pino';
import { config } from './config';

/**
 * Structured logs. Never pass request bodies, report text, names, emails,
 * phone numbers or URLs with ids here: health data stays out of logs.
 */
export const log = pino({
	level: config.logLevel,
	base: undefined,
	redact: { paths: ['*.password', '*.description', '*.text', '*.email', '*.phone'], censor: '[redacted]' }
});
