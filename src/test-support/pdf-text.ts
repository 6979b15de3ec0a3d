// The text drawn by a pdfkit PDF, for tests: the hex strings of each TJ operator, page streams inflated
// (pdfkit's standard fonts use WinAnsi, close enough to latin1 for French text).
import { inflateSync } from "node:zlib";

export function pdfText(pdf: Buffer): string {
  const streams = [...pdf.toString("latin1").matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
    } catch {
      return "";
    }
  });
  return streams
    .flatMap((st) => [...st.matchAll(/\[(.*?)\] TJ/g)])
    .map((m) =>
      [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""),
    )
    .join(" ");
}
