// Opens a comparison's report (urbis compare, then urbis report) from the
// file system in headless Chromium with the network off, and checks what a
// reader sees: both scenarios named, the summary table with the protagonist's
// effect and its interval, the two charts (both sides with bands, the
// difference with its interval), the events marked, a row click that
// redraws, and no console error.
// Usage: node browser_test.cjs REPORT.html SCREENSHOT.png STATE METRIC EVENT_YEAR   (env CHROMIUM)
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const [report, screenshot, state, metric, eventYear] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'urbis-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
    offline: true,
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(path.resolve(report)).href);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('.chart svg').length >= 2, null, { timeout: 30000 });

    const h1 = await page.textContent('h1');
    check(/ vs /.test(h1), `header names both sides ("${h1.trim()}")`);
    const rows = await page.$$eval('table.effects tbody tr', (trs) => trs.map((t) => [...t.children].map((c) => c.textContent)));
    const row = rows.find((r) => r[0] === metric && r[1] === state);
    check(!!row, `summary table has ${metric} of ${state}`);
    if (row) check(/to/.test(row[5]) && /\d+ \/ \d+/.test(row[6]), `its interval (${row[5]}) and seeds of the same sign (${row[6]})`);
    const finding = await page.textContent('p.finding');
    check(finding.includes(metric) && finding.includes(state) && /95% interval/.test(finding), 'the finding sentence names the effect and its interval');

    const sides = await page.$eval('#chart-sides', (c) => [...c.querySelectorAll('svg text')].map((t) => t.textContent).join(' '));
    check(/range over seeds/.test(sides) && /\(mean\)/.test(sides), 'both sides drawn with their range over seeds');
    const diff = await page.$eval('#chart-difference', (c) => [...c.querySelectorAll('svg text')].map((t) => t.textContent).join(' '));
    check(/95% interval/.test(diff) && /mean difference/.test(diff), 'the difference drawn with its 95% interval');
    const polygons = await page.$$eval('#chart-difference svg path', (ps) => ps.length);
    check(polygons > 10, `the interval band is drawn (${polygons} shapes)`);
    for (const id of ['#chart-sides', '#chart-difference']) {
      const marked = await page.$eval(id, (c, y) => [...c.querySelectorAll('svg text')].some((t) => t.textContent.includes(y)), eventYear);
      check(marked, `${id}: the ${eventYear} event is marked`);
    }
    const key = await page.$$eval('.events li', (li) => li.map((l) => l.textContent));
    check(key.some((k) => k.includes(eventYear)), 'the event key lists the scenario event');

    // Another row redraws the charts.
    const before = await page.$eval('#chart-sides', (c) => c.dataset.series);
    const other = await page.$$('table.effects tbody tr');
    if (other.length > 1) {
      await other[other.length - 1].click();
      const after = await page.$eval('#chart-sides', (c) => c.dataset.series);
      check(after && after !== before, `a click on another row draws it (${after})`);
    }
    await page.screenshot({ path: screenshot, fullPage: false });
    check(errors.length === 0, `no console errors${errors.length ? ': ' + errors.join(' | ') : ''}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) {
    console.log(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log('comparison report: all checks passed');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
