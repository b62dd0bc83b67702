import { fork } from 'node:child_process';
import { migrate } from '@baton/postgres';
import pg from 'pg';
const url = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `lat_${process.pid}`;
await migrate(url, { schema });
const admin = new pg.Client(url); await admin.connect();
await admin.query(`CREATE TABLE "${schema}"."session" ("sid" varchar NOT NULL PRIMARY KEY, "sess" json NOT NULL, "expire" timestamp(6) NOT NULL)`);
for (const kind of ['baton', 'cps']) {
  const child = fork('bench/postgres.ts', [], { env: { ...process.env, BENCH_PG_SERVER: kind, BENCH_PG_SCHEMA: schema }, execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((r) => child.once('message', (m: any) => r(m.port)));
  const base = `http://127.0.0.1:${port}`;
  const seeded = await fetch(`${base}/__seed?bytes=4096`, { method: 'POST' });
  const cred = kind === 'baton' ? (await seeded.json() as any).sid : (seeded.headers.get('set-cookie') ?? '').split(';')[0];
  const one = async () => {
    const r = kind === 'baton'
      ? await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'inc' }], data: { session_id: cred } }) })
      : await fetch(`${base}/api/chat?inc=1`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cred }, body: '{}' });
    await r.text();
    if (r.status !== 200) throw new Error(String(r.status));
  };
  for (let i = 0; i < 5; i++) await one();
  const t = performance.now();
  for (let i = 0; i < 50; i++) await one();
  console.log(kind, ((performance.now() - t) / 50).toFixed(1), 'ms/turn sequential');
  child.kill();
}
await admin.query(`DROP SCHEMA ${schema} CASCADE`); await admin.end();
