// The popup's UI contract (labels, roles, buttons), as helpers for `npm start` and the end-to-end tests.
// Everything here finds elements the way a user (or a screen reader) does: by label, role and name.
import fs from 'node:fs';
import path from 'node:path';

/** @typedef {import('playwright-core').Page} Page */

/** Labels of the popup's form fields, exactly as the contract names them. */
export const LABELS = {
  title: 'Title',
  url: 'URL',
  author: 'Author',
  affiliation: 'Affiliation',
  publisher: 'Organization/Publisher',
  date: 'Date',
  place: 'Place',
  literatureType: 'Type of Literature',
  wordCount: 'Word Count',
  language: 'Language',
  keywords: 'Keywords',
  section: 'Section',
  summary: 'Summary',
};

/** The form control labelled exactly `label`. @param {Page} page @param {string} label */
export function field(page, label) {
  return page.getByLabel(label, { exact: true });
}

/** "Name" or "Role" inside the "Summarized by" fieldset. @param {Page} page @param {'Name' | 'Role'} label */
export function summarizerField(page, label) {
  return page.getByRole('group', { name: 'Summarized by' }).getByLabel(label, { exact: true });
}

/** @param {Page} page */
export const statusLine = (page) => page.getByRole('status');
/** @param {Page} page */
export const pageNotice = (page) => page.getByRole('alert');
/** @param {Page} page */
export const keywordList = (page) => page.getByRole('list', { name: 'Keyword tags' });

/**
 * Waits until the popup has finished reading its page: the Title is filled, or a notice (role=alert) shows
 * and the form is usable. Checked in the page every 50 ms (an interval, not a frame: background tabs draw no frames).
 * @param {Page} page
 * @returns {Promise<'filled' | 'notice'>}
 */
export async function waitForExtraction(page, timeout = 20_000) {
  const state = await page
    .waitForFunction(
      (titleLabel) => {
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === titleLabel);
        const title = /** @type {HTMLInputElement | null} */ (label?.control ?? null);
        if (title && title.value !== '') return 'filled';
        // A notice can show while the form is still being filled (it is set first): wait for the form to be usable.
        const notice = document.querySelector('[role=alert]');
        if (notice && notice.textContent?.trim() && (!title || !title.disabled)) return 'notice';
        return false;
      },
      LABELS.title,
      { timeout, polling: 50 },
    )
    .catch(async (e) => {
      throw new Error(`The popup did not fill the Title nor show a notice within ${timeout} ms (${e.message}). Page text:\n${await page.locator('body').innerText().catch(() => '?')}`);
    });
  return /** @type {'filled' | 'notice'} */ (await state.jsonValue());
}

/**
 * Current values of every form field, keyed as in LABELS (plus summarizerName/summarizerRole).
 * @param {Page} page
 */
export async function readForm(page) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [key, label] of Object.entries(LABELS)) out[key] = await field(page, label).inputValue();
  out.summarizerName = await summarizerField(page, 'Name').inputValue();
  out.summarizerRole = await summarizerField(page, 'Role').inputValue();
  return out;
}

