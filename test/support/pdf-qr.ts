// Reads the QR codes of a PDF the way a phone would see them: Chromium renders each page with pdf.js
// (unpdf's build, the one the app already ships) onto a canvas, and jsQR decodes the regions given
// (one per label) from the pixels. Nothing is read from the PDF's drawing instructions.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const ORIGIN = 'http://pdf-raster.test';

export interface Region {
  page: number;
  /** PDF points from the page's top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function decodeQrRegions(browser: Browser, pdf: Buffer, regions: Region[]): Promise<(string | null)[]> {
  const pdfjs = await readFile(path.join(path.dirname(require.resolve('unpdf')), 'pdfjs.mjs'));
  const jsqr = await readFile(require.resolve('jsqr/dist/jsQR.js'));
  const page = await browser.newPage();
  try {
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/pdfjs.mjs') return route.fulfill({ body: pdfjs, contentType: 'text/javascript' });
      if (url.pathname === '/jsqr.js') return route.fulfill({ body: jsqr, contentType: 'text/javascript' });
      if (url.pathname === '/sheet.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
      return route.fulfill({ body: '<!doctype html><script src="/jsqr.js"></script>', contentType: 'text/html' });
    });
    await page.goto(`${ORIGIN}/`);
    // Written as text: the test runner would otherwise rewrite the page's import() into its own loader.
    return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(regions)})`)) as (string | null)[];
  } finally {
    await page.close();
  }
}

const IN_PAGE = `async (wanted) => {
  const pdfjsLib = await import('/pdfjs.mjs');
  const bytes = new Uint8Array(await (await fetch('/sheet.pdf')).arrayBuffer());
  const doc = await pdfjsLib.getDocument({ data: bytes }).promise;
  const scale = 4;
  const canvases = new Map();
  const results = [];
  for (const region of wanted) {
    let context = canvases.get(region.page);
    if (!context) {
      const pdfPage = await doc.getPage(region.page);
      const viewport = pdfPage.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      context = canvas.getContext('2d', { willReadFrequently: true });
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await pdfPage.render({ canvasContext: context, viewport }).promise;
      canvases.set(region.page, context);
    }
    const image = context.getImageData(Math.round(region.x * scale), Math.round(region.y * scale), Math.round(region.width * scale), Math.round(region.height * scale));
    const found = window.jsQR(image.data, image.width, image.height);
    results.push(found ? found.data : null);
  }
  return results;
}`;
