// SIRET: 14 digits whose Luhn sum is a multiple of 10 (La Poste's establishments, SIREN 356000000,
// use a digit-sum rule instead).

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiret(raw: string): boolean {
  const s = raw.replace(/\s/g, "");
  if (!/^\d{14}$/.test(s)) return false;
  if (s.startsWith("356000000")) return [...s].reduce((a, c) => a + Number(c), 0) % 5 === 0;
  return luhnValid(s);
}

/** Completes 13 digits with the Luhn check digit (used to make synthetic demo SIRETs). */
export function withLuhnDigit(thirteen: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(thirteen + d)) return thirteen + d;
  throw new Error("unreachable");
}
