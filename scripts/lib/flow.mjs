// The clip → save → export flow a user goes through, driven in a real browser. `npm start` runs it headless
// when no display is available; the end-to-end tests check each step of it in detail.
import {
  LABELS,
  field,
  summarizerField,
  waitForExtraction,
  addKeyword,
  clickSave,
  exportJson,
} from './popup.mjs';

/**
 * On the production build: open `articleUrl`, click the toolbar button (activeTab), open the popup for that
 * tab, add a summary and a keyword, save, export. Returns the parsed export and where it was saved.
 * @param {import('./browser.mjs').ExtensionBrowser} browser
 * @param {string} articleUrl
 * @param {string} downloadDir
 */
export async function clipSaveExport(browser, articleUrl, downloadDir) {
  const { page: article, tabId } = await browser.openTab(articleUrl);
  await browser.clickToolbarButton(article);
  const popup = await browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
  const outcome = await waitForExtraction(popup);
  if (outcome !== 'filled') throw new Error(`The popup could not read the sample article: ${await popup.getByRole('alert').first().innerText()}`);
  await addKeyword(popup, 'Sample');
  await field(popup, LABELS.summary).fill('A sample summary written by `npm start`: small harbours wire their quays for shore power; the grid is the bottleneck.');
  await summarizerField(popup, 'Name').fill('Précis demo');
  await summarizerField(popup, 'Role').fill('Sample run');
  const saved = await clickSave(popup);
  if (saved !== 'saved') throw new Error('Saving the sample article did not confirm.');
  const exported = await exportJson(popup, downloadDir);
  return { ...exported, popup };
}
