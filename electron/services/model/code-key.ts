// The key a registration code is matched by, on the desk (people/delegates.ts) and in the apply path
// (replication/apply/codes.ts) alike: one rule, so a code added on one device is found by a scan on another.

/** What a scan is compared with: systems that ignore case get the upper-case form. */
export function codeKey(c: { readonly code: string; readonly ci: boolean }): string {
  const code = c.code.normalize('NFKC').trim();
  return c.ci ? code.toUpperCase() : code;
}
