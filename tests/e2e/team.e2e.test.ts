// The team library in two real browsers (two Chromium profiles: an associate and an editor) syncing through
// the CouchDB-protocol test server (a real CouchDB when COUCHDB_URL is set). Each test has a team database
// and users of its own, and both browsers start from a fresh install.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, clickSave, field } from '../../scripts/lib/popup.mjs';
import { runPass } from '../../utils/sync/engine';
import { MemoryStore } from '../../utils/sync/memory-store';
import { newTeam, useCouchServer, type Team, type TeamUser } from '../unit/sync/couch';
import { SAMPLE, SECOND, clip, openFilledPopup, useHarness, type Harness } from './support';
import { expectAccessible } from './axe';

const couch = useCouchServer();
const ana = useHarness('e2e');
const eve = useHarness('e2e');
const WIDE = { viewport: { width: 1280, height: 900 } };

// A test that failed while the server was stopped leaves it stopped.
beforeEach(async () => {
  if (!couch().running) await couch().start();
});

/** Connects a browser to the team from Options, as a user does; returns the Options page. */
async function connect(h: Harness, team: Team, user: TeamUser): Promise<Page> {
  const options = await h.browser.openExtensionPage('options.html', WIDE);
  await options.getByLabel('Server address').fill(team.address.database);
  await options.getByLabel('User name').fill(user.name);
  await options.getByLabel('Password').fill(user.password);
  await options.getByRole('button', { name: 'Connect', exact: true }).click();
  await options.getByText(`Connected to ${team.address.database} as ${user.name}`).waitFor();
  await options.locator('.team-status').filter({ hasText: /^Synced / }).waitFor();
  return options;
}

/** A new team with both browsers connected: ana as the associate, eve as the editor. */
async function teamOfTwo(): Promise<Team> {
  const team = await newTeam(couch());
  await (await connect(ana, team, team.associate)).close();
  await (await connect(eve, team, team.editor)).close();
  return team;
}

const openLibrary = (h: Harness) => h.browser.openExtensionPage('library.html', WIDE);
const row = (library: Page, title: string) => library.getByRole('table', { name: 'Records' }).getByRole('row').filter({ hasText: title });

async function editSummary(library: Page, title: string, summary: string) {
  await row(library, title).getByRole('button', { name: `Edit ${title}` }).click();
  const editor = library.locator('aside.editor-panel');
  await editor.getByLabel('Summary', { exact: true }).fill(summary);
  await editor.getByRole('button', { name: 'Save changes', exact: true }).click();
  await editor.waitFor({ state: 'detached' });
}

