/**
 * Splits text into lines at every line end in use: `\r\n` (Windows), `\n` (Unix) and a lone `\r` (classic Mac
 * OS, still written by some spreadsheet exports). Line i of the result is line i + 1 of the file in an editor.
 * @example splitLines('a,b\rc,d\r') // ['a,b', 'c,d', '']
 */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
