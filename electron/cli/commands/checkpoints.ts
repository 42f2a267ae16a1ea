// `uketsuke checkpoints`: the doors and buses where scans happen, with their rules and counts.
import { out, withApp, type Command } from '../context.js';

export const checkpoints: Command = async (cli) =>
  withApp(cli, { existing: true }, (app) => {
    const list = app.dispatch('checkpoints', {}).map((c) => ({ id: c.id, name: c.name, kind: c.kind, capacity: c.capacity, nameJa: c.nameJa, entryRule: c.entryRule, listRule: c.listRule, opensAt: c.opensAt, closesAt: c.closesAt, admitted: c.admitted, registered: c.registered }));
    if (cli.values.json) out(list);
    else for (const c of list) process.stdout.write(`${c.id}\t${c.kind}\t${c.capacity ?? '-'}\t${c.name}\n`);
    return 0;
  });
