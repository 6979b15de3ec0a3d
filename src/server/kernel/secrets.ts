// Application-level protection of the NIR (PS-43): AES-256-GCM for the stored value, a keyed HMAC
// of the 13-character body as a blind index for matching. Keys derive from NIR_SECRET.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from "node:crypto";

export type Secrets = {
  encryptNir(nir: string): string;
  decryptNir(cipher: string): string;
  nirIndex(nir13: string): string;
};

/**
 * GCM nonces drawn from a pool of random bytes refilled 4 KB at a time: as random as one randomBytes(12)
 * per call (each nonce is its own slice, never reused) without a system call per NIR — an import encrypts
 * hundreds of thousands.
 */
const IV_POOL = Buffer.alloc(12 * 341);
let ivOffset = IV_POOL.length;
function nextIv(): Buffer {
  if (ivOffset + 12 > IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  const iv = Buffer.from(IV_POOL.subarray(ivOffset, ivOffset + 12));
  ivOffset += 12;
  return iv;
}

export function createSecrets(masterSecret: string): Secrets {
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", masterSecret, "socle", info, 32));
  const encKey = derive("nir-encryption");
  const macKey = derive("nir-index");
  return {
    encryptNir(nir) {
      const iv = nextIv();
      const c = createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([c.update(nir, "utf8"), c.final()]);
      return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString("base64url")}`;
    },
    decryptNir(cipher) {
      const raw = Buffer.from(cipher.replace(/^v1\./, ""), "base64url");
      const d = createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
    },
    nirIndex(nir13) {
      return createHmac("sha256", macKey).update(nir13).digest("base64url");
    },
  };
}
