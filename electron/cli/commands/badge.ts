// `uketsuke badge`: one delegate's badge as a PDF (the desk prints through the Api's print queue instead).
import fs from 'node:fs';
import path from 'node:path';
import { BADGE_SIZES, type BadgeSize } from '../../services/badges/sizes.js';
import { out, UsageError, withApp, type Cli, type Command } from '../context.js';

/** --out and --size, checked before the file is opened (shared with `badges`). */
export function badgeOptions({ command, values }: Cli): { file: string; size: BadgeSize } {
  if (!values.out) throw new UsageError(`${command} needs --out FILE.pdf`);
  const size = (values.size ?? 'a6') as BadgeSize;
  if (!BADGE_SIZES.includes(size)) throw new UsageError(`--size must be one of ${BADGE_SIZES.join(', ')}`);
  return { file: values.out, size };
}

export const badge: Command = async (cli) => {
  const { values } = cli;
  const { file, size } = badgeOptions(cli);
  return withApp(cli, { existing: true }, async (app) => {
    if (!values.delegate) throw new UsageError('badge needs --delegate ID or EMAIL');
    fs.writeFileSync(file, await app.badges.pdf(values.delegate, { size, back: values.back }));
    if (values.json) out({ out: path.resolve(file), size });
    return 0;
  });
};
