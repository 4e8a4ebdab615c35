/**
 * Worker-thread entry for {@link AnnotatorPool}: annotates the documents it is sent, one message each,
 * and answers with the annotations and the document's diagnostics (annotate() adds stage failures there).
 */
import { parentPort } from "node:worker_threads";
import type { Doc } from "../model.js";
import { annotate } from "../nlp/annotate.js";
import type { AnnotateReply, AnnotateRequest } from "./annotate-pool.js";

parentPort?.on("message", (msg: AnnotateRequest) => {
  let reply: AnnotateReply;
  try {
    const doc: Doc = msg.doc;
    const annotations = annotate(doc);
    reply = { seq: msg.seq, annotations, diagnostics: doc.diagnostics };
  } catch (err) {
    reply = { seq: msg.seq, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
