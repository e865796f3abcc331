// Peer: remark-parse alone, the floor DESIGN sets (parsing Markdown, no checks). Parses every
// file of the corpus and prints how many files and top-level blocks it saw.
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { listFiles } from '../files.js';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('Usage: remark-parse.js CORPUS_DIR');
const processor = unified().use(remarkParse);
const files = listFiles(dir);
let blocks = 0;
for (const file of files) blocks += processor.parse(readFileSync(file, 'utf8')).children.length;
console.log(JSON.stringify({ files: files.length, blocks }));
