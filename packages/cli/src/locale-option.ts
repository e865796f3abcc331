import { isLocale, LOCALES, type Locale } from '@nuance/core';

/** `--locale`: one of the four locales, written as nuance names them. */
export function parseLocaleOption(value: string): Locale {
  const exact = LOCALES.find((locale) => locale.toLowerCase() === value.toLowerCase());
  if (exact !== undefined && isLocale(exact)) return exact;
  throw new Error(
    `Unexpected value \`${value}\` for \`--locale\`, expected ${LOCALES.map((l) => `\`${l}\``)
      .join(', ')
      .replace(/, ([^,]*)$/, ' or $1')}`,
  );
}

/** The command with `locale` set, for the commands that print rule texts; undefined: not one. */
export function withLocale<C extends { name: string }>(command: C, locale: Locale): C | undefined {
  const localized = command.name === 'check' || command.name === 'explain' || command.name === 'rules-list';
  return localized ? { ...command, locale } : undefined;
}
