// INSEE CSV files are often saved through a spreadsheet, which strips leading zeros from codes
// ("1001" for commune 01001, "51" for zone d'emploi 0051). These functions restore them.

const COMMUNE_CODE = /^([0-9]{5}|2[AB][0-9]{3})$/;
const ZONE_EMPLOI_CODE = /^[0-9]{4}$/;

/** A commune code (codgeo) on 5 characters; Corsican codes (2A…, 2B…) never lose characters. */
export function padCommuneCode(raw: string): string {
  const v = raw.trim().toUpperCase();
  // département codes start at 01, so a stripped code keeps at least 4 digits
  const code = /^[0-9]{4}$/.test(v) ? `0${v}` : v;
  if (!COMMUNE_CODE.test(code)) throw new Error(`Code commune INSEE invalide : « ${raw} ».`);
  return code;
}

/** A zone d'emploi 2020 code (ze2020) on 4 digits. */
export function padZoneEmploiCode(raw: string): string {
  const v = raw.trim();
  const code = v.padStart(4, "0");
  if (v === "" || !ZONE_EMPLOI_CODE.test(code))
    throw new Error(`Code de zone d'emploi invalide : « ${raw} ».`);
  return code;
}
