import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { benchDatabase } from './db';
import { parseArgs } from './profiles';
import { benchParams } from './run';
import { SCENARIOS } from './scenarios';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `node dist/bench/explain.js [--out docs/queries]`: EXPLAIN (ANALYZE, BUFFERS) of every scenario's
 * raw SQL on the generated data, with the runner's parameters, one file per scenario.
 */
async function main(outDir: string): Promise<void> {
  const db = await benchDatabase();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const params = await benchParams(client);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM incident');
    await mkdir(outDir, { recursive: true });
    for (const scenario of SCENARIOS) {
      if (!scenario.raw) continue;
      const parts = [`-- ${scenario.id}: ${scenario.name}`, `-- ${rows[0].n} incidents in the database`, ''];
      for (const q of scenario.raw(params)) {
        await client.query(q.text, q.values); // warm, as the benchmark is
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`,
          q.values,
        );
        parts.push(q.text.replace(/^\s+/gm, '  ').trim(), '', ...plan.rows.map((r) => r['QUERY PLAN']), '');
      }
      const file = path.join(
        outDir,
        `${scenario.id}-${scenario.name.split(/[,:(]/)[0].trim().replace(/\s+/g, '-')}.txt`,
      );
      await writeFile(file, parts.join('\n'));
      console.log(parts.join('\n'));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await client.end();
    await db.stop();
  }
}

if (require.main === module) {
  const flags = parseArgs(process.argv.slice(2));
  if (flags['data-dir']) process.env.VARNA_DATA_DIR = path.resolve(flags['data-dir']);
  main(path.resolve(flags.out ?? path.join(ROOT, 'docs/queries'))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
