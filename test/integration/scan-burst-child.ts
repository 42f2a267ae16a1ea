// Child process for the durability test: scans as fast as it can and prints each scan id only after its
// transaction committed, which is what "acknowledged" means to a door steward.
import { Uketsuke } from '../../electron/services/uketsuke.js';

const [file, ...tokens] = process.argv.slice(2);
const app = Uketsuke.open(file!);
const checkpoints = app.event.checkpointRows().map((c) => c.id);
let i = 0;
for (;;) {
  const token = tokens[i % tokens.length]!;
  const r = app.checkin.scan(checkpoints[i % checkpoints.length]!, token);
  process.stdout.write(`${r.scanId}\n`);
  i++;
}