describe('team library', () => {
  it('a page saved in one browser appears in a teammate’s open library within seconds, with who clipped it', async () => {
    const team = await teamOfTwo();
    const library = await openLibrary(eve);
    await library.locator('.team-status').filter({ hasText: /^Synced / }).waitFor();
    await clip(ana, SAMPLE.file, { fields: { summary: 'Shore power at small quays.' } });
    // The popup asks the background to upload; eve's library is waiting on the server's next change (without
    // that, the next pass would come with the minute's alarm, after this wait). bench/team.ts measures the time.
    await row(library, SAMPLE.title).waitFor({ timeout: 10_000 });
    await expect.poll(() => row(library, SAMPLE.title).textContent()).toContain(`Clipped by ${team.associate.name}`);
    // "Team" lists it for eve; "Mine" does not.
    await library.getByLabel('Clipped by').selectOption('mine');
    await row(library, SAMPLE.title).waitFor({ state: 'detached' });
    await library.getByLabel('Clipped by').selectOption('team');
    await row(library, SAMPLE.title).waitFor();

    // In eve's browser, the popup on that page says who saved it, and opens that record.
    const { popup } = await openFilledPopup(eve, ana.server.url(SAMPLE.file));
    await popup.getByText(`Already in the team library: ${team.associate.name} saved this page`).waitFor();
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Shore power at small quays.');
  });

  it('the same field edited offline in both browsers waits for a choice, and the choice reaches both', async () => {
    await teamOfTwo();
    const anaLibrary = await openLibrary(ana);
    const eveLibrary = await openLibrary(eve);
    await clip(ana, SECOND.file, { fields: { summary: 'Base summary.' } });
    await row(eveLibrary, SECOND.title).waitFor({ timeout: 10_000 });
    await anaLibrary.locator('.team-status').filter({ hasText: /^Synced / }).filter({ hasNotText: 'waiting' }).waitFor();

    await couch().stop();
    await editSummary(eveLibrary, SECOND.title, 'Eve’s summary.');
    await editSummary(anaLibrary, SECOND.title, 'Ana’s summary.');
    await anaLibrary.locator('.team-status').filter({ hasText: 'Working offline.' }).filter({ hasText: '1 change waiting to upload' }).waitFor();
    await couch().start();

    // Whichever uploads second finds the other's version: its library shows both side by side.
    const conflictIn = await Promise.race(
      [anaLibrary, eveLibrary].map((lib) =>
        lib
          .getByRole('heading', { name: 'Changed in two places' })
          .waitFor({ timeout: 60_000 })
          .then(() => lib),
      ),
    );
    const form = conflictIn.locator('form.conflict');
    const [mine, theirs] = conflictIn === anaLibrary ? ['Ana’s summary.', 'Eve’s summary.'] : ['Eve’s summary.', 'Ana’s summary.'];
    await expect.poll(() => form.textContent()).toContain(mine);
    expect(await form.textContent()).toContain(theirs);
    await expectAccessible(conflictIn, 'library with a record changed in two places');
    await form.getByRole('radio', { name: 'Keep the team’s' }).check();
    await form.getByRole('button', { name: 'Keep these' }).click();
    await conflictIn.getByRole('heading', { name: 'Changed in two places' }).waitFor({ state: 'detached' });
    // Both libraries end with the version kept.
    for (const lib of [anaLibrary, eveLibrary]) {
      await row(lib, SECOND.title).getByRole('button', { name: `Edit ${SECOND.title}` }).click();
      await expect.poll(() => lib.locator('aside.editor-panel').getByLabel('Summary', { exact: true }).inputValue(), { timeout: 15_000 }).toBe(theirs);
      await lib.keyboard.press('Escape');
    }
  });

  it('the server going away in the middle of an upload loses nothing: the upload resumes when it is back', async () => {
    await teamOfTwo();
    const anaLibrary = await openLibrary(ana);
    const eveLibrary = await openLibrary(eve);
    // The server stops the moment the upload's request has gone through to it: its answer never comes back.
    let cut = false;
    const stopWatching = couch().onRequest((method, path) => {
      if (!cut && method === 'POST' && path.endsWith('/_bulk_docs')) {
        cut = true;
        void couch().stop();
      }
    });
    try {
      await clip(ana, SAMPLE.file, { fields: { summary: 'Typed before the server went away.' } });
      await expect.poll(() => cut).toBe(true);
      await anaLibrary.locator('.team-status').filter({ hasText: 'Working offline.' }).filter({ hasText: '1 change waiting to upload' }).waitFor();
    } finally {
      stopWatching();
    }
    await couch().start();
    // Whether or not the server kept the write, the next pass finds out (a 409 whose merge finds both sides
    // equal, or a plain upload) and both libraries end the same, with nothing waiting.
    await row(eveLibrary, SAMPLE.title).waitFor({ timeout: 40_000 });
    await anaLibrary.locator('.team-status').filter({ hasText: /^Synced / }).filter({ hasNotText: 'waiting' }).waitFor({ timeout: 40_000 });
    expect(await anaLibrary.getByRole('heading', { name: 'Changed in two places' }).count()).toBe(0);
    await row(eveLibrary, SAMPLE.title).getByRole('button', { name: `Edit ${SAMPLE.title}` }).click();
    expect(await eveLibrary.locator('aside.editor-panel').getByLabel('Summary', { exact: true }).inputValue()).toBe('Typed before the server went away.');
  });

  it('an associate’s edit of the editor’s record is refused by the server in words and kept here', async () => {
    await teamOfTwo();
    const anaLibrary = await openLibrary(ana);
    await clip(eve, SAMPLE.file, { fields: { summary: 'The editor’s summary.' } });
    await row(anaLibrary, SAMPLE.title).waitFor({ timeout: 10_000 });
    // Not hers: no Delete for her.
    expect(await row(anaLibrary, SAMPLE.title).getByRole('button', { name: `Delete ${SAMPLE.title}` }).count()).toBe(0);
    await editSummary(anaLibrary, SAMPLE.title, 'The associate’s rewrite.');
    await anaLibrary.getByRole('heading', { name: 'Refused by the server' }).waitFor({ timeout: 15_000 });
    expect(await anaLibrary.locator('.team-panel').textContent()).toContain('Your edit is kept in this browser.');
    await expectAccessible(anaLibrary, 'library with a refused edit');
    await row(anaLibrary, SAMPLE.title).getByRole('button', { name: `Edit ${SAMPLE.title}` }).click();
    expect(await anaLibrary.locator('aside.editor-panel').getByLabel('Summary', { exact: true }).inputValue()).toBe('The associate’s rewrite.');
  });

  it('a title that is a script payload arrives as text; Disconnect keeps every record', async () => {
    const team = await newTeam(couch());
    const options = await connect(ana, team, team.associate);
    (await connect(eve, team, team.editor)).close();
    const payload = '<img src=x onerror="document.title=\'pwned\'">Payload';
    const { popup } = await openFilledPopup(eve, eve.server.url(SECOND.file));
    await field(popup, LABELS.title).fill(payload);
    expect(await clickSave(popup)).toBe('saved');
    await popup.close();
    const library = await openLibrary(ana);
    await row(library, 'Payload').waitFor({ timeout: 10_000 });
    expect(await row(library, 'Payload').locator('img').count()).toBe(0);
    expect(await library.title()).not.toBe('pwned');

    await options.getByRole('button', { name: 'Disconnect' }).click();
    await options.getByText('Disconnected. Every record stays in this browser’s library.').waitFor();
    await options.getByLabel('Server address').waitFor();
    await library.reload();
    await row(library, 'Payload').waitFor();
    expect(await library.locator('.team-panel').count()).toBe(0);
  });
});

