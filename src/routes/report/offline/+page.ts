// Rendered at build time for nobody (no patient data): precached by the service worker, so a
// report can be written and kept on the phone with no connection at all.
export const prerender = true;
