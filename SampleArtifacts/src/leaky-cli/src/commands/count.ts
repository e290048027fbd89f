/** Counts words, skipping empty runs of whitespace. */
export function count(text: string): number {
  let words = 0;
  for (const part of text.split(/\s+/)) {
    if (part.length > 0) {
      words += 1;
    }
  }
  return words;
}
