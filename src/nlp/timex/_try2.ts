import { findTimexes } from "./index.js";
const cases = process.argv.slice(2);
for (const c of cases) {
  const [pub, text] = c.split("|");
  console.log(">>", text, "@", pub || "-");
  for (const t of findTimexes(text, { published: pub || undefined })) console.log("   ", JSON.stringify(t.text), t.type, t.value, t.anchor ?? "", t.anchorDate ?? "");
}
