/**
 * Sets of strings numbered densely for typed-array work (weights, postings, merges): each string
 * gets the next id the first time it is seen, sets in the order given, each set's strings in its
 * own iteration order.
 */
export interface DenseIds {
  /** Each set's strings as ids, in the set's own order. */
  ids: Int32Array[];
  /** The string of each id. */
  names: string[];
  /** How many of the sets hold each id. */
  df: number[];
}

export function denseIds(sets: readonly ReadonlySet<string>[]): DenseIds {
  const idOf = new Map<string, number>();
  const names: string[] = [];
  const df: number[] = [];
  const ids = sets.map((set) => {
    const out = new Int32Array(set.size);
    let k = 0;
    for (const s of set) {
      let x = idOf.get(s);
      if (x === undefined) {
        idOf.set(s, (x = df.length));
        df.push(0);
        names.push(s);
      }
      df[x]++;
      out[k++] = x;
    }
    return out;
  });
  return { ids, names, df };
}
