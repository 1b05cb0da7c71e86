import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Page content is untrusted: extension pages render it as text only. `npm test` runs ESLint over the whole
// source (eslint.config.js); these cases show that its rules really catch each HTML sink and evaluator,
// and let ordinary text handling through.
const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The rules that fire on `code`, linted as if it were a component in the project. */
async function rulesFiredOn(code: string, file = 'components/Example.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('the linter finds HTML sinks and evaluators', () => {
  it.each([
    ['no-unsanitized/property', 'declare const el: HTMLElement, title: string;\nel.innerHTML = title;'],
    ['no-unsanitized/property', 'declare const el: HTMLElement, html: string;\nel.outerHTML += html;'],
    ['no-unsanitized/method', "declare const el: HTMLElement, html: string;\nel.insertAdjacentHTML('beforeend', html);"],
    ['no-unsanitized/method', 'declare const html: string;\ndocument.write(html);'],
    ['no-unsanitized/method', 'declare const html: string;\ndocument.writeln(html);'],
    ['no-unsanitized/method', 'declare const range: Range, html: string;\nrange.createContextualFragment(html);'],
    ['no-restricted-syntax', 'declare const html: string;\nexport const A = () => <div dangerouslySetInnerHTML={{ __html: html }} />;'],
    ['no-restricted-syntax', 'declare const html: string;\nexport const F = () => <iframe srcDoc={html} />;'],
    ['no-restricted-syntax', 'declare const frame: HTMLIFrameElement, html: string;\nframe.srcdoc = html;'],
    ['no-restricted-syntax', 'declare const el: HTMLElement, html: string;\nObject.assign(el, { innerHTML: html });'],
    ['no-restricted-syntax', 'declare const el: HTMLElement & { setHTMLUnsafe(s: string): void }, html: string;\nel.setHTMLUnsafe(html);'],
    ['no-eval', 'declare const code: string;\neval(code);'],
    ['no-new-func', "export const f = new Function('return 1');"],
  ])('%s catches `%s`', async (rule, code) => {
    expect(await rulesFiredOn(code)).toContain(rule);
  });

  it('lets reading markup and setting text through', async () => {
    const code = [
      'declare const el: HTMLElement, input: HTMLInputElement, page: { title: string; author: string };',
      'el.textContent = page.title;',
      'input.value = page.author;',
      'export const size = el.outerHTML.length;',
      'export const P = () => <p title={page.title}>{page.author}</p>;',
    ].join('\n');
    expect(await rulesFiredOn(code)).toEqual([]);
  });

  it('keeps extension APIs and the UI out of the pure logic in utils/', async () => {
    const browserApi = "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;";
    expect(await rulesFiredOn(browserApi, 'utils/record/example.ts')).toContain('no-restricted-imports');
    expect(await rulesFiredOn(browserApi, 'utils/browser/example.ts')).toEqual([]);
    expect(await rulesFiredOn("export { RecordForm } from '../../components/RecordForm';", 'utils/record/example.ts')).toContain('no-restricted-imports');
  });
});
