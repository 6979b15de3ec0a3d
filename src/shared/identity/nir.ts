// NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale"): 13 characters + 2-digit key.
// key = 97 − (N mod 97), where Corsican départements 2A and 2B count as 19 and 18 for the computation.
// CAF files carry 13 characters, MSA files may carry 15: matching uses the first 13 (nir13).

const NIR_PATTERN = /^[1-478]\d{2}(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2[AB])\d{6}(\d{2})?$/;

export function normalizeNir(raw: string): string {
  return raw.replace(/[\s.-]/g, "").toUpperCase();
}

function numericBody(nir13: string): bigint {
  return BigInt(nir13.replace("2A", "19").replace("2B", "18"));
}

/** Control key of a 13-character NIR body ("01" to "97"). */
export function nirKey(nir13: string): string {
  const key = 97n - (numericBody(nir13) % 97n);
  return key.toString().padStart(2, "0");
}

export type NirCheck =
  | { ok: true; nir13: string; nir: string }
  | { ok: false; reason: "format" | "cle"; message: string };

/** Validates a 15-character NIR (with key). */
export function checkNir(raw: string): NirCheck {
  const nir = normalizeNir(raw);
  if (nir.length !== 15 || !NIR_PATTERN.test(nir)) {
    return {
      ok: false,
      reason: "format",
      message:
        "Le NIR doit compter 15 caractères : 13 chiffres (2A ou 2B pour la Corse) suivis d'une clé de 2 chiffres.",
    };
  }
  const nir13 = nir.slice(0, 13);
  if (nirKey(nir13) !== nir.slice(13)) {
    return {
      ok: false,
      reason: "cle",
      message: "La clé du NIR ne correspond pas : vérifiez chaque chiffre.",
    };
  }
  return { ok: true, nir13, nir };
}

/** Validates a NIR body of 13 characters (as in CAF flows), without key. */
export function isNir13(raw: string): boolean {
  const n = normalizeNir(raw);
  return n.length === 13 && NIR_PATTERN.test(n);
}

/** Masked display: sex and birth year/month visible, the rest hidden except the key. */
export function maskNir(nir: string): string {
  const n = normalizeNir(nir);
  return `${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} •• ••• ••• ${n.slice(13, 15)}`;
}
