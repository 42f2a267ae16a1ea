// `uketsuke delegates`: every delegate (or the desk's search for --search) with their checkpoints and badge token.
import { out, withApp, type Command } from '../context.js';

export const delegates: Command = async (cli) => {
  const { values } = cli;
  return withApp(cli, { existing: true }, (app) => {
    // The desk's search through the Api (its limit: 100); the whole list is more than the Api hands out at once.
    const hits = values.search !== undefined
      ? app.dispatch('searchDelegates', { query: values.search, limit: 100 })
      : app.delegates.search('', 1_000_000);
    const list = hits.map((h) => {
      const row = app.delegates.get(h.id);
      return { ...h, checkpoints: app.cards.checkpointsFor(h.id), token: app.delegates.tokenFor(row) };
    });
    if (values.json) out(list);
    else for (const d of list) process.stdout.write(`${d.badgeNo}\t${d.familyName}, ${d.givenName}\t${d.organisation ?? ''}\t${d.email ?? ''}\n`);
    return 0;
  });
};
