// The team library in Firefox ESR (MV2): Connect from Options (the CouchDB session cookie kept by Firefox for
// the extension's requests), a teammate's record arriving in the open library with who clipped it, and an
// edit made in Firefox judged by the server as hers. The teammate is a Node client of the same test server.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { waitForFunction } from '../../scripts/lib/firefox.mjs';
import { control, useFirefox } from './support';
import { runPass } from '../../utils/sync/engine';
import { MemoryStore } from '../../utils/sync/memory-store';
import { newTeam, useCouchServer } from '../unit/sync/couch';
import { makeRecord } from '../unit/sync/records';

const couch = useCouchServer();
const h = useFirefox();

async function waitForText(page: Page, text: string, timeout = 20_000) {
  try {
    await waitForFunction(page, (t) => document.body.textContent?.includes(t), { timeout }, text);
  } catch (e) {
    throw new Error(`“${text}” did not show; the page says: ${await page.evaluate(() => document.body.innerText.slice(0, 2000))}`, { cause: e });
  }
}

describe('Firefox: team library', () => {
  it('connects, shows a teammate’s record with who clipped it, and has the server judge her edit of it', async () => {
    const team = await newTeam(couch());
    // Opened by the extension (as its own tabs are), like the popup in flow.e2e.test.ts.
    await h.library.evaluate(() => (globalThis as any).browser.tabs.create({ url: '/options.html' }));
    const options = await h.ff.findPage(`${h.ff.origin}/options.html`);
    await (await control(options, 'Server address')).type(team.address.database);
    await (await control(options, 'User name')).type(team.associate.name);
    await (await control(options, 'Password')).type(team.associate.password);
    // A real click (trusted input): the permission request needs the user's gesture.
    await (await options.waitForSelector('::-p-xpath(//button[normalize-space()="Connect"])'))!.click();
    await waitForText(options, `Connected to ${team.address.database} as ${team.associate.name}`);
    await waitForFunction(options, () => /^Synced /.test(document.querySelector('.team-status')?.textContent ?? ''), { timeout: 20_000 });

    // The editor saves a record from elsewhere; the open library shows it.
    const eve = { client: await team.signIn(team.editor), store: new MemoryStore() };
    const record = makeRecord({ title: 'Quay Power Across the Baltic', summary: 'From the editor.', text: 'Text.' });
    eve.store.save(record);
    expect(await runPass({ client: eve.client, store: eve.store, user: team.editor.name })).toMatchObject({ ok: true, pushed: 1 });
    await waitForText(h.library, 'Quay Power Across the Baltic');
    await waitForText(h.library, `Clipped by ${team.editor.name}`);

    // An editor's record: an associate may not delete it, and has no Delete button for it.
    const deletes = await h.library.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.getAttribute('aria-label')?.startsWith('Delete ')).length);
    expect(deletes).toBe(0);

    // As an associate she may not edit the editor's record: the server refuses it, which it can only do for a
    // request that carries her session (without one, it would answer "not signed in").
    await (await h.library.waitForSelector('::-p-aria(Edit Quay Power Across the Baltic)'))!.click();
    const summary = await control(h.library, 'Summary');
    await summary.evaluate((el) => el.select());
    await summary.type('Rewritten by the associate.');
    await (await h.library.waitForSelector('::-p-xpath(//button[normalize-space()="Save changes"])'))!.click();
    await waitForText(h.library, 'Refused by the server');
    await waitForText(h.library, 'Your edit is kept in this browser.');
    await runPass({ client: eve.client, store: eve.store, user: team.editor.name });
    expect(eve.store.record(record.id)?.summary).toBe('From the editor.');
  });
});
