// duckdb_count.mjs: the reference reading of the RPLS open-data file for
// bench/run.sh — DuckDB's read_csv and the same per-manager sums as
// `hlm rpls validate` (lines, CONV = 1, pre-1977 not conventionné).
// Usage: node duckdb_count.mjs FILE YEAR
import { DuckDBInstance } from '@duckdb/node-api';

const [file, year] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const y = Number(year);
const sql = `
  SELECT coalesce(nullif(manager, ''), siren) AS mgr,
         count(*) AS lines,
         sum(CASE WHEN CONV = 1 THEN 1 ELSE 0 END) AS conv,
         sum(CASE WHEN CONV <> 1 AND (CONSTRUCT <= 1976 OR
                  (ORIGINE = 2 AND PATRIMOINE <= 1976)) THEN 1 ELSE 0 END)
           AS pre77_nc,
         sum(CASE WHEN ORIGINE = 1 AND CONSTRUCT BETWEEN ${y - 10} AND ${y - 1}
                  THEN 1 ELSE 0 END) AS built10,
         sum(CASE WHEN PATRIMOINE BETWEEN ${y - 6} AND ${y - 1}
                  THEN 1 ELSE 0 END) AS entered6
  FROM read_csv('${file.replace(/'/g, "''")}', delim = ';', header = true,
                types = {'siren': 'VARCHAR', 'manager': 'VARCHAR',
                         'DEPCOM': 'VARCHAR', 'CODEPOSTAL': 'VARCHAR'})
  GROUP BY mgr ORDER BY mgr`;
const t0 = performance.now();
const reader = await con.runAndReadAll(sql);
const ms = performance.now() - t0;
const rows = reader.getRows();
let total = 0n;
for (const r of rows) total += BigInt(r[1]);
console.log(`${rows.length} gestionnaires, ${total} lignes, requête ${ms.toFixed(0)} ms`);
