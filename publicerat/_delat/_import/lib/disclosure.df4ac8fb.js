export const SUPPRESS_BELOW = 5;
export const MIN_SHARE_DENOMINATOR = 10;
export const PROTECTION_MARGIN = SUPPRESS_BELOW - 1;
export const PROTECTED_UP_TO = SUPPRESS_BELOW - 1 + PROTECTION_MARGIN;
export const SUPPRESSED_LABEL = "dolt";
export function suppressionNote() {
  return "\u201Ddolt\u201D: v\xE4rdet visas inte, s\xE5 att ingen enskild person kan identifieras. Antal 1\u20134 d\xF6ljs, liksom andelar av f\xE4rre \xE4n 10 personer eller d\xE4r 1\u20134 personer skiljer sig fr\xE5n resten, och s\xE5 m\xE5nga andra v\xE4rden att inget dolt v\xE4rde kan r\xE4knas fram ur rapportens \xF6vriga tal.";
}
