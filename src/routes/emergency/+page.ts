// Static advice: prerendered so it can be served (and cached offline) without the server.
export const prerender = true;
