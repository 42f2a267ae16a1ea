// `uketsuke event` (the event, its days, sessions, buses and checkpoints) and `uketsuke event create` (a new, empty
// event of the organiser's own in the named file). The JSON is a contract: ISO start and end.
import type { Uketsuke } from '../../services/uketsuke.js';
import { out, UsageError, withApp, type Cli, type Command } from '../context.js';

/** The event and its programme as `uketsuke event --json` prints it, from the Api's `event` and `programme`. */
function eventJson(app: Uketsuke) {
  const { deviceId: _d, delegateCount, staffPinSet: _p, codeShapes: _c, ...info } = app.dispatch('event', {});
  const programme = app.dispatch('programme', {});
  return {
    ...info,
    delegates: delegateCount,
    sessions: programme.sessions,
    buses: programme.buses,
    checkpoints: programme.checkpoints.map(({ admitted: _a, registered: _r, ...cp }) => cp),
  };
}

async function create(cli: Cli): Promise<number> {
  const { values, db } = cli;
  if (!values.name || !values.start || !values.end || !values.tz) throw new UsageError('event create needs --name NAME --start YYYY-MM-DD --end YYYY-MM-DD --tz ZONE');
  for (const [flag, v] of [['--start', values.start], ['--end', values.end]] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${flag} takes a date as YYYY-MM-DD`);
  }
  const { name, start, end, tz } = values;
  return withApp(cli, { existing: false }, (app) => {
    // Not the Api's `newEvent`: that is the screens' "New event", which opens a file of its own (electron/workspace/).
    const id = app.programme.createEvent({ name, nameJa: values['name-ja'], startsOn: start, endsOn: end, timezone: tz, venue: values.venue, venueJa: values['venue-ja'], rehearsal: values.rehearsal });
    if (values.json) out(eventJson(app));
    else process.stdout.write(`Created "${name}" (${id}) in ${db}: ${start} to ${end}, ${tz}. Next: uketsuke programme import FILE --db ${db}\n`);
    return 0;
  });
}

export const event: Command = async (cli) => {
  const { values, positionals } = cli;
  if (positionals[0] === 'create') return create(cli);
  if (positionals.length) throw new UsageError(`Unknown event command: ${positionals[0]}`);
  return withApp(cli, { existing: true }, (app) => {
    const e = eventJson(app);
    if (values.json) out(e);
    else {
      process.stdout.write(`${e.name}${e.nameJa ? ` / ${e.nameJa}` : ''} — ${e.venue}, ${e.startsOn} to ${e.endsOn} (${e.timezone})${e.rehearsal ? ', rehearsal mode' : ''}\n`);
      for (const x of e.sessions) process.stdout.write(`  ${x.startsAt} – ${x.endsAt}  ${x.title}${x.room ? ` (${x.room})` : ''}\n`);
      for (const b of e.buses) process.stdout.write(`  ${b.departsAt}  ${b.label} → ${b.site}, ${b.capacity} seats\n`);
    }
    return 0;
  });
};
