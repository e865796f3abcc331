/** `text` without a leading byte order mark: offsets and columns count from the character after it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
