/** `--db` takes a file or a PostgreSQL URL (the organisers' hub). Kept apart so the CLI can tell without loading pg. */
export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//.test(s);
}
