/**
 * Word clusters learned from unlabelled text (scripts/word-clusters.ts), used as tagger
 * features: a word's cluster path at several prefix lengths (as Brown-cluster bit-string
 * prefixes are used; Turian et al. 2010, Ratinov & Roth 2009), so rare names that share
 * contexts with frequent ones ("Mr. X said", "the X Party") get the same features.
 *
 * A path is a string of one character per level of a top-down clustering ("a302": cluster a
 * of the first level, then 3, 0, 2 below it); a prefix names every word below that node.
 * This module does no I/O: load.ts reads the file.
 */

/**
 * Prefix lengths of the path used as features of the word itself: with the shipped 16x4x4x4x4
 * clustering, about 64, 256 and 1024 clusters, then the whole path (6 is longer than any path).
 */
export const CLUSTER_PREFIXES = [2, 3, 4, 6] as const;
/** Prefix length of the neighbours' cluster features (one word to the left and right). */
export const NEIGHBOUR_PREFIX = 4;

/** The form clusters are keyed by: the word as written, digits mapped to 0, curly apostrophes straightened. */
export function clusterKey(word: string): string {
  let w = /\d/.test(word) ? word.replace(/\d/g, "0") : word;
  if (w.includes("\u2019") || w.includes("\u2018")) w = w.replace(/[\u2018\u2019]/g, "'");
  return w;
}

/** Word -> cluster path, looked up by the word's cased form, then its capitalised and lower-case forms. */
export class WordClusters {
  private readonly paths: Map<string, string>;

  constructor(paths: Map<string, string>) {
    this.paths = paths;
  }

  /** Number of words with a cluster. */
  get size(): number {
    return this.paths.size;
  }

  /**
   * The cluster path of a word, or undefined. Headline and capitals forms ("CHINA", "Calls")
   * fall back to the capitalised and lower-case forms, so they still find their cluster.
   */
  pathOf(word: string): string | undefined {
    const key = clusterKey(word);
    const exact = this.paths.get(key);
    if (exact !== undefined) return exact;
    const lower = key.toLowerCase();
    const cap = lower.charAt(0).toUpperCase() + lower.slice(1);
    return this.paths.get(cap) ?? this.paths.get(lower);
  }
}

/** Parses a cluster file: `word<TAB>path` per line (blank lines and `#` comments skipped). */
export function parseClusters(text: string): WordClusters {
  const paths = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const tab = line.lastIndexOf("\t");
    if (tab <= 0) continue;
    paths.set(line.slice(0, tab), line.slice(tab + 1).trim());
  }
  return new WordClusters(paths);
}

/** Writes clusters in the format {@link parseClusters} reads. */
export function formatClusters(paths: Iterable<[string, string]>, header = ""): string {
  const out: string[] = header ? header.split("\n").map((l) => `# ${l}`) : [];
  for (const [w, p] of paths) if (!/[\t\n]/.test(w)) out.push(`${w}\t${p}`);
  return out.join("\n") + "\n";
}

/** Cluster features of a word itself: the path prefixes (`c2=a3`, ..., `c6=a30213`), or `c=none`. */
export function clusterSelfFeatures(path: string | undefined): string[] {
  if (path === undefined) return ["c=none"];
  const out: string[] = [];
  let last = "";
  for (const n of CLUSTER_PREFIXES) {
    const p = path.slice(0, n);
    if (p === last) break;
    out.push(`c${n}=${p}`);
    last = p;
  }
  return out;
}
