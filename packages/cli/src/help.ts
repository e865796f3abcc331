// `nuance --help`.
export const HELP = `Usage: nuance [check] [paths...] [options]
       nuance check --stdin [--stdin-filename NAME] [options]
       nuance explain RULE
       nuance rules list [--format json]
       nuance rules test [pack]
       nuance merge FILE... [--format json|sarif] [--output FILE]
       nuance init
       nuance mcp
       nuance import FILE [--subjects A,B] [--key-terms] [--output FILE]
       nuance export --format tbx|csv|tsv PACK [--output FILE]

Lint Markdown (.md, .markdown) and text (.txt) drafts for terminology and translation nuance.
Paths are files, folders or globs (quote globs: 'drafts/**/*.md'). Folders are searched
recursively, skipping node_modules, dot-folders and what .gitignore or the config's \`ignore\`
excludes; no path means the current folder. Each file uses the nearest .nuancerc.yaml above it.

Options:
  -c, --config FILE          use this config for every file (no discovery)
  -f, --format NAME          stylish (default), json, sarif, github or html
  -o, --output FILE          write the report to FILE instead of stdout
      --lang TAG             document language when a file does not say (over the config's)
      --audience TAG[,TAG]   keep only the readings for these readers (over the config's);
                             stylish shows them under each finding
      --locale LOCALE        en, zh-Hans, zh-Hant or ko: the language of messages, notes and
                             readings for every file (default: each file's own; also for
                             explain and rules list)
      --fix                  apply safe fixes to the files, then report what is left
      --fix-dry-run          print the fixes as a unified diff; write nothing
  -q, --quiet                report errors only
      --max-warnings N       exit 1 when there are more than N warnings
  -j, --jobs N               lint on N threads (default: 1 below 50 files and 2 MB or 3 cores,
                             else 2); the report is the same whatever N
      --shard I/N            lint only shard I of N (a stable split by path), for a CI matrix;
                             join the shards' json or sarif reports with \`nuance merge\`
      --cache                lint only the files changed since the last --cache run (their bytes,
                             config, packs or release set); reuse the others' findings
      --cache-location PATH  the cache file, or a folder for .nuancecache (default ./.nuancecache)
      --stdin                lint standard input (with --fix: print the fixed text)
      --stdin-filename NAME  the name of the stdin document (format, config, language)
      --max-file-size SIZE   a larger file (or stdin) is an error finding, not linted
                             (default 16M; bytes, or K, M, G)
      --allow-packs-outside  read the packs a config names from outside its repository
      --changed-lines-from REF  report only findings on lines added or changed since REF (git:
                             from where HEAD forked from REF to the working tree)
      --baseline FILE        report only findings FILE does not know (matched by fingerprint)
      --write-baseline FILE  record every finding as known in FILE; report nothing new
  -h, --help                 show this help
  -v, --version              show the version

Commands:
  check [paths...]           lint files, folders and globs (the default command)
  explain RULE               show a rule: its note, readings per audience, source and examples
  rules list                 list the rules in effect (id, kind, severity, fixable, description)
  rules test [pack]          run the examples of the built-in packs, or of one pack (name or file)
  merge FILE...              join the json (or sarif) reports of --shard runs into the report
                             one unsharded run gives (--format and --output as for check)
  init                       write a commented starter .nuancerc.yaml here
  mcp                        serve lint, fix, explain and list tools to AI assistants (Model
                             Context Protocol over stdio; tools take text, never file paths)
  import FILE                a .tbx, .csv or .tsv termbase as a commented pack YAML to review
                             (\`packs:\` also reads termbases as they are); --subjects keeps the
                             concepts of those subject fields, --key-terms checks every concept
                             in translations (default: those with a deprecated term)
  export --format F PACK     a pack's term rules as a TBX (tbx), CSV (csv) or TSV (tsv) termbase

Exit codes: 0 no errors (and warnings within --max-warnings), 1 error findings, too many
warnings or failed examples, 2 usage, config or pack problem, a path or glob that matches
nothing, or an internal error.
`;
