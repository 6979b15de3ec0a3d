// windows-1252, the encoding of CAF/MSA flows: ISO-8859-1 except for 0x80–0x9F, where 27 bytes are
// printable characters (€, Œ, ’…) and five (0x81, 0x8D, 0x8F, 0x90, 0x9D) are undefined. A single-byte
// encoding needs no streaming state, so a table is all it takes.

const HIGH: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};
/** the character of each byte 0x80–0x9F (an undefined byte keeps its C1 control, as in the WHATWG table) */
const HIGH_CHARS: string[] = Array.from({ length: 32 }, (_, i) =>
  String.fromCharCode(HIGH[0x80 + i] ?? 0x80 + i),
);
const ENCODE = new Map<number, number>(Object.entries(HIGH).map(([b, c]) => [c, Number(b)]));
const UNDEFINED_BYTES = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** The characters an undefined byte decodes to (kept as U+0081… so the record can be quarantined, never dropped). */
export const UNDEFINED_BYTE_CHARS = /[\u0081\u008d\u008f\u0090\u009d]/;

const HIGH_BYTE_CHARS = /[\x80-\x9f]/;
const HIGH_BYTE_CHARS_ALL = /[\x80-\x9f]/g;
const highChar = (c: string) => HIGH_CHARS[c.charCodeAt(0) - 0x80]!;

/**
 * Text read as ISO-8859-1 (each byte one character, as the streaming parser reads a flow) turned into its
 * windows-1252 text: only U+0080–U+009F differ.
 */
export function fromLatin1(text: string): string {
  return HIGH_BYTE_CHARS.test(text) ? text.replace(HIGH_BYTE_CHARS_ALL, highChar) : text;
}

export function decodeWindows1252(bytes: Buffer): string {
  return fromLatin1(bytes.toString("latin1"));
}

/** Whether some of these bytes are undefined in windows-1252. */
export function hasUndefinedByte(bytes: Buffer): boolean {
  for (const b of UNDEFINED_BYTES) if (bytes.includes(b)) return true;
  return false;
}

/** For fixtures and the benchmark: throws on a character windows-1252 cannot represent. */
export function encodeWindows1252(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else {
      const b = ENCODE.get(c);
      if (b === undefined)
        throw new Error(`caractère non représentable en windows-1252 : U+${c.toString(16).padStart(4, "0")}`);
      out[i] = b;
    }
  }
  return out;
}
