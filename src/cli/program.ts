/**
 * The `parallax` command line. Each command is a small handler in its own file; this file
 * only declares the commands and turns errors into one clear message and a non-zero exit.
 */
import { Command, Option } from "commander";
import { isParallaxError } from "../errors.js";
import { VERSION } from "../version.js";
import type { Verbosity } from "./progress.js";
import { registerAcquireCommands } from "./acquire.js";

// Command handlers are imported when their command runs: `extract` need not load the language models.
const storeCommands = () => import("./store-commands.js");

const DEFAULT_DB = "parallax.db";

function verbosity(opts: { quiet?: boolean; verbose?: boolean }): Verbosity {
  return opts.quiet ? "quiet" : opts.verbose ? "verbose" : "normal";
}

const formatOption = () => new Option("-f, --format <format>", "report format").choices(["md", "json", "html"]).default("md");

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("parallax")
    .description("Multi-source news story engine: what happened, who said what, how sure we are, with evidence.")
    .version(VERSION)
    .option("--db <path>", "SQLite database file", DEFAULT_DB)
    .option("-q, --quiet", "print only results and errors")
    .option("-v, --verbose", "print progress lines even in pipes, and stack traces on internal errors")
    .showHelpAfterError();

  const g = () => program.opts<{ db: string; quiet?: boolean; verbose?: boolean }>();

  program
    .command("analyze")
    .description("ingest files or folders, link them into stories and print the story report")
    .argument("<paths...>", "files or folders (.txt, .html, .htm, .gz, .jsonl, RSS/Atom)")
    .addOption(formatOption())
    .option("-o, --out <file>", "write the report to a file instead of stdout")
    .option("--top <n>", "stories printed in full (the rest are listed)", (v) => parseInt(v, 10), 5)
    .option("--max-bytes <n>", "refuse input files larger than this", (v) => parseInt(v, 10))
    .action(async (paths: string[], o) => {
      process.exitCode = await (await storeCommands()).analyzeCommand(paths, { ...o, db: g().db, verbosity: verbosity(g()) });
    });

  program
    .command("ingest")
    .description("read articles into the store (idempotent) and update the stories")
    .argument("<paths...>", "files or folders")
    .option("--max-bytes <n>", "refuse input files larger than this", (v) => parseInt(v, 10))
    .action(async (paths: string[], o) => {
      process.exitCode = await (await storeCommands()).ingestCommand(paths, { ...o, db: g().db, verbosity: verbosity(g()) });
    });

  program
    .command("relink")
    .description("recompute duplicates, rewrites and stories over the whole store (ingest links only new articles)")
    .action(async () => {
      process.exitCode = await (await storeCommands()).relinkCommand({ db: g().db, verbosity: verbosity(g()) });
    });

  program
    .command("stories")
    .description("list the stories in the store")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (o) => {
      process.exitCode = await (await storeCommands()).storiesCommand({ ...o, db: g().db });
    });

  program
    .command("story")
    .description("print one story's report")
    .argument("<id>", "story id (see `parallax stories`)")
    .addOption(formatOption())
    .option("-o, --out <file>", "write the report to a file instead of stdout")
    .action(async (id: string, o) => {
      process.exitCode = await (await storeCommands()).storyCommand(id, { ...o, db: g().db });
    });

  program
    .command("articles")
    .description("list stored articles with their diagnostics, and inputs that failed")
    .option("--limit <n>", "at most this many", (v) => parseInt(v, 10), 100)
    .option("--story <id>", "only the articles of this story (all of them, also those its report does not read)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (o) => {
      process.exitCode = await (await storeCommands()).articlesCommand({ ...o, db: g().db });
    });

  program
    .command("search")
    .description("full-text search over stored articles")
    .argument("<query...>", "words to find")
    .option("--limit <n>", "at most this many", (v) => parseInt(v, 10), 20)
    .action(async (q: string[], o) => {
      process.exitCode = await (await storeCommands()).searchCommand(q.join(" "), { ...o, db: g().db });
    });

  program
    .command("annotate")
    .description("annotate JSON Lines {id, text, published?} with entities, timexes, attributions, events")
    .argument("[file]", "JSON Lines file (default: stdin)")
    .action(async (file?: string) => {
      process.exitCode = await (await import("./annotate.js")).annotateCommand(file, verbosity(g()));
    });

  program
    .command("extract")
    .description("extract article text and metadata from HTML files, one JSON line each")
    .argument("<paths...>", "HTML files or folders (.html, .htm, optionally .gz)")
    .action(async (paths: string[]) => {
      process.exitCode = await (await import("./extract.js")).extractCommand(paths, verbosity(g()));
    });

  program
    .command("cluster")
    .description("cluster JSON Lines {id, title?, text, published?} into events (or stories); prints {id, cluster}")
    .argument("[file]", "JSON Lines file (default: stdin)")
    .addOption(new Option("--level <level>", "cluster level").choices(["event", "story"]).default("event"))
    .action(async (file: string | undefined, o) => {
      process.exitCode = await (await import("./cluster.js")).clusterCommand(file, o.level, verbosity(g()));
    });

  program
    .command("digest")
    .description("build a story from each JSON line {id, articles: [{id, title?, text, date?}], length?}; prints {id, summary, timeline}")
    .argument("[file]", "JSON Lines file (default: stdin)")
    .action(async (file?: string) => {
      process.exitCode = await (await import("./digest.js")).digestCommand(file, verbosity(g()));
    });

  registerAcquireCommands(program, g);

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (isParallaxError(err)) {
      process.stderr.write(`${err.describe()}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    const e = err as Error;
    if ((e as NodeJS.ErrnoException)?.code === "EPIPE") return;
    process.stderr.write(`error: ${e?.message ?? String(err)}\n`);
    if (program.opts().verbose && e?.stack) process.stderr.write(`${e.stack}\n`);
    else process.stderr.write("  (an internal error: run with --verbose for details, and please report it)\n");
    process.exitCode = 1;
  }
}

