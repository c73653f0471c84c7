/** Dates as people read them. Rendered on the server in the clinic's zone (PUBLIC_TIMEZONE) or the system's. */
const formatter = new Intl.DateTimeFormat('en-US', {
	weekday: 'short',
	month: 'short',
	day: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
	timeZoneName: 'short'
});

export function formatTime(iso: string): string {
	return formatter.format(new Date(iso));
}
