// Prints the HTML sheets as a person's browser would, with "background graphics" on and
// off, on A4 and on US Letter, in headless Chromium driven by puppeteer-core, and reads the
// PDFs back with poppler (pdfinfo, pdftoppm). For every area it checks that
//  - the large-print sheet of a 10-minute routine takes one sheet of paper, both sides at
//    most (2 pages), and so does the --compact sheet (as before: its table takes one);
//  - the first page prints the same with and without background graphics (and with the
//    sheet's print-color-adjust overridden), so that nothing the sheet means is a CSS
//    background, which browsers leave out by default;
//  - without background graphics, the legend's "knot" and "also worked" swatches still
//    print, and differently: each is printed alone and its dark pixels counted;
//  - every 10-minute routine of the request matrix fits one sheet, both sides: each area ×
//    cause × stage on A4 and Letter, and the longest of them (lingering and chronic) again
//    on Letter, the shorter paper, with every piece of equipment and a health condition.
// Line breaks, and so pages, depend on the font: the sheet asks for Arial first, which
// Windows and macOS have; Liberation Sans has the same metrics and stands in for it here.
// Usage: node print_sheets.js KNOTPLAN_BINARY [FOLDER]
// With FOLDER, the PDFs and their pages as PNG (60 dpi) are kept there, to look at.
// Needs puppeteer-core (NODE_PATH pointing at it), Chromium (CHROMIUM, or
// /usr/bin/chromium), pdfinfo and pdftoppm.
'use strict';
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const PAPERS = ['A4', 'Letter'];

function run(command, args) {
  return childProcess.execFileSync(command, args, { encoding: 'latin1', maxBuffer: 1 << 28 });
}

// What `knotplan list WHAT --format json` lists, the listing meant for scripts.
function listed(binary, what) {
  return JSON.parse(childProcess.execFileSync(binary, ['list', what, '--format', 'json'],
    { encoding: 'utf8' }));
}

// Every area a routine can be planned for (not those only worked on beside a knot).
function areas(binary) {
  return listed(binary, 'areas').filter((area) => !area.target_only).map((area) => area.id);
}

// One --since for each stage: new (up to 3 days), recent (2 weeks), lingering (6 weeks),
// chronic (longer).
const SINCE = ['today', '1w', '3w', '4mo'];

// Prints each request's large-print sheet and returns the ones over two pages.
async function sweep(binary, page, folder) {
  const equipment = listed(binary, 'equipment')
    .filter((thing) => !thing.always_available).map((thing) => thing.id).join(',');
  const causes = listed(binary, 'causes').map((cause) => cause.id);
  const requests = [];
  for (const area of areas(binary)) {
    for (const cause of causes) {
      for (const since of SINCE) {
        const args = ['--area', area, '--cause', cause, '--since', since];
        requests.push({ args, papers: PAPERS });
        if (since !== '3w' && since !== '4mo') continue;
        for (const condition of ['immunosuppression', 'pregnancy']) {
          requests.push({
            args: [...args, '--equipment', equipment, '--condition', condition],
            papers: ['Letter'],
          });
        }
      }
    }
  }
  const html = path.join(folder, 'sweep.html');
  const pdf = path.join(folder, 'sweep.pdf');
  const over = [];
  let printed = 0;
  for (const { args, papers } of requests) {
    run(binary, [...args, '--minutes', '10', '--format', 'html', '-o', html]);
    await page.goto('file://' + html, { waitUntil: 'load' });
    for (const paper of papers) {
      await page.pdf({ path: pdf, format: paper, printBackground: true });
      printed += 1;
      const pages = pageCount(pdf);
      if (pages > 2) over.push(`knotplan ${args.join(' ')} on ${paper}: ${pages} pages, more than 2`);
    }
  }
  return { printed, over };
}

function pageCount(pdf) {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))[1]);
}