describe('team library sign-in', () => {
  it('says a wrong password in words, and after the session ends asks for the password again, losing nothing', async () => {
    const team = await newTeam(couch());
    const options = await ana.browser.openExtensionPage('options.html', WIDE);
    await options.getByLabel('Server address').fill(team.address.database);
    await options.getByLabel('User name').fill(team.associate.name);
    await options.getByLabel('Password').fill('not-her-password');
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await options.getByText('Not connected: Wrong user name or password.').waitFor();
    await options.getByLabel('Password').fill(team.associate.password);
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await options.locator('.team-status').filter({ hasText: /^Synced / }).waitFor();

    // The session ends (CouchDB's sessions time out when unused); a record saved meanwhile waits.
    await ana.browser.context.clearCookies();
    await clip(ana, SAMPLE.file, { fields: { summary: 'Saved while signed out.' } });
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.locator('.team-status').filter({ hasText: 'Not signed in' }).filter({ hasText: '1 change waiting to upload' }).waitFor();
    await expectAccessible(options, 'options with the team session ended');
    await options.getByLabel('Password').fill(team.associate.password);
    await options.getByRole('button', { name: 'Sign in again' }).click();
    await options.locator('.team-status').filter({ hasText: /^Synced / }).filter({ hasNotText: 'waiting' }).waitFor();
    const eve = await newTeamMemberStore(team);
    expect(eve.records().map((r) => r.summary)).toEqual(['Saved while signed out.']);
  });
});

/** The editor's view of the team library, read by a Node client. */
async function newTeamMemberStore(team: Team) {
  const store = new MemoryStore();
  const report = await runPass({ client: await team.signIn(team.editor), store, user: team.editor.name });
  expect(report.ok).toBe(true);
  return store;
}
