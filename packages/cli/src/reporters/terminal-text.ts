// Text from files (names, drafts, packs, configs) printed where a terminal may show it: stylish,
// github, the progress line and stderr messages. A control character there is a command to the
// terminal (OSC 52 writes the clipboard, CSI sequences move the cursor and hide text) and a
// bidirectional override reorders what is shown, so each is written as its escape instead.

// C0 controls but tab, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/** `text` with every control character written as `\xNN` (`\n`, `\r`; `\u202e` for bidi). */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (char) => {
    const named = NAMED[char];
    if (named !== undefined) return named;
    const code = char.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}
