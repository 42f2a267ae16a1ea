// The derived search columns of a delegate row (what the desk search indexes, see search/columns.ts, and the sort
// key), computed in one place: the apply path calls it whenever a name, code or badge number changes, so every
// device indexes a person the same way. The row reads as the Api's delegate through the one mapping (toDelegate).
import { toDelegate, type DelegateRow } from './delegate-row.js';
import { foldText } from './normalize.js';
import { searchColumnsFor as indexColumnsFor } from './search/columns.js';

export function searchColumnsFor(r: DelegateRow): { search_text: string; search_keys: string; sort_key: string } {
  return { ...indexColumnsFor(toDelegate(r)), sort_key: foldText(`${r.family_name} ${r.given_name}`) };
}
