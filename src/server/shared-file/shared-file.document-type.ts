// The type of an uploaded document, read from its content (magic bytes, with the maintained `file-type`
// package), never from its name or the type the browser announced (PS-54).
import { fileTypeFromBuffer } from "file-type";
import { type AcceptedMediaType, acceptedMediaTypes } from "../../shared/shared-file/shared-file.schema";

export async function sniffDocumentType(content: Uint8Array): Promise<AcceptedMediaType | null> {
  const found = await fileTypeFromBuffer(content);
  const mime = found?.mime as string | undefined;
  return mime && (acceptedMediaTypes as readonly string[]).includes(mime)
    ? (mime as AcceptedMediaType)
    : null;
}

/** The accepted type a file's name claims, to word the refusal (« n'est pas un vrai PDF »). */
export function claimedType(filename: string): "pdf" | "jpeg" | "png" | null {
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  if (ext === "pdf") return "pdf";
  if (ext === "jpg" || ext === "jpeg") return "jpeg";
  if (ext === "png") return "png";
  return null;
}

/** A file name safe to store and to send back: no path, no control characters, at most 150 characters. */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return (clean || "document").slice(-150);
}
