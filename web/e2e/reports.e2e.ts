import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatKpi, formatReportDate } from '../src/features/reports/report-format';
import { DEMO, signIn, townBySlug } from './auth-helpers';

/**
 * Council reports in the real browser against the built API + dashboard with the demo seed: the
 * Gotha councillor's report page, refusal for another town, and the server-rendered PDF (text via
 * poppler's pdftotext, first page rasterised with pdftoppm and checked for the map's colours).
 */
const AS_OF = '2025-06-30';
const plain = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');

interface Kpis {
  vacancyRate: number | null;
  vacantUnits: number;
  longTermVacantUnits: number;
  notInUseRate: number | null;
}

async function kpisOf(page: Page, cityId: string): Promise<Kpis> {
  const res = await page.request.get(`/api/kpis?cityId=${cityId}&asOf=${AS_OF}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as Kpis[])[0]!;
}

/** Pixels of the status colours (occupied blue, vacant orange) in the upper half of a PNG. */
async function statusPixels(
  page: Page,
  png: Buffer,
): Promise<{ occupied: number; vacant: number; total: number }> {
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, Math.floor(img.height / 2)).data;
    const near = (i: number, [r, g, b]: number[]) =>
      Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 60;
    let occupied = 0;
    let vacant = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, [0x00, 0x72, 0xb2])) occupied += 1;
      if (near(i, [0xd5, 0x5e, 0x00])) vacant += 1;
    }
    return { occupied, vacant, total: data.length / 4 };
  }, png.toString('base64'));
}

test.describe('council reports', () => {
  test('the Gotha councillor opens the town report with the API’s numbers', async ({ page }) => {
    await signIn(page, DEMO.viewerGotha);
    const gotha = await townBySlug(page.request, 'gotha');
    const kpis = await kpisOf(page, gotha.id);
    await page.goto(`/berichte/stadt/gotha?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innenstadtbericht Gotha');
    await expect(page.getByRole('img', { name: /Karte der Innenstadt von Gotha/ })).toBeVisible();
    const cell = page.locator('tr[data-kpi="vacancyRate"] .report-kpi-value');
    expect(plain(await cell.innerText())).toBe(plain(formatKpi('share', kpis.vacancyRate, 'de')));
    expect(await page.locator('svg.report-map circle').count()).toBeGreaterThan(50);
  });

  test('another town’s report is refused with a clear message', async ({ page }) => {
    await signIn(page, DEMO.viewerGotha);
    await page.goto(`/berichte/stadt/muehlhausen?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-error="forbidden"]')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Keine Berechtigung');
    const pdf = await page.request.get(`/api/reports/towns/muehlhausen.pdf?asOf=${AS_OF}`);
    expect(pdf.status()).toBe(403);
  });

  test('the server renders the report as a PDF with the town, the date, the KPIs and the map', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.viewerGotha);
    const gotha = await townBySlug(page.request, 'gotha');
    const kpis = await kpisOf(page, gotha.id);
    const res = await page.request.get(`/api/reports/towns/gotha.pdf?asOf=${AS_OF}&lang=de`, {
      timeout: 90_000,
    });
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const file = testInfo.outputPath('gotha.pdf');
    writeFileSync(file, await res.body());

    const text = plain(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Innenstadtbericht Gotha');
    expect(text).toContain(formatReportDate(AS_OF, 'de')); // 30. Juni 2025
    expect(text).toContain('© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)');
    expect(text).toContain('kpi-v1');
    expect(text).toMatch(
      new RegExp(`Leerstandsquote ${escape(plain(formatKpi('share', kpis.vacancyRate, 'de')))}`),
    );
    expect(text).toMatch(new RegExp(`Leerstehende Ladenlokale ${kpis.vacantUnits}\\b`));
    expect(text).toContain(plain(formatKpi('share', kpis.notInUseRate, 'de')));

    const prefix = testInfo.outputPath('gotha-page');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, prefix]);
    const png = await import('node:fs').then((fs) => fs.readFileSync(`${prefix}-1.png`));
    const pixels = await statusPixels(page, png);
    // The map's storefront dots: plenty of occupied blue and some vacant orange on page 1.
    expect(pixels.occupied).toBeGreaterThan(200);
    expect(pixels.vacant).toBeGreaterThan(20);
  });

  test('the English PDF of the network report is produced', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.networkMember);
    const res = await page.request.get(
      `/api/reports/networks/innenstaedte-erfolgreich-machen.pdf?asOf=${AS_OF}&lang=en`,
      {
        timeout: 90_000,
      },
    );
    expect(res.status()).toBe(200);
    const file = testInfo.outputPath('network.pdf');
    writeFileSync(file, await res.body());
    const text = plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Network report');
    expect(text).toContain('30 June 2025');
  });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
