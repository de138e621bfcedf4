// Runs axe-core (its default rules: WCAG 2 A and AA, and best practices) on each HTML
// file in headless Chromium, driven by puppeteer-core; prints every violation and exits 1
// if there is any. Usage: node axe_sheets.js FILE.html...
// Needs the npm packages axe-core and puppeteer-core (NODE_PATH pointing at them) and
// Chromium (CHROMIUM, or /usr/bin/chromium).
'use strict';
const path = require('path');
const puppeteer = require('puppeteer-core');
const axeSource = require('axe-core').source;

async function main(files) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let violations = 0;
  try {
    for (const file of files) {
      const page = await browser.newPage();
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      // eslint-disable-next-line no-undef
      const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
      for (const violation of result.violations) {
        violations += 1;
        const where = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ');
        console.log(`${file}: ${violation.id} (${violation.impact}): ${violation.help}; ` +
                    `${violation.nodes.length} element(s): ${where}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`axe-core ${require('axe-core').version}: ${files.length} pages, ` +
              `${violations} violation(s)`);
  return violations === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
