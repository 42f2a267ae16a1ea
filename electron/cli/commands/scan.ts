// `uketsuke scan CODE`: a door's verdict for a code (exit 0 even when denied); --at sets the scan's business time.
import { out, UsageError, withApp, type Command } from '../context.js';

export const scan: Command = async (cli) => {
  const { values, positionals } = cli;
  if (!values.checkpoint) throw new UsageError('scan needs --checkpoint ID');
  if (positionals.length !== 1) throw new UsageError('scan takes exactly one CODE');
  const checkpointId = values.checkpoint;
  return withApp(cli, { existing: true, at: true }, (app) => {
    const r = app.dispatch('scan', { checkpointId, code: positionals[0] });
    if (values.json) out(r);
    else process.stdout.write(`${r.verdict}: ${r.reason}${r.delegate ? ` — ${r.delegate.givenName} ${r.delegate.familyName}` : ''}\n`);
    return 0;
  });
};
