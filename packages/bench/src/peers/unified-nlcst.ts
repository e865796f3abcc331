// Peer: the plain unified pipeline a retext user would write. remark-parse, then remark-retext
// bridging to an English natural-language tree (parse-english), then nlcst-search with the word
// list, one vfile message per match. parse-english splits words on spaces and punctuation: a run
// of Han characters is one word, so a Chinese term is found only when it stands alone between
// spaces or punctuation, and a Korean one only without a particle attached.
import { readFileSync } from 'node:fs';
import { search } from 'nlcst-search';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { listFiles } from '../files.js';

const [dir, wordsFile] = process.argv.slice(2);
if (!dir || !wordsFile) throw new Error('Usage: unified-nlcst.js CORPUS_DIR WORDS_FILE');
const phrases = readFileSync(wordsFile, 'utf8')
  .split('\n')
  .filter((line) => line !== '');

type Tree = Parameters<typeof search>[0];

function retextSearch() {
  return (tree: Tree, file: VFile): void => {
    search(tree, phrases, (nodes, _index, _parent, phrase) => {
      const first = nodes[0];
      const last = nodes.at(-1);
      const place =
        first?.position && last?.position
          ? { start: first.position.start, end: last.position.end }
          : undefined;
      file.message(`Found \`${phrase}\``, place);
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkRetext, unified().use(retextEnglish).use(retextSearch));
const files = listFiles(dir);
let findings = 0;
for (const path of files) {
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  await processor.run(processor.parse(file), file);
  findings += file.messages.length;
}
console.log(JSON.stringify({ files: files.length, findings }));
