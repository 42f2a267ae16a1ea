// `uketsuke badges`: many badges in one PDF, chosen as the desk's filters choose (role, country, search).
import fs from 'node:fs';
import path from 'node:path';
import { out, progressBar, withApp, type Command } from '../context.js';
import { badgeOptions } from './badge.js';

export const badges: Command = async (cli) => {
  const { values } = cli;
  const { file, size } = badgeOptions(cli);
  return withApp(cli, { existing: true }, async (app) => {
    const bar = progressBar('Badges');
    const { pdf, count } = await app.badges.batch({ role: values.role, country: values.country, search: values.search }, { size, back: values.back, onProgress: bar });
    fs.writeFileSync(file, pdf);
    if (values.json) out({ out: path.resolve(file), size, badges: count });
    else process.stdout.write(`${count} badges → ${file}\n`);
    return 0;
  });
};
