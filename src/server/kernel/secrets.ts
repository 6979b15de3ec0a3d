// Application-level protection of the NIR (PS-43): AES-256-GCM for the stored value, a keyed HMAC
// of the 13-character body as a blind index for matching. Keys derive from NIR_SECRET.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

export type Secrets = {
  encryptNir(nir: string): string;
  decryptNir(cipher: string): string;
  nirIndex(nir13: string): string;
};

export function createSecrets(masterSecret: string): Secrets {
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", masterSecret, "socle", info, 32));
  const encKey = derive("nir-encryption");
  const macKey = derive("nir-index");
  return {
    encryptNir(nir) {
      const iv = randomBytes(12);
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
