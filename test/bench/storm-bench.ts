/**
 * `npm run bench:storm`: the pull-mode storm of issue 9 (part 6), many times. Each run starts the
 * built server (`node dist/server.js --stdio`, pull diagnostics, `targetTable.maxProblems: 0`),
 * opens the sample and writes, in ONE write, `--edits` didChange notifications each followed by a
 * `textDocument/diagnostic` pull (test/lsp/storm.ts), then reads everything (`--read=fast`, or
 * `--read=slow`: 64 KB every 5 ms), and records whether the server answered every pull and
 * stayed up (exit code and signal after shutdown/exit, anything on stderr), how long it took and
 * its peak RSS (VmHWM). Exits 1 if any run lost the server.
 *
 * Options (after `--`): `--runs=N` (default 20), `--edits=N` (default 5000), `--read=fast|slow|both`
 * (default both: runs alternate), `--server-node-args="…"`.
 */
import { SAMPLE_URI, sampleText } from '../lsp/client';
import { RawServer } from '../lsp/raw-client';
import { stormMessages } from '../lsp/storm';
import { option } from './util';

const RUNS = Number(option('runs', '20'));
const EDITS = Number(option('edits', '5000'));
const READ = option('read', 'both');
const NODE_ARGS = option('server-node-args', '').split(' ').filter(Boolean);

interface Outcome {
  run: number;
  read: string;
  ok: boolean;
  answered: number;
  ms: number;
  hwm: number;
  end: string;
  stderr: string;
}

async function once(run: number, read: 'fast' | 'slow'): Promise<Outcome> {
  const server = await RawServer.start({ pull: true, settings: { maxProblems: 0 }, nodeArgs: NODE_ARGS });
  const text = sampleText();
  const storm = stormMessages(server, SAMPLE_URI, text, EDITS);
  if (read === 'slow') server.readSlowly(64 * 1024, 5);
  const t0 = Date.now();
  server.send(
    { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: SAMPLE_URI, languageId: 'target-table', version: 1, text } } },
    ...storm.messages,
  );
  let hwm = 0;
  const sampler = setInterval(() => {
    try {
      hwm = Math.max(hwm, server.memory().hwm);
    } catch {
      // gone
    }
  }, 200);
  const lastId = storm.pullIds[storm.pullIds.length - 1];
  const gone = server.exited.then((e) => `exited during the storm: code ${e.code}, signal ${e.signal}`);
  const last = server.response(lastId, 600000).then(() => '');
  const failure = await Promise.race([gone, last.catch((e: Error) => e.message)]);
  clearInterval(sampler);
  const ms = Date.now() - t0;
  const ids = new Set(storm.pullIds);
  const answered = server.messages.filter((m) => m.method === undefined && typeof m.id === 'number' && ids.has(m.id)).length;
  let end = failure;
  if (!failure) {
    const e = await server.stop();
    end = `code ${e.code}, signal ${e.signal}`;
  }
  const ok = !failure && end === 'code 0, signal null' && answered === storm.pullIds.length;
  return { run, read, ok, answered, ms, hwm, end, stderr: server.stderr.trim() };
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${RUNS} runs of ${EDITS} didChange + ${EDITS} textDocument/diagnostic in one write, maxProblems 0, read ${READ}`);
  const outcomes: Outcome[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const read = READ === 'both' ? (run % 2 ? 'fast' : 'slow') : (READ as 'fast' | 'slow');
    const o = await once(run, read);
    outcomes.push(o);
    console.log(
      `run ${run} (${read}): ${o.ok ? 'ok' : 'LOST'}, ${o.answered}/${EDITS} pulls answered, ${(o.ms / 1000).toFixed(1)} s, peak RSS ${o.hwm.toFixed(0)} MB, ended ${o.end}${o.stderr ? `\n  stderr: ${o.stderr}` : ''}`,
    );
  }
  const lost = outcomes.filter((o) => !o.ok).length;
  console.log(
    `${RUNS - lost} of ${RUNS} runs kept the server up and answered every pull; peak RSS max ${Math.max(...outcomes.map((o) => o.hwm)).toFixed(0)} MB`,
  );
  process.exit(lost ? 1 : 0);
}

void main();
