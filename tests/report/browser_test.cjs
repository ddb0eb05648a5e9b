// Opens a report from the file system in headless Chromium with the network
// off and checks what a reader sees. Fails on any console error.
// Usage: node browser_test.cjs REPORT.html SCREENSHOT.png   (env CHROMIUM)
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const [report, screenshot] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'urbis-chromium-'));
  // A fresh profile each time; the network is off (offline) for the page.
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
    const requests = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });

    await page.goto(pathToFileURL(path.resolve(report)).href);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('.chart svg').length >= 8, null, { timeout: 30000 });

    const titles = await page.$$eval('figure.card h3', (hs) => hs.map((h) => h.textContent));
    for (const t of ['Cooperation index', 'Cities in networks', 'Active city networks', 'Network actions',
      'City–state tension and city autonomy', 'Inequality between cities', 'Climate commitment of the state',
      'Members of networks'])
      check(titles.includes(t), `chart titled "${t}"`);
    const h1 = await page.textContent('h1');
    check(/paris_withdrawal/.test(h1), 'header names the scenario');

    // The 2017 event: in the key and as a marked line on every chart.
    const key = await page.$$eval('.events li', (li) => li.map((l) => l.textContent));
    check(key.some((k) => /2017/.test(k) && /withdrawal/.test(k)), 'event key lists the 2017 withdrawal announcement');
    const marked = await page.$$eval('figure.card', (cards) => cards.map((c) =>
      [...c.querySelectorAll('svg text')].some((t) => /\b2017\b/.test(t.textContent))));
    check(marked.length >= 8 && marked.every(Boolean), `2017 event marker on every chart (${marked.filter(Boolean).length}/${marked.length})`);

    // The calibration targets are drawn on the network chart.
    const legend = await page.$eval('#global', (s) => s.textContent + [...s.querySelectorAll('svg text')].map((t) => t.textContent).join(' '));
    check(/calibration target/.test(legend), 'calibration targets on the network chart');

    // The map: country outlines and one dot per city.
    const map = '#map .chart';
    const cities = Number(await page.getAttribute(map, 'data-cities'));
    const dots = await page.$$eval(`${map} svg path`, (p) => p.length);
    check(cities > 1500, `map shows ${cities} cities`);
    check(dots > cities + 100, `map draws countries and cities (${dots} shapes)`);
    const before = await page.$eval(`${map} svg`, (s) => s.innerHTML);
    const yearBefore = await page.getAttribute(map, 'data-year');
    await page.$eval('#year-slider', (s) => { s.value = '0'; s.dispatchEvent(new Event('input', { bubbles: true })); });
    await page.waitForFunction((y) => document.querySelector('#map .chart').dataset.year !== y, yearBefore);
    const after = await page.$eval(`${map} svg`, (s) => s.innerHTML);
    const yearAfter = await page.getAttribute(map, 'data-year');
    check(yearAfter !== yearBefore && before !== after, `moving the year slider (${yearBefore} -> ${yearAfter}) redraws the map`);
    await page.$eval('#year-slider', (s) => { s.value = s.max; s.dispatchEvent(new Event('input', { bubbles: true })); });

    // No text of a chart over another: axis titles clear of tick labels.
    const overlaps = await page.evaluate(() => {
      const out = [];
      for (const svg of document.querySelectorAll('.chart svg')) {
        const boxes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
          .map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() })).filter((b) => b.r.width > 0);
        for (let i = 0; i < boxes.length; ++i)
          for (let j = i + 1; j < boxes.length; ++j) {
            const a = boxes[i].r, b = boxes[j].r;
            if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
              out.push(`${svg.closest('figure')?.querySelector('h3')?.textContent}: "${boxes[i].t}" over "${boxes[j].t}"`);
          }
      }
      return out;
    });
    check(!overlaps.length, `no text over another in any chart${overlaps.length ? ': ' + overlaps.slice(0, 5).join('; ') : ''}`);
    // Axis titles from the data dictionary: tension has no upper bound.
    const axisTitles = await page.$$eval('#global svg text', (t) => t.map((x) => x.textContent));
    check(axisTitles.includes('index (≥ 0)') && !axisTitles.some((x) => /tension.*0–1/.test(x)), 'tension\'s axis says ≥ 0, not 0–1');
    const chips = await page.$$eval('#states .chip', (c) => c.map((x) => x.textContent));
    check(chips.some((c) => /^USA · United States of America/.test(c)), `states named beside their codes (${chips.join(', ')})`);
    const networks = await page.$$eval('#networks .chip', (c) => c.map((x) => x.textContent));
    check(networks.some((c) => /^C40 /.test(c)), `named networks first on the network chart (${networks.join(', ')})`);

    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
    check(errors.length === 0, `no console errors${errors.length ? ': ' + errors.join(' | ') : ''}`);
    check(requests.length === 0, `no network requests${requests.length ? ': ' + requests.join(' ') : ''}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`${failures.length} check(s) failed`);
    process.exit(1);
  }
})().catch((e) => { console.error(e); process.exit(1); });
