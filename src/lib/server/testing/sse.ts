/** A minimal server-sent-events reader over fetch, for tests and benchmarks. */
export interface SseMessage {
	id: string | null;
	event: string | null;
	data: Record<string, unknown> | null;
}

export class SseClient {
	readonly messages: SseMessage[] = [];
	lastId: string | null = null;
	#abort = new AbortController();
	#waiters: { match: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];
	#done: Promise<void> = Promise.resolve();

	static async connect(url: string, token: string, lastEventId?: string): Promise<SseClient> {
		const client = new SseClient();
		const response = await fetch(url, {
			headers: {
				authorization: `Bearer ${token}`,
				accept: 'text/event-stream',
				...(lastEventId ? { 'last-event-id': lastEventId } : {})
			},
			signal: client.#abort.signal
		});
		if (!response.ok || !response.body) throw new Error(`SSE connect failed: ${response.status}`);
		client.#done = client.#read(response.body);
		return client;
	}

	async #read(body: ReadableStream<Uint8Array>) {
		const decoder = new TextDecoder();
		let buffer = '';
		const reader = body.getReader();
		try {
			for (;;) {
				const { done, value: chunk } = await reader.read();
				if (done) break;
				buffer += decoder.decode(chunk, { stream: true });
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					this.#handle(block);
				}
			}
		} catch {
			// aborted
		}
	}

	#handle(block: string) {
		const message: SseMessage = { id: null, event: null, data: null };
		let hasField = false;
		for (const line of block.split('\n')) {
			if (line.startsWith(':')) continue;
			const [field, ...rest] = line.split(':');
			const value = rest.join(':').trimStart();
			if (field === 'id') message.id = value;
			else if (field === 'event') message.event = value;
			else if (field === 'data') message.data = JSON.parse(value);
			else continue;
			hasField = true;
		}
		if (!hasField) return;
		if (message.id) this.lastId = message.id;
		if (!message.data) return;
		this.messages.push(message);
		this.#waiters = this.#waiters.filter((w) => {
			if (!w.match(message)) return true;
			w.resolve(message);
			return false;
		});
	}

	/** Resolves with the first message (already received or future) that matches. */
	next(match: (m: SseMessage) => boolean, timeoutMs = 10_000): Promise<SseMessage> {
		const seen = this.messages.find(match);
		if (seen) return Promise.resolve(seen);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no matching SSE message')), timeoutMs);
			this.#waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
		});
	}

	async close() {
		this.#abort.abort();
		await this.#done;
	}
}
