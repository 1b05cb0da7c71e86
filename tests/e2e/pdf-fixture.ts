// A small report PDF written with pdf-lib, served from 127.0.0.1 with the type a web server gives PDFs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyLines, makePdf } from '../unit/pdf/make-pdf';

export const REPORT = {
  title: 'Shore Power at Small Harbours: Costs and Options',
  author: 'Marta Lindqvist',
  publisher: 'Baltic Ports Research Service',
  date: '2025-04-20',
} as const;

const BODY = 'Harbour authorities in the Baltic have started to fit shore power to their quays, and ferries follow';

/** The report's pages: a cover with the title and date, `bodyPages` of text, and the author page. */
const reportPages = (bodyPages: number) => [
  {
    texts: [
      { text: 'Updated April 20, 2025', x: 430, y: 740, size: 10 },
      { text: 'Shore Power at Small Harbours:', x: 72, y: 690, size: 22, bold: true },
      { text: 'Costs and Options', x: 72, y: 662, size: 22, bold: true },
      ...bodyLines(BODY, 620, 40),
    ],
  },
  ...Array.from({ length: bodyPages }, () => ({ texts: bodyLines(BODY, 720, 50) })),
  {
    texts: [
      { text: 'Author Information', x: 72, y: 700, size: 14, bold: true },
      { text: REPORT.author, x: 72, y: 670, size: 10 },
      { text: 'Senior Analyst in Port Policy', x: 72, y: 658, size: 10 },
      { text: `This report was prepared by the ${REPORT.publisher} for the harbour boards.`, x: 72, y: 600, size: 10 },
    ],
  },
];

/** Three pages, with an Info dictionary that lies (a Word file name as the title, "admin" as the author). */
export function reportPdf(): Promise<Uint8Array> {
  return makePdf({ pages: reportPages(1), info: { title: 'Microsoft Word - ports-final-v3.docx', author: 'admin' } });
}

/** The same report with `bodyPages` pages of body text between its first page and its last. */
export function longReportPdf(bodyPages: number): Promise<Uint8Array> {
  return makePdf({ pages: reportPages(bodyPages) });
}

/**
 * Serves `bytes` as application/pdf at /report.pdf on 127.0.0.1. `/once.pdf` is served to the first request only
 * and refused (403) after: the tab shows it, the extension's own request for it is turned away.
 */
export async function servePdf(bytes: Uint8Array): Promise<{ url: string; onceUrl: string; close(): Promise<void> }> {
  let onceServed = false;
  const server = http.createServer((req, res) => {
    const name = req.url?.split('?')[0];
    if (name === '/once.pdf' && onceServed) {
      res.writeHead(403).end();
      return;
    }
    if (name === '/once.pdf') onceServed = true;
    else if (name !== '/report.pdf') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': bytes.length });
    res.end(Buffer.from(bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/report.pdf`,
    onceUrl: `http://127.0.0.1:${port}/once.pdf`,
    // The browser keeps its connection open: end it, or close() waits for it.
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
