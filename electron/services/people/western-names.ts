// A Western name typed into one field ("Seán Ó Briain", "Lotte van der Berg", "Prof. Dr. Jürgen Weiß"): where the
// family name begins and which words are titles, not names. The family name starts at the first particle after the
// given name (Ó, van der, de la, von, Mac…), else it is the last word; titles at the front are dropped from the given
// name (a badge prints the name, not the degree).
const TITLES = /^(prof|professor|dr|dr\.?-ing|dipl\.?-ing|mag|ing|mr|mrs|ms|miss|mx|sir|dame|herr|frau|m|mme|mlle|sig|sig\.ra|dott|dott\.ssa|sr|sra|srta|don|dña|pan|pani|hr|fr|drs|ir|mgr|rev|hon)\.?$/i;

// Particles that begin a family name. Multi-word ones are matched word by word ("van der", "de la", "von und zu").
const PARTICLES = new Set(['ó', 'o', "o'", 'ní', 'ni', 'nic', 'mac', 'mc', 'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'di', 'da', 'das', 'dos', 'du', 'des', 'la', 'le', 'lo', 'ten', 'ter', 'te', 'zu', 'zum', 'zur', 'af', 'av', 'al', 'el', 'bin', 'binti', 'ibn', 'ap', 'st', 'st.', 'y']);

export interface WesternName {
  family: string;
  given: string;
}

export function splitWesternName(full: string): WesternName {
  const words = full.trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && TITLES.test(words[0]!)) words.shift();
  if (words.length <= 1) return { family: words[0] ?? '', given: '' };
  // The first word is always given; the family name begins at the first particle after it, else at the last word.
  const at = words.findIndex((w, i) => i > 0 && i < words.length - 1 && PARTICLES.has(w.toLowerCase()));
  const cut = at > 0 ? at : words.length - 1;
  return { family: words.slice(cut).join(' '), given: words.slice(0, cut).join(' ') };
}

/** "Prof. Dr. Jürgen" in a given-name column → "Jürgen" (a title alone is kept: it is all the row has). */
export function withoutTitles(given: string): string {
  const words = given.trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && TITLES.test(words[0]!)) words.shift();
  return words.join(' ');
}
