// The baseline for `npm run bench:api`: bare node:http + better-sqlite3 with the same
// durability as Clearline (WAL, synchronous=FULL), one insert per POST.
import http from 'node:http';
import Database from 'better-sqlite3';

const db = new Database(process.env.DATABASE_PATH);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('create table if not exists reports (id text primary key, body text not null, created_at integer not null)');
const insert = db.prepare('insert into reports (id, body, created_at) values (?, ?, ?)');

const server = http.createServer((req, res) => {
	const chunks = [];
	req.on('data', (c) => chunks.push(c));
	req.on('end', () => {
		const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		const id = crypto.randomUUID();
		insert.run(id, JSON.stringify(body), Date.now());
		res.writeHead(201, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ id }));
	});
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
