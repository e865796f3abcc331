/// <reference types="node" />
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '@nuance/config';
import type { CliIo } from '../io.js';

/** The starter config: every key, commented, with the defaults it would have anyway. */
export const STARTER_CONFIG = `# nuance configuration. The nearest .nuancerc.yaml above a draft applies to it (no cascade);
# command-line flags win over this file. A missing or null key means the default.

# Rule packs: built-in names, or paths to pack files relative to this file.
packs:
  - korea-china
  # - ./terms/team-terms.yaml

# Keep only the readings for these readers (BCP 47 tags, prefix match: zh matches zh-CN);
# a caution with no reading for them does not fire. Default: all audiences.
# audience: [zh]

# The document language when a file does not say (front matter \`lang:\`, or a .zh.md/.ko.md/.en.md name).
# lang: en

# The language of messages, notes and readings: en, zh-Hans, zh-Hant or ko. Default: each draft's
# own language and script (a Traditional draft gets Traditional text).
# locale: ko

# What the drafts here are about (context sets of the packs): rules that apply only where the
# text names these parties then apply everywhere. A draft's front matter can say it too.
# topic: [korea, china]

# Who issues the drafts: \`rok\` for the ROK side (self-first order: 韩美, 한미, ROK-US).
# voice: rok

# Change a rule's severity (error, warning, info, hint) or turn it off.
rules:
  # korea-china/strategic-cooperative-partner: info

# Phrases never reported (for example a quoted title or a historical name).
accept:
  # - "strategic cooperative partnership of 2008"

# Files and folders not to lint (gitignore patterns, relative to this file). .gitignore is honoured too.
ignore:
  # - "archive/**"
`;

/** `nuance init`: write a starter `.nuancerc.yaml` in the working folder; never overwrite one. */
export async function runInit(io: CliIo): Promise<number> {
  const file = path.join(io.cwd, CONFIG_FILE_NAME);
  try {
    await writeFile(file, STARTER_CONFIG, { flag: 'wx' });
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    io.stderr.write(
      code === 'EEXIST'
        ? `nuance: \`${CONFIG_FILE_NAME}\` already exists here; not overwriting it\n`
        : `nuance: Cannot write \`${CONFIG_FILE_NAME}\`: ${code || String(error)}\n`,
    );
    return 2;
  }
  io.stdout.write(`Wrote ${CONFIG_FILE_NAME}\n`);
  return 0;
}
