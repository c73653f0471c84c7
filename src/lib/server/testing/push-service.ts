/**
 * A stand-in push service for tests: a local HTTP server on 127.0.0.1 that
 * records what the real `web-push` library sends it, plus a browser-side
 * subscription key pair (P-256 ECDH + 16-byte auth secret) so the test can
 * decrypt the aes128gcm body (RFC 8188 / RFC 8291) the way a browser would.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export interface ReceivedPush {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

export interface FakePushService {
	/** Base URL with an `https:` scheme, as real endpoints have; connect with `agent`. */
	origin: string;
	received: ReceivedPush[];
	/** The status the next requests get (201 like a real push service by default). */
	respondWith(status: number): void;
	/**
	 * web-push always speaks HTTPS. This agent hands it a plain TCP socket to the
	 * local server instead of a TLS one, so everything above TLS (encryption,
	 * VAPID JWT, headers) is the library's real code path, with no certificate needed.
	 */
	agent: https.Agent;
	close(): Promise<void>;
}

class PlainSocketAgent extends https.Agent {
	override createConnection(options: { host?: string | null; port?: number | string | null }): net.Socket {
		return net.connect(Number(options.port), options.host ?? '127.0.0.1');
	}
}

export async function startFakePushService(): Promise<FakePushService> {
	const received: ReceivedPush[] = [];
	let status = 201;
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (c: Buffer) => chunks.push(c));
		request.on('end', () => {
			received.push({
				method: request.method ?? '',
				path: request.url ?? '',
				headers: request.headers,
				body: Buffer.concat(chunks)
			});
			response.writeHead(status).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	const agent = new PlainSocketAgent({ keepAlive: false });
	return {
		origin: `https://127.0.0.1:${port}`,
		received,
		respondWith: (s) => (status = s),
		agent,
		close: () =>
			new Promise((resolve) => {
				agent.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

export interface BrowserKeys {
	p256dh: string;
	auth: string;
	decrypt(body: Buffer): string;
}

/** What a browser makes when it subscribes: an ECDH P-256 key pair and an auth secret, and the matching decryption. */
export function browserSubscriptionKeys(): BrowserKeys {
	const ecdh = crypto.createECDH('prime256v1');
	const uaPublic = ecdh.generateKeys();
	const authSecret = crypto.randomBytes(16);
	return {
		p256dh: uaPublic.toString('base64url'),
		auth: authSecret.toString('base64url'),
		decrypt(body) {
			// RFC 8188 header: salt(16) | record size(4) | key id length(1) | key id (the sender's public key).
			const salt = body.subarray(0, 16);
			const idLength = body.readUInt8(20);
			const asPublic = body.subarray(21, 21 + idLength);
			const sealed = body.subarray(21 + idLength);
			const shared = ecdh.computeSecret(asPublic);
			// RFC 8291 §3.4: IKM from the ECDH secret and the auth secret, bound to both public keys.
			const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
			const ikm = Buffer.from(crypto.hkdfSync('sha256', shared, authSecret, keyInfo, 32));
			const cek = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
			const nonce = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
			const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
			decipher.setAuthTag(sealed.subarray(sealed.length - 16));
			const padded = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
			// The last record ends with the delimiter 0x02, then optional zero padding.
			let end = padded.length - 1;
			while (end >= 0 && padded[end] === 0) end--;
			if (padded[end] !== 0x02) throw new Error('not a final aes128gcm record');
			return padded.subarray(0, end).toString('utf8');
		}
	};
}