/** Texts of the keyword tags, in order. @param {Page} page @returns {Promise<string[]>} */
export async function keywordTags(page) {
  const list = keywordList(page);
  if ((await list.count()) === 0) return [];
  return list.locator(':scope > li').evaluateAll((items) =>
    items.map((li) => {
      const copy = /** @type {HTMLElement} */ (li.cloneNode(true));
      copy.querySelectorAll('button').forEach((b) => b.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}

/**
 * Types a keyword into the tag input and commits it with Enter (default) or a comma.
 * @param {Page} page @param {string} tag @param {'Enter' | ','} [commit]
 */
export async function addKeyword(page, tag, commit = 'Enter') {
  const box = field(page, LABELS.keywords);
  await box.click();
  await box.pressSequentially(tag);
  await box.press(commit === ',' ? 'Comma' : 'Enter');
}

/**
 * Clicks "Clip as new" and waits for what a user sees next: the fresh record's summary drafted by itself. Typing
 * into the Summary while that draft lands mixes the two (fill() selects the empty field, the draft moves the caret
 * to its end), which no user does who sees the field fill.
 * @param {Page} page
 */
export async function clickClipAsNew(page, timeout = 10_000) {
  await page.getByRole('button', { name: 'Clip as new', exact: true }).click();
  await page
    .waitForFunction(
      (summaryLabel) => {
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === summaryLabel);
        return !!(/** @type {HTMLTextAreaElement | null} */ (label?.control ?? null))?.value;
      },
      LABELS.summary,
      { timeout, polling: 50 },
    )
    .catch((e) => {
      throw new Error(`No summary drafted within ${timeout} ms after "Clip as new" (${e.message})`);
    });
}

/**
 * Clicks Save and waits for the outcome: the status line saying "Saved", or the "already saved" dialog.
 * @param {Page} page
 * @returns {Promise<'saved' | 'duplicate'>}
 */
export async function clickSave(page, timeout = 10_000) {
  const before = (await statusLine(page).count()) ? await statusLine(page).first().innerText() : '';
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const outcome = await page
    .waitForFunction(
      (previous) => {
        if (document.querySelector('[role=alertdialog]')) return 'duplicate';
        const text = /** @type {HTMLElement | null} */ (document.querySelector('[role=status]'))?.innerText ?? '';
        return /Saved/.test(text) && text !== previous ? 'saved' : false;
      },
      before,
      { timeout, polling: 50 },
    )
    .catch(async () => {
      const status = (await statusLine(page).count()) ? await statusLine(page).first().innerText() : '(no role=status element)';
      throw new Error(`Save did not confirm within ${timeout} ms; status line: ${JSON.stringify(status)}`);
    });
  return /** @type {'saved' | 'duplicate'} */ (await outcome.jsonValue());
}

/**
 * Clicks "Export JSON", saves the download into `dir` under its suggested name and parses it.
 * @param {Page} page @param {string} dir
 * @returns {Promise<{ fileName: string, file: string, data: any }>}
 */
export async function exportJson(page, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const downloadPromise = page.waitForEvent('download', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
  const download = await downloadPromise;
  const fileName = download.suggestedFilename();
  const file = path.join(dir, fileName);
  await download.saveAs(file);
  return { fileName, file, data: JSON.parse(fs.readFileSync(file, 'utf8')) };
}

/** Today's local date as YYYY-MM-DD (the export file is named after it). */
export function localDate(d = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * The source hint shown next to a form field ("from JSON-LD", "not found on the page"…): the text of the
 * element the control's aria-describedby points at; without one, the hint-like text in the smallest
 * wrapper holding the control and its label but no other control.
 * @param {Page} page @param {string} label
 */
export async function sourceHint(page, label) {
  return field(page, label).evaluate((control) => {
    const clean = (/** @type {string | null | undefined} */ t) => (t ?? '').replace(/\s+/g, ' ').trim();
    const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = clean(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    if (described) return described;
    const HINT = /(?:guessed|from) [^\n]+|not found on the page/i;
    const CONTROLS = 'input:not([type=hidden]), select, textarea';
    let el = control.parentElement;
    while (el && el !== document.body) {
      if (el.querySelectorAll(CONTROLS).length > 1) break;
      const m = (el.innerText ?? el.textContent ?? '').match(HINT);
      if (m) return clean(m[0]);
      el = el.parentElement;
    }
    // Flat layouts: the siblings after the control, up to the next label or control.
    for (let sib = control.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches('label') || sib.matches(CONTROLS) || sib.querySelector(CONTROLS)) break;
      const m = (sib.textContent ?? '').match(HINT);
      if (m) return clean(m[0]);
    }
    return '';
  });
}
