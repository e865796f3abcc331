/** `text` without a leading byte order mark: offsets and columns count from the character after it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether UTF-8 `bytes` start with a byte order mark (EF BB BF), which `stripBom` drops once decoded. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
