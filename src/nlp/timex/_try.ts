import { readFileSync } from "node:fs";
import { findTimexes } from "./index.js";
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, "utf8");
  const pub = /date (\d{4}-\d\d-\d\d)/.exec(text)?.[1];
  console.log("==", f, pub);
  for (const t of findTimexes(text, { published: pub ?? "2023-10-20" })) console.log(JSON.stringify(t.text), t.type, t.value, t.anchor ?? "", t.anchorDate ?? "");
}
