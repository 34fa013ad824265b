// node tools/scripts/bench/backlog.mjs [--database-url postgres://…] [--abandon 50] [--after 6]
//
// What a slow first request of a bench line is made of (issue 17: "the citizen view's first request takes about
// 4 s"). Starts the built API on the bench data and times, one request at a time: the citizen view of a fresh
// process (its first requests: what lazy initialisation costs), then again right after --abandon clients asked for
// the team board for --after seconds and gave up the requests they had in flight (as autocannon does when a line
// ends), and once more after waiting until the server answers its readiness check promptly (as load.mjs's
// drain does). The board clients ask again as soon as they are answered, as autocannon's connections do. Run `node tools/scripts/build.mjs` first.
import { parseArgs } from 'node:util';
import { benchScenarios, benchUsers, drain, ensureSeeded, startServer, TARGET_OPTIONS, targetOf } from './harness.mjs';

const { values } = parseArgs({
  options: {
    ...TARGET_OPTIONS,
    abandon: { type: 'string', default: '50' },
    after: { type: 'string', default: '6' },
  },
});
const target = targetOf(values);
const { seeded, deploymentFile } = await ensureSeeded(target);
const subject = seeded.subjects[0];
const users = await benchUsers(target.dataDir, subject);
const { SCENARIOS } = benchScenarios({ subject, ...users });
const citizenView = SCENARIOS.citizenView.request();
const board = SCENARIOS.board.request();

const server = await startServer('api', { target, deploymentFile });
/** Times `n` citizen views one after the other (each the next course of the caseworker's). */
async function views(label, n) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const { path, headers } = citizenView.setupRequest({ headers: citizenView.headers });
    const t0 = performance.now();
    const r = await fetch(`${server.base}${path}`, { headers });
    await r.text();
    if (r.status !== 200) throw new Error(`citizen view ${r.status}`);
    ms.push(Math.round(performance.now() - t0));
  }
  console.log(`${label.padEnd(58)} ${ms.join(', ')} ms`);
}
/** `--abandon` clients asking for the team board again and again for `--after` seconds, then giving up mid-request. */
async function abandonBoards() {
  const stop = new AbortController();
  let finished = 0;
  const client = async () => {
    while (!stop.signal.aborted) {
      await fetch(`${server.base}${board.path}`, { headers: board.headers, signal: stop.signal }).then((r) => r.text()).then(() => finished++, () => undefined);
    }
  };
  for (let i = 0; i < Number(values.abandon); i++) void client();
  await new Promise((r) => setTimeout(r, Number(values.after) * 1000));
  stop.abort();
  return finished;
}
try {
  await views('fresh process: citizen views', 5);
  const line = async () => console.log(`${values.abandon} clients asking for the board for ${values.after} s: ${await abandonBoards()} answered, ${values.abandon} given up in flight`);
  await line();
  await views('at once after that: citizen views', 5);
  await line();
  console.log(`the server answered its readiness check promptly again after ${((await drain(server)) / 1000).toFixed(1)} s`);
  await views('after that wait: citizen views', 5);
} finally {
  await server.stop();
}