// Page 1 in grey levels (one byte a pixel), from pdftoppm's binary PGM.
function greyPixels(pdf, dpi) {
  const prefix = pdf.replace(/\.pdf$/, `-${dpi}`);
  run('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const data = fs.readFileSync(prefix + '.pgm');
  // P5 <width> <height> <maxval>, one whitespace byte, then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.toString('latin1', 0, 64));
  return data.subarray(header[0].length);
}

function darkPixels(pixels) {
  let dark = 0;
  for (const level of pixels) if (level < 128) dark += 1;
  return dark;
}

// Without background graphics, as a browser that also ignores print-color-adjust would
// print it (Chromium honours the sheet's "exact" and would print backgrounds anyway).
const ECONOMY = `* { print-color-adjust: economy !important;
                    -webkit-print-color-adjust: economy !important; }`;

async function printPdf(page, file, paper, background) {
  const economy = background ? null : await page.addStyleTag({ content: ECONOMY });
  await page.pdf({ path: file, format: paper, printBackground: background });
  if (economy) await economy.evaluate((element) => element.remove());
  return file;
}

async function main(binary, keep) {
  const folder = keep || fs.mkdtempSync(path.join(os.tmpdir(), 'knotplan-print-'));
  fs.mkdirSync(folder, { recursive: true });
  const failures = [];
  let printed = 0;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    for (const area of areas(binary)) {
      for (const layout of ['sheet', 'compact']) {
        const name = `${area}-${layout}`;
        const html = path.join(folder, `${name}.html`);
        run(binary, ['--area', area, '--minutes', '10', '--format', 'html', '-o', html,
          ...(layout === 'compact' ? ['--compact'] : [])]);
        await page.goto('file://' + html, { waitUntil: 'load' });
        const most = 2;
        for (const paper of PAPERS) {
          const pdfs = {};
          for (const background of [true, false]) {
            const pdf = path.join(folder, `${name}-${paper}-${background ? 'bg' : 'nobg'}.pdf`);
            pdfs[background] = await printPdf(page, pdf, paper, background);
            printed += 1;
            const pages = pageCount(pdf);
            if (pages > most) {
              failures.push(`${name} on ${paper}: ${pages} pages, more than ${most}`);
            }
            if (keep) run('pdftoppm', ['-r', '60', '-png', pdf, pdf.replace(/\.pdf$/, '')]);
          }
          const withBackgrounds = greyPixels(pdfs[true], 50);
          const without = greyPixels(pdfs[false], 50);
          let differ = withBackgrounds.length === without.length ? 0 : Infinity;
          for (let i = 0; differ !== Infinity && i < without.length; i += 1) {
            if (Math.abs(withBackgrounds[i] - without[i]) > 16) differ += 1;
          }
          if (differ > 0) {
            failures.push(`${name} on ${paper}: page 1 prints differently without background ` +
                          `graphics (${differ} pixels differ at 50 dpi)`);
          }
        }
        // Each legend swatch alone on the page, printed without background graphics.
        const counts = {};
        for (const mark of ['knot', 'also']) {
          const style = await page.addStyleTag({
            content: `body * { visibility: hidden !important; }
                      svg.key.${mark}, svg.key.${mark} * { visibility: visible !important; }`,
          });
          const pdf = path.join(folder, `${name}-swatch-${mark}.pdf`);
          await printPdf(page, pdf, 'A4', false);
          counts[mark] = darkPixels(greyPixels(pdf, 300));
          await style.evaluate((element) => element.remove());
        }
        const larger = Math.max(counts.knot, counts.also);
        if (counts.knot === 0 || counts.also === 0 ||
            Math.abs(counts.knot - counts.also) < 0.25 * larger) {
          failures.push(`${name}: without background graphics the legend's knot and also-worked ` +
                        `swatches print alike (${counts.knot} and ${counts.also} dark pixels)`);
        }
      }
    }
    const swept = await sweep(binary, page, folder);
    printed += swept.printed;
    failures.push(...swept.over);
  } finally {
    await browser.close();
    if (!keep) fs.rmSync(folder, { recursive: true, force: true });
  }
  for (const failure of failures) console.log(failure);
  console.log(`${printed} PDFs printed with Chromium ${keep ? 'into ' + folder : ''}`);
  console.log(failures.length ? '0 passed, 1 failed' : '1 passed, 0 failed');
  return failures.length ? 1 : 0;
}

main(process.argv[2], process.argv[3]).then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
