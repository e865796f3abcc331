// The plugin's options: plain data, as a `.remarkrc.json` or vscode-remark's settings can hold.
// The nuance settings among them are checked as a `.nuancerc.yaml` is (core's parseConfig), and
// win over the file's, as the CLI's flags do.
import { type NuanceConfig, parseConfig } from '@nuance/core';

/**
 * `packs`, `rules`, `lang`, `audience`, `accept`, `ignore`, `topic`, `voice`: as in
 * `.nuancerc.yaml`, over the nearest one's. `config`: one config file for every document (relative
 * to the working folder), no discovery. `allowPacksOutside`: as `--allow-packs-outside`.
 */
export interface RemarkNuanceOptions extends NuanceConfig {
  config?: string;
  allowPacksOutside?: boolean;
}

export interface ParsedOptions {
  overrides: NuanceConfig;
  configFile?: string;
  allowPacksOutside: boolean;
}

/** Check the options; a bad one throws, with every problem, so remark reports it on the file. */
export function overridesFrom(options: unknown): ParsedOptions {
  if (options === undefined || options === null) return { overrides: {}, allowPacksOutside: false };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('Unexpected options for @nuance/remark-nuance, expected an object of settings');
  }
  const { config, allowPacksOutside, ...settings } = options as Record<string, unknown>;
  if (config !== undefined && typeof config !== 'string') {
    throw new TypeError('Unexpected value for `config`, expected the path of a .nuancerc.yaml');
  }
  if (allowPacksOutside !== undefined && typeof allowPacksOutside !== 'boolean') {
    throw new TypeError('Unexpected value for `allowPacksOutside`, expected `true` or `false`');
  }
  // JSON is YAML: the options are checked by the config's own parser, with its messages.
  const parsed = parseConfig(JSON.stringify(settings, null, 1), 'options');
  if (parsed.problems.length > 0) {
    const messages = parsed.problems.map((p) => p.message);
    throw new TypeError(`Invalid options for @nuance/remark-nuance: ${messages.join('; ')}`);
  }
  const result: ParsedOptions = { overrides: parsed.config, allowPacksOutside: allowPacksOutside === true };
  if (config !== undefined) result.configFile = config;
  return result;
}
