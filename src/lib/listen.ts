/** Adds listeners and returns one function that removes them all: for `onMount`'s cleanup. */
export function listen(...bindings: [EventTarget, string, (event: Event) => void][]): () => void {
	for (const [target, type, handler] of bindings) target.addEventListener(type, handler);
	return () => {
		for (const [target, type, handler] of bindings) target.removeEventListener(type, handler);
	};
}
