// Diagnostics and hovers in the draft's own language and script: a Traditional, a Simplified, a
// Korean and an English draft, in an editor whose UI is English or Korean.

import { describe, expect, it } from 'vitest';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { type TestClient, useTestResources } from './client.js';

const { client } = useTestResources('nuance-ls-locales-');

const DRAFTS = {
  hant: '韓中雙方同意，韓國新政府奉行實用外交。',
  hans: '中韩双方同意，韩国新政府奉行实用外交。',
  ko: '한중 양국은 전략적 협력 동반자 관계를 복원해야 한다.',
  en: 'Seoul and Beijing agreed to restore the strategic cooperative partnership.',
};

async function hoverOf(
  c: TestClient,
  name: string,
  text: string,
): Promise<{ diagnostic: Diagnostic; hover: string }> {
  const uri = `untitled:${name}`;
  await c.open(uri, text, 'markdown');
  const [diagnostic] = await c.diagnostics(uri, (list) => list.length === 1);
  if (!diagnostic) throw new Error(`no diagnostic in ${name}`);
  const hover = (await c.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: diagnostic.range.start,
  })) as Hover;
  return { diagnostic, hover: (hover.contents as { value: string }).value };
}

describe('diagnostics and hovers in four locales', () => {
  it('speak each draft’s language and script, whatever the editor’s UI language', async () => {
    const c = await client({ locale: 'ko' });
    const hant = await hoverOf(c, 'hant.md', DRAFTS.hant);
    expect(hant.diagnostic.message).toBe(
      '請用「務實外交」（務實）代替「實用外交」（實用）：在中文裡，用「實用」形容政策帶有物質主義和機會主義的色彩',
    );
    expect(hant.hover).toContain('**建議用語**: `務實外交`');
    expect(hant.hover).toContain('譯成中文時必須用「務實」');
    expect(hant.hover).toContain('- `zh`: 用「實用」形容外交路線帶有物質主義和機會主義的色彩');
    expect(hant.hover).not.toMatch(/[实务译们]/);

    const hans = await hoverOf(c, 'hans.md', DRAFTS.hans);
    expect(hans.diagnostic.message).toContain('请用“务实外交”（务实）代替“实用外交”（实用）');
    expect(hans.hover).toContain('**建议用语**: `务实外交`');
    expect(hans.hover).toContain('- `ko`: “실용외교”是韩国政府对自身路线的称呼');

    const ko = await hoverOf(c, 'ko.md', DRAFTS.ko);
    expect(ko.diagnostic.message).toBe(
      '‘전략적 협력 동반자 관계’는 중국 독자와 한국 독자에게 다르게 읽힙니다: 경제·외교 협력을 뜻한다고 밝히십시오',
    );
    expect(ko.hover).toContain('**독자별 읽힘**:');
    expect(ko.hover).toContain('- `zh`: 주로 경제·외교 분야에서 중장기적으로 협력하는 동반자.');
    expect(ko.hover).toContain('전략적 협력 동반자 관계는 2008년에 수립되었고');

    // An English draft stays English in a Korean editor.
    const en = await hoverOf(c, 'en.md', DRAFTS.en);
    expect(en.diagnostic.message).toBe(
      '“strategic cooperative partnership” reads differently to Chinese and Korean readers: say that it covers economic and diplomatic cooperation',
    );
    expect(en.hover).toContain('**Readings**:');
    expect(en.hover).toContain('established in 2008');
  });

  it('take the editor’s UI locale for a draft whose language is unknown, never for a Korean one', async () => {
    const korean = await client({ locale: 'ko' });
    // Mostly Cyrillic: no language nuance knows holds more than half of the letters.
    const { diagnostic } = await hoverOf(korean, 'mixed.md', '中韩 实用外交 и это всё так');
    expect(diagnostic.message).toBe(
      '‘实用外交’ 대신 ‘务实外交’을(를) 쓰십시오(实用 shiyong이 아니라 务实 wushi): 중국어에서 정책을 实用으로 표현하면 물질주의적이고 기회주의적으로 읽힙니다',
    );
    const english = await client({ locale: 'en' });
    const ko = await hoverOf(english, 'ko.md', DRAFTS.ko);
    expect(ko.diagnostic.message).toContain('다르게 읽힙니다');
  });
});
