// The scan that answers while the index is being built must find what the index finds (barring typos),
// so results do not jump about when the index takes over.
import { describe, expect, it } from 'vitest';
import { RecordIndex } from '../../../utils/search/record-index';
import { scanRecords } from '../../../utils/search/warmup-scan';
import { generals as generalsFixture, harbour, rec } from './fixtures';

// The summary mentions a harbour too, so that a word is found in different fields of different records.
const generals = { ...generalsFixture, summary: 'Civilian-led diplomatic outreach to the harbour authority.' };
const tokyo = rec('tokyo', { title: '東京 の 港湾', keywords: ['港湾', 'Łódź'], summary: 'Straße und Ørsted.' });
// Function words are not indexed: typing "wit" or "thi" must not match "with" or "this".
const thailand = rec('thailand', { title: 'Thailand witness', summary: 'Meeting with this and that from their side, EU-led (eu).' });
const library = [harbour, generals, tokyo, thailand];

describe('searching before the index is ready', () => {
  it('finds the same records as the index for words typed without typos', () => {
    const index = new RecordIndex();
    for (const r of library) index.upsert(r);
    const queries = ['lindqvist', 'lindq', 'Foreign Policy', 'shore power', 'civilian', 'southeast', 'quay', 'GDANSK', 'gdańsk', 'pakist',
      'lindqvist harbour', 'lindqvist pakistan', 'us', 'pa', 'lindqvist ha', 'the quay', 'in', 'out of pakistan', 'harbour', 'lodz', 'strasse',
      'orsted', '港湾', 'zyxwvut', '   ', 'wit', 'thi', 'tha', 'fro', 'thei', 'meeting side', 'eu', 'e', 'led', 'u'];
    for (const q of queries) expect(new Set(scanRecords(library, q)), q).toEqual(new Set(index.search(q)));
    expect(scanRecords(library, 'eu')).toEqual(['thailand']);
    expect(scanRecords(library, 'us')).toEqual(['generals']);
  });

  it('ranks by the strongest field a word is found in, then keeps the given (newest first) order', () => {
    expect(scanRecords(library, 'harbour')).toEqual(['harbour', 'generals']);
    const older = rec('older', { title: 'Shipping notes' });
    const newer = rec('newer', { title: 'Shipping news' });
    const inSummary = rec('summary', { title: 'Ports', summary: 'Shipping once.' });
    expect(scanRecords([inSummary, newer, older], 'shipping')).toEqual(['newer', 'older', 'summary']);
  });

  it('does not forgive typos: that waits for the index', () => {
    expect(scanRecords(library, 'weinstien')).toEqual([]);
  });

  it('sees a record as it is now when the same object is searched again after an edit replaced it', () => {
    expect(scanRecords(library, 'electrified')).toEqual([]);
    const edited = { ...harbour, title: 'Electrified quays' };
    expect(scanRecords([edited, generals], 'electrified')).toEqual(['harbour']);
  });

  it('gives, letter by letter, what a fresh scan gives (typing on only re-checks the earlier matches)', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      rec(`r${i}`, { title: ['Port policy', 'Portugal energy', 'Policing ports', 'Energy policy review'][i % 4] + ` ${i}`, summary: i % 3 ? 'Harbour dues.' : 'Harbours and policies.' }),
    );
    const typed = ['p', 'po', 'por', 'port', 'portu', 'port', 'por', 'policy', 'policy e', 'policy ene', 'policy', 'harb', 'harbours', 'harbours pol'];
    const asTyped = typed.map((q) => scanRecords(many, q));
    const fresh = typed.map((q) => scanRecords([...many], q));
    expect(asTyped).toEqual(fresh);
    expect(fresh[3].length).toBeGreaterThan(fresh[4].length);
    expect(fresh[4].length).toBeGreaterThan(0);
  });
});
