import { describe, expect, it } from 'vitest';
import { docFromRecord, readDoc, RECORD_TYPE, TEXT_ATTACHMENT } from '../../../utils/sync/documents';
import { utf8ToBase64 } from '../../../utils/sync/base64';
import { makeRecord, synced } from './records';

const rev = '3-0123456789abcdef0123456789abcdef';
const record = synced(makeRecord({ title: 'Ports, Power and Patience', keywords: ['ports'], clippedBy: 'ana' }));
const docOf = (extra: Record<string, unknown> = {}) => ({ ...docFromRecord(record, { rev, clippedBy: 'ana', text: null }), ...extra });

describe('record ↔ CouchDB document', () => {
  it('writes the record as a typed document that names who clipped it, without id or text fields', () => {
    const doc = docFromRecord({ ...record, text: 'never in the body' } as typeof record, { rev: null, clippedBy: 'bo', text: 'The article.' });
    expect(doc).toMatchObject({ _id: record.id, type: RECORD_TYPE, clippedBy: 'bo', title: record.title });
    expect(doc).not.toHaveProperty('_rev');
    expect(doc).not.toHaveProperty('id');
    expect(doc).not.toHaveProperty('text');
    expect(doc._attachments).toEqual({ [TEXT_ATTACHMENT]: { content_type: 'text/plain; charset=utf-8', data: utf8ToBase64('The article.') } });
  });

  it('keeps the server’s text with a stub, and sends none when there is none', () => {
    expect(docFromRecord(record, { rev, clippedBy: 'ana', text: { stub: 'md5-abc' } })._attachments).toEqual({
      [TEXT_ATTACHMENT]: { stub: true, digest: 'md5-abc', content_type: 'text/plain; charset=utf-8' },
    });
    expect(docFromRecord(record, { rev, clippedBy: 'ana', text: null })).not.toHaveProperty('_attachments');
  });

  it('reads it back to the same record, with the text attachment’s digest', () => {
    const doc = docOf({ _attachments: { [TEXT_ATTACHMENT]: { stub: true, digest: 'md5-abc', length: 12, content_type: 'text/plain' } } });
    expect(readDoc(doc)).toEqual({ kind: 'record', id: record.id, rev, record, text: { digest: 'md5-abc', length: 12 } });
  });

  it('decodes an inline text (UTF-8) when the server sends it', () => {
    const doc = docOf({ _attachments: { [TEXT_ATTACHMENT]: { digest: 'md5-x', data: utf8ToBase64('Wasser – ça va? 水') } } });
    expect(readDoc(doc)).toMatchObject({ kind: 'record', text: { digest: 'md5-x', text: 'Wasser – ça va? 水' } });
  });

  it('reads tombstones as deletions and leaves design documents and other types alone', () => {
    expect(readDoc({ _id: 'x', _rev: rev, _deleted: true })).toEqual({ kind: 'deleted', id: 'x', rev });
    expect(readDoc({ _id: '_design/precis', _rev: rev, validate_doc_update: 'function(){}' })).toMatchObject({ kind: 'skipped', why: 'design document' });
    expect(readDoc({ _id: 'y', _rev: rev, type: 'chat.message', title: 'hi' })).toMatchObject({ kind: 'skipped', why: 'not a Précis record' });
  });
});

describe('documents from a hostile server or teammate', () => {
  it('keeps script payloads as the plain strings they are', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const r = readDoc(docOf({ title: payload, summary: payload, keywords: [payload], authors: [{ name: payload, affiliation: payload }] }));
    expect(r.kind).toBe('record');
    if (r.kind !== 'record') return;
    expect(r.record.title).toBe(payload);
    expect(r.record.summary).toBe(payload);
    expect(r.record.keywords).toEqual([payload]);
    expect(r.record.authors).toEqual([{ name: payload, affiliation: payload }]);
  });

  it.each([
    ['an oversize title', { title: 'x'.repeat(2_001) }, /title/],
    ['an oversize summary', { summary: 'x'.repeat(200_001) }, /summary/],
    ['too many keywords', { keywords: Array.from({ length: 501 }, (_, i) => `k${i}`) }, /keywords/],
    ['a title that is an object', { title: { toString: 'evil' } }, /title/],
    ['a word count that is a string', { wordCount: '12' }, /wordCount/],
    ['keywords that are not a list', { keywords: 'a,b' }, /keywords/],
    ['an author without a name', { authors: [{ affiliation: 'x' }] }, /authors/],
    ['a date that is not ISO 8601', { publishedDate: 'yesterday' }, /publishedDate/],
    ['a clippedBy that is a number', { clippedBy: 7 }, /clippedBy/],
  ])('rejects %s, with the reason', (_label, fields, reason) => {
    const r = readDoc(docOf(fields));
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason).toMatch(reason);
  });

  it.each([
    ['not an object', 'a string'],
    ['a list', [1, 2]],
    ['null', null],
    ['no _id', { _rev: rev, type: RECORD_TYPE, title: 't' }],
    ['an oversize _id', { _id: 'x'.repeat(201), _rev: rev, type: RECORD_TYPE, title: 't' }],
    ['a malformed _rev', { _id: 'a', _rev: 'DROP TABLE', type: RECORD_TYPE, title: 't' }],
  ])('rejects a document that is %s', (_label, raw) => {
    expect(readDoc(raw).kind).toBe('invalid');
  });

  it('rejects an attachment that is not base64 or decodes past the text limit', () => {
    expect(readDoc(docOf({ _attachments: { [TEXT_ATTACHMENT]: { digest: 'md5-x', data: '%%%' } } }))).toMatchObject({ kind: 'invalid', reason: /base64/ });
    expect(readDoc(docOf({ _attachments: { [TEXT_ATTACHMENT]: { data: 'aGk=' } } }))).toMatchObject({ kind: 'invalid', reason: /digest/ });
    const long = utf8ToBase64('x'.repeat(5_000_001));
    expect(readDoc(docOf({ _attachments: { [TEXT_ATTACHMENT]: { digest: 'md5-x', data: long } } }))).toMatchObject({ kind: 'invalid', reason: /too long/ });
  });

  it('drops fields the record does not have and never lets a key reach a prototype', () => {
    const raw = JSON.parse(
      JSON.stringify(docOf({ extra: '<b>x</b>', text: 'a body text field is ignored' })).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'),
    );
    raw.sources = JSON.parse('{"__proto__":{"polluted":true},"title":"JSON-LD"}');
    const r = readDoc(raw);
    expect(r.kind).toBe('record');
    if (r.kind !== 'record') return;
    expect(r.record).not.toHaveProperty('extra');
    expect(r.record).not.toHaveProperty('text');
    expect(r.record.sources).toEqual({ title: 'JSON-LD' });
    expect(Object.getPrototypeOf(r.record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes the id from _id, not from a field of the body', () => {
    const r = readDoc(docOf({ id: 'someone-elses-record' }));
    expect(r).toMatchObject({ kind: 'record', id: record.id, record: { id: record.id } });
  });
});
