/**
 * Writes the PWA icons (static/icon-192.png, static/icon-512.png): a white
 * cross on the brand blue, inside the maskable safe zone. Only node:zlib, so
 * no image tooling is needed: `node scripts/make-icons.js`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BRAND = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(buffer) {
	let c = 0xffffffff;
	for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

function icon(size) {
	// The cross spans half the icon and stays well inside the 80% circle Android masks to.
	const arm = Math.round(size * 0.16);
	const reach = Math.round(size * 0.25);
	const centre = size / 2;
	const rows = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3); // filter byte 0 (None), then RGB
		for (let x = 0; x < size; x++) {
			const dx = Math.abs(x + 0.5 - centre);
			const dy = Math.abs(y + 0.5 - centre);
			const inCross = (dx <= arm / 2 && dy <= reach) || (dy <= arm / 2 && dx <= reach);
			row.set(inCross ? WHITE : BRAND, 1 + x * 3);
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, no filter, no interlace
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

for (const size of [192, 512]) {
	const file = path.resolve('static', `icon-${size}.png`);
	fs.writeFileSync(file, icon(size));
	console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
