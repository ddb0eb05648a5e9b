// Opens reports from the file system in headless Chromium (network off) and
// checks that no view goes blank or misleads:
//   cities-<variables>.html  a synthetic run writing those city variables
//                            ("none": no cities.csv; "tension": none the map
//                            draws): every chart is drawn or
//                            says what is missing, the map says what it lacks;
//   sweep.html               names design points by their values, log axes;
//   any page                 no console error, no axis title over a tick label.
// Usage: node views_test.cjs PAGE.html...   (env CHROMIUM)
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const pages = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  if (!ok) console.log(`FAIL ${what}`);
  if (!ok) failures.push(what);
};

// Text of every chart that overlaps another text of the same chart: an axis
// title over a tick label, a label over a legend.
const overlapsInCharts = () => {
  const out = [];
  for (const svg of document.querySelectorAll('.chart svg')) {
    const boxes = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && t.getAttribute('opacity') !== '0')
      .map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0 && b.r.height > 0);
    for (let i = 0; i < boxes.length; ++i)
      for (let j = i + 1; j < boxes.length; ++j) {
        const a = boxes[i].r, b = boxes[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) {
          const title = svg.closest('figure')?.querySelector('h3')?.textContent || svg.closest('section')?.id;
          out.push(`${title}: "${boxes[i].t}" over "${boxes[j].t}"`);
        }
      }
  }
  return out;
};

async function checkRun(page, name, vars, map) {
  const has = (v) => vars.includes(v);
  const text = await page.innerText('body');
  check(!/could not be shown/.test(text), `${name}: the page is shown`);
  const h1 = await page.textContent('h1');
  check(/tiny/.test(h1), `${name}: header names the scenario`);
  check(/synthetic world/.test(text), `${name}: header says the world is synthetic`);
  const charts = await page.$$eval('#global .chart svg', (s) => s.length);
  check(charts >= 6, `${name}: ${charts} charts of the world drawn`);
  // A synthetic world is charted against no real-world calibration target.
  const legend = await page.$$eval('#global svg text', (t) => t.map((x) => x.textContent));
  check(!legend.includes('calibration target'), `${name}: no calibration targets on a synthetic world`);
  check(/a synthetic world: no real-world calibration targets/.test(text), `${name}: the network chart says why it has no targets`);
  const chips = await page.$$eval('#states .chip', (c) => c.map((x) => x.textContent));
  check(chips.some((c) => /S001 · State 1/.test(c)), `${name}: states with their names (${chips.join(', ')})`);
  const networks = await page.$$eval('#networks .chart svg', (s) => s.length);
  check(networks === 1, `${name}: the network chart`);
  if (!map) {
    check(/no city outputs/.test(await page.textContent('#map')), `${name}: the map says there are no city outputs`);
    return;
  }
  const cities = Number(await page.getAttribute('#map .chart', 'data-cities'));
  check(cities === 60, `${name}: the map draws the 60 cities (${cities})`);
  const caption = await page.textContent('#map .note');
  check(has('gdp') ? /∝ GDP/.test(caption) : has('population') ? /∝ population \(no GDP/.test(caption) : /all one size/.test(caption),
    `${name}: the map says how dots are sized: ${caption}`);
  check(has('cooperation') ? /colour = cooperation/.test(caption) : /one colour \(no cooperation/.test(caption),
    `${name}: the map says how dots are coloured`);
  const problems = await page.$$eval('.problems li', (li) => li.map((l) => l.textContent).join(' | '));
  for (const v of ['gdp', 'cooperation', 'memberships'])
    check(has(v) !== new RegExp(`no ${v} column`).test(problems), `${name}: the header ${has(v) ? 'does not say' : 'says'} ${v} is missing`);
}

async function checkVariant(page, name) {
  const variant = await page.$eval('header.top', (h) => h.textContent);
  check(/Changed on the command line \(--set\): economy\.club_benefit = 0\.02/.test(variant), `${name}: the header shows the --set override`);
  check(/urbis.* run .*--set economy\.club_benefit=0\.02/.test(variant), `${name}: the header shows the command line`);
  check(/seed 5\b/.test(variant), `${name}: the header shows the seed`);
}

async function checkSweep(page) {
  const options = await page.$$eval('#fans select option', (o) => o.map((x) => x.textContent));
  check(options.length === 3 && options.every((o) => /^economy\.club_benefit = [\d.]+ \(2 replicates\)$/.test(o)),
    `sweep: design points named by their values (${options.join('; ')})`);
  const scale = await page.$$eval('#scatter figure', (f) => f.map((x) => [x.querySelector('h3').textContent, x.dataset.xScale]));
  check(scale.length === 1 && scale[0][1] === 'log', `sweep: the log-scaled parameter on a log axis (${JSON.stringify(scale)})`);
  const ticks = await page.$eval('#scatter svg', (s) => [...s.querySelectorAll('text')].map((t) => t.textContent));
  check(ticks.includes('0.001') && ticks.includes('0.01') && ticks.includes('0.1'), `sweep: decades on the log axis (${ticks.join(' ')})`);
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'urbis-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
    offline: true,
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    let errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const file of pages) {
      const name = path.basename(file, '.html');
      errors = [];
      await page.goto(pathToFileURL(path.resolve(file)).href);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 }).catch(() => {});
      check(await page.getAttribute('html', 'data-ready') === 'true', `${name}: the views are mounted`);
      if (name === 'sweep') await checkSweep(page);
      else {
        const drawn = ['population', 'gdp', 'cooperation', 'memberships'];
        const vars = name === 'variant' ? drawn : name.replace(/^cities-/, '').split('+').filter((v) => drawn.includes(v));
        await checkRun(page, name, vars, name !== 'cities-none');
        if (name === 'variant') await checkVariant(page, name);
      }
      const overlaps = await page.evaluate(overlapsInCharts);
      check(!overlaps.length, `${name}: no text over another in any chart${overlaps.length ? ': ' + overlaps.slice(0, 5).join('; ') : ''}`);
      check(!errors.length, `${name}: no console errors${errors.length ? ': ' + errors.join(' | ') : ''}`);
      console.log(`checked ${name}`);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log(`all checks passed on ${pages.length} pages`);
})().catch((e) => { console.error(e); process.exit(1); });
