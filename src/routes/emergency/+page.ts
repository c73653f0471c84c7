// Rendered by the server, not at build time, so it comes in the patient's language (account, cookie or
// the phone's own language) even before any script runs. The service worker keeps a copy fetched without
// cookies, which holds nobody's data, for when there is no connection.
export const prerender = false;
