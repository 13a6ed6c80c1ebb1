/**
 * CSV output for the admin exports (RFC 4180, CRLF line ends).
 *
 * A cell that a spreadsheet would read as a formula (it starts with =, +, -,
 * @, a tab or a carriage return) gets a leading apostrophe, so an exported
 * file can never run anything when opened (CSV injection). Cells with a comma,
 * a quote or a line break are quoted, quotes doubled.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n"
}

