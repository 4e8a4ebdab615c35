/**
 * Bytes to text: BOM, then a declared charset (HTML `<meta charset>` / http-equiv, XML declaration),
 * then UTF-8 when the bytes are valid UTF-8, else windows-1252 (the usual charset of
 * undeclared legacy Western pages). Every guess that is not certain leaves a diagnostic.
 */
import { TextDecoder } from "node:util";
import type { Diagnostic } from "../model.js";

/** How many leading bytes are searched for a charset declaration (the HTML spec prescans 1024; pages often put it later). */
const DECLARATION_SCAN_BYTES = 4096;
/** Charset used when the bytes are not valid UTF-8 and nothing is declared. */
const FALLBACK_CHARSET = "windows-1252";
/** Bytes decoded per String.fromCharCode call (stays under the engine's argument limit). */
const DECODE_CHUNK_BYTES = 8192;

/** Where the charset was taken from. */
export type CharsetSource = "bom" | "meta" | "xml-declaration" | "utf-8-valid" | "fallback";

export interface Decoded {
  text: string;
  /** The WHATWG name of the charset used (e.g. "utf-8", "shift_jis", "windows-1252"). */
  encoding: string;
  source: CharsetSource;
  diagnostics: Diagnostic[];
}

/**
 * windows-1252 code points for bytes 0x80-0x9F (undefined bytes map to the C1 control of the same
 * value, as the WHATWG Encoding Standard says). Node 20's TextDecoder("windows-1252") decodes these
 * bytes as ISO-8859-1 controls, losing curly quotes and dashes, so this one charset is decoded here.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes windows-1252 bytes (see {@link CP1252_HIGH}). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += DECODE_CHUNK_BYTES) {
    const part = bytes.subarray(i, i + DECODE_CHUNK_BYTES);
    const codes = Array.from(part, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Decodes with a decoder, routing windows-1252 (and its aliases latin1, ascii...) to {@link decodeWindows1252}. */
function decodeWith(dec: TextDecoder, bytes: Uint8Array): string {
  return dec.encoding === "windows-1252" ? decodeWindows1252(bytes) : dec.decode(bytes);
}

/** Returns the BOM's charset and length, if the bytes start with one. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:\-]+)/i;
const XML_DECL_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:\-]+)["']/i;

/**
 * Finds a charset declared in the first bytes: an XML declaration, or an HTML `<meta charset>` /
 * `<meta http-equiv="Content-Type" content="...; charset=...">` (both match the `charset=` pattern).
 */
export function sniffDeclaredCharset(bytes: Uint8Array): { label: string; source: "meta" | "xml-declaration" } | undefined {
  const head = Buffer.from(bytes.subarray(0, DECLARATION_SCAN_BYTES)).toString("latin1");
  const xml = XML_DECL_ENCODING.exec(head);
  if (xml) return { label: xml[1], source: "xml-declaration" };
  const meta = META_CHARSET.exec(head);
  if (meta) return { label: meta[1], source: "meta" };
  return undefined;
}

/** A TextDecoder for `label`, or undefined when the label names no charset Node knows. */
function decoderFor(label: string, fatal = false): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** Decodes as strict UTF-8; undefined when the bytes are not valid UTF-8. */
function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function note(code: string, severity: Diagnostic["severity"], message: string): Diagnostic {
  return { code, severity, message, stage: "ingest" };
}

/**
 * Decodes bytes to text (see the module doc for the order). `where` names the input in messages.
 *
 * @example decodeBytes(Buffer.from('<meta charset="shift_jis">...')).encoding === "shift_jis"
 */
export function decodeBytes(bytes: Uint8Array, where = "input"): Decoded {
  const diagnostics: Diagnostic[] = [];
  const bom = sniffBom(bytes);
  if (bom) {
    const text = new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
    return { text, encoding: bom.encoding, source: "bom", diagnostics };
  }
  const declared = sniffDeclaredCharset(bytes);
  if (declared) {
    const dec = decoderFor(declared.label);
    if (!dec) {
      diagnostics.push(note("ingest/unknown-charset", "warning",
        `${where}: declared charset "${declared.label}" is unknown; decoded as UTF-8 or ${FALLBACK_CHARSET} instead. Fix the declaration to a standard charset name.`));
    } else if (dec.encoding === "utf-8") {
      const text = tryUtf8(bytes);
      if (text !== undefined) return { text, encoding: "utf-8", source: declared.source, diagnostics };
      diagnostics.push(note("ingest/charset-mismatch", "warning",
        `${where}: declares UTF-8 but its bytes are not valid UTF-8; decoded as ${FALLBACK_CHARSET}. Re-save the file as UTF-8 or fix its declaration.`));
      return { text: decodeWindows1252(bytes), encoding: FALLBACK_CHARSET, source: "fallback", diagnostics };
    } else {
      return { text: decodeWith(dec, bytes), encoding: dec.encoding, source: declared.source, diagnostics };
    }
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", source: "utf-8-valid", diagnostics };
  diagnostics.push(note("ingest/charset-fallback", "warning",
    `${where}: not valid UTF-8 and no charset declared; decoded as ${FALLBACK_CHARSET}. Declare the charset (<meta charset> or an XML declaration) or save the file as UTF-8.`));
  return { text: decodeWindows1252(bytes), encoding: FALLBACK_CHARSET, source: "fallback", diagnostics };
}
