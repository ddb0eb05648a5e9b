// Drives `urbis serve --classroom --round-seconds N` in headless Chromium, on
// the real-world classroom scenario (classroom_2025): the teacher opens the
// room and the projector view; three students join on phone-sized pages
// (searching their city by country, or given one) and play three rounds —
// the first on the clock, whose countdown expires ("time's up", choices
// locked, the round played by itself), the others played by the teacher.
// Checks what the student is told (goal, payoff, what the round gave, the
// budget of the split), the teacher's table and chart, the projector (QR
// code, map, chart, no controls), then downloads the debrief and the record
// and opens the debrief offline. Then, in the live view of a synthetic
// world, a slider change is marked and moves the chart, the world is drawn
// as a diagram (no map), and the sliders rest once the run has ended.
// Fails on any console error or failed request.
// Usage: node browser_test.cjs BASE_URL TEACHER_URL ARTEFACT_DIR   (env CHROMIUM)
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const path = require('node:path');

const [base, teacherUrl, art] = process.argv.slice(2);
const room = /[?&]room=([A-Z0-9]+)/.exec(teacherUrl)[1];
const token = /#token=([0-9a-f]+)/.exec(teacherUrl)[1];
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const shot = (name) => path.join(art, `classroom-${name}.png`);
const T = { timeout: 60000 };

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  // A page whose console errors, uncaught exceptions and failed requests are
  // collected (a 304 is not a failure; a 409 the test provokes is listed in `expected`).
  const expected = [];
  const open = async (context, who) => {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' && !expected.some((e) => m.text().includes(e))) errors.push(`${who}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${who}: ${e}`));
    page.on('requestfailed', (r) => { if (!/ERR_ABORTED/.test(r.failure()?.errorText || '')) errors.push(`${who}: ${r.url()} ${r.failure()?.errorText}`); });
    page.on('response', (r) => { if (r.status() >= 400 && !expected.some((e) => r.url().includes(e))) errors.push(`${who}: HTTP ${r.status()} ${r.request().method()} ${r.url()}`); });
    page.on('dialog', (d) => d.accept());
    return page;
  };
  const year = (page) => page.evaluate(() => Number(document.documentElement.dataset.year));
  const setRange = (page, selector, value) => page.$eval(selector, (s, v) => {
    s.value = String(v);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    s.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
  const text = async (page, selector) => ((await page.textContent(selector)) || '').replace(/\s+/g, ' ').trim();

  try {
    // The teacher opens the room, and the projector on the wall.
    const teacherContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const teacher = await open(teacherContext, 'teacher');
    await teacher.goto(teacherUrl);
    await teacher.waitForSelector('html[data-ready="true"]', T);
    check((await teacher.textContent('#room-code')).trim() === room, `teacher page shows the room code ${room}`);
    check(/\/join$/.test((await teacher.textContent('#join-address')).trim()), 'teacher page shows the address students open');
    check(!/token=/.test(teacher.url()), 'the token is taken out of the address bar');
    check(await teacher.isVisible('#clock-toggle'), 'the teacher has a clock to start (--round-seconds)');
    const start = await year(teacher);

    const wall = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const projector = await open(wall, 'projector');
    await projector.goto(`${base}/projector?room=${room}#token=${token}`);
    await projector.waitForSelector('html[data-ready="true"]', T);
    check((await projector.textContent('#room-code')).trim() === room, 'the projector shows the room code');
    check(await projector.$('.qr svg') !== null, 'the projector shows a QR code of the join address');
    check((await projector.$$('button#next-round, button#clock-toggle, button#reset, #sliders')).length === 0, 'the projector has no teacher\u2019s controls');

    // Three students join from their phones: Ada searches by country, Bob by
    // name, Cleo lets the server assign her a city.
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
    const students = [];
    const plans = [['Ada', 'Japan', [0.9, 1.0, 1.0]], ['Bob', 'Paris', [0.1, 0.0, 0.0]], ['Cleo', null, [0.5, 0.6, 0.4]]];
    for (const [name, query, plan] of plans) {
      const context = await browser.newContext(phone);
      const page = await open(context, name);
      await page.goto(`${base}/join`);
      await page.waitForSelector('html[data-ready="true"]', T);
      await page.fill('#join-code', room.toLowerCase());
      await page.waitForFunction(() => Number(document.documentElement.dataset.cities) > 0, null, T);
      await page.fill('#join-name', name);
      if (query) {
        await page.fill('#city-search', query);
        const options = await page.$$eval('#city-list button.city-option[data-city]:not([data-city=""])', (b) => b.map((x) => x.textContent));
        check(options.length > 0 && options.every((t) => t.includes(query)), `${name} searches “${query}”: ${options.slice(0, 3).join(' | ')}`);
        if (query === 'Japan') {
          const pops = await page.$$eval('#city-list button.city-option[data-city]:not([data-city=""])', (b) => b.map((x) => x.dataset.city));
          check(pops[0] === 'Tokyo', `largest first: ${pops.slice(0, 3).join(', ')}`);
        }
        await page.click('#city-list button.city-option[data-city]:not([data-city=""])');
        check(/Your city:/.test(await text(page, '#join-city-choice')), `${name} picked ${await text(page, '#join-city-choice')}`);
        if (name === 'Ada') await page.screenshot({ path: shot('join') });
      }
      await page.click('#join-submit');
      await page.waitForSelector('#choice-form', T);
      await page.waitForFunction(() => document.querySelector('#me-year').textContent !== '…', null, T);
      const city = (await page.textContent('#my-city')).trim();
      check(city.length > 0, `${name} joined and plays ${city}`);
      students.push({ name, page, context, city, plan });
    }
    const ada = students[0];
    check(ada.city === 'Tokyo', `Ada plays Tokyo (${ada.city})`);
    check(/Your goal: the highest payoff for Tokyo/.test(await text(ada.page, '#goal')), 'the student is told the goal in one sentence');
    check((await text(ada.page, '#me-rank')) === '–' && /after the first round/.test(await text(ada.page, 'main')), 'no rank before the first round');
    check(/% of its GDP/.test(await ada.page.textContent('.explain')), 'the student is told what payoff means and its unit');
    await setRange(ada.page, '#cooperation', 0.3);
    const split30 = await text(ada.page, '#split-budget');
    await setRange(ada.page, '#cooperation', 0.9);
    const split90 = await text(ada.page, '#split-budget');
    check(/With this split: \$.* for cooperation/.test(split90) && split30 !== split90, `the budget follows the split being chosen (${split90})`);
    await teacher.waitForFunction(() => document.querySelectorAll('#class-table tbody tr[data-player]').length === 3, null, T);
    check(true, 'the teacher\u2019s table lists the three students');

    // Round 1 on the clock: the students choose, the teacher starts it; it
    // expires, choices lock, the round plays by itself.
    for (const s of students) {
      await setRange(s.page, '#cooperation', s.plan[0]);
      if (s.name === 'Ada') {
        s.joined = await s.page.$$eval('#networks input[data-member="false"]:not(:disabled)', (b) => {
          if (!b.length) return null;
          b[0].checked = true;
          b[0].dispatchEvent(new Event('change', { bubbles: true }));
          return b[0].dataset.network;
        });
        check(/fees .* from a cooperation budget/.test(await text(s.page, '#fees')), `joining ${s.joined} shows its fee against the cooperation budget`);
      }
      if (s.name === 'Bob')
        s.left = await s.page.$$eval('#networks input[data-member="true"]', (b) => b.map((x) => {
          x.checked = false;
          x.dispatchEvent(new Event('change', { bubbles: true }));
          return x.dataset.network;
        }));
      await s.page.click('#send-choice');
      await s.page.waitForSelector('#choice-message.ok', T);
      check(/Sent for round/.test(await s.page.textContent('#choice-message')), `round 1: ${s.name} sent ${Math.round(s.plan[0] * 100)}% cooperation`);
    }
    await teacher.waitForFunction(() => /3 of 3/.test(document.querySelector('#chosen-count').textContent), null, T);
    await teacher.click('#clock-toggle');
    for (const p of [ada.page, projector])
      await p.waitForFunction(() => /left to choose/.test(document.querySelector('.clock').textContent), null, T);
    check(true, 'the countdown runs on the students\u2019 pages and the projector');
    await ada.page.evaluate(() => window.scrollTo(0, 0));
    await ada.page.screenshot({ path: shot('student-clock'), fullPage: false });
    await ada.page.waitForFunction(() => document.documentElement.dataset.locked === 'true', null, T);
    check(/Time’s up/.test(await text(ada.page, '#me-clock')), 'the countdown expires: time\u2019s up');
    check(await ada.page.isDisabled('#send-choice'), 'choices are locked at the deadline');
    const locked = await teacher.evaluate(async ([code, t]) => (await fetch(`/api/rooms/${code}`, { headers: { Authorization: `Bearer ${t}` } })).json(), [room, token]);
    check(locked.locked === true && locked.years_done === 0, 'the round is closed but not yet played');
    for (const s of students)
      await s.page.waitForFunction((y) => Number(document.documentElement.dataset.year) > y, start, T);
    check(await year(teacher) === start + 1 || await teacher.waitForFunction((y) => Number(document.documentElement.dataset.year) > y, start, T).then(() => true), 'round 1 played itself at the end of the countdown');
    await teacher.click('#clock-toggle'); // pause: the next rounds are the teacher's
    await teacher.waitForFunction(() => /Start the clock/.test(document.querySelector('#clock-toggle').textContent), null, T);

    // What round 1 gave, explained to the student.
    await ada.page.waitForSelector('#last-round:not([hidden])', T);
    const told = await text(ada.page, '#last-round');
    check(/Payoff .* % of GDP: growth/.test(told), `the student sees what the round gave: ${told.slice(0, 160)}`);
    check(/Competition (won|lost)/.test(told) || /computer in your place/.test(told), 'the student is told the contest and the computer\u2019s result');
    check(/^\d+$/.test(await text(ada.page, '#me-rank')), 'a rank after the first round');
    await ada.page.evaluate(() => window.scrollTo(0, 0));
    await ada.page.screenshot({ path: shot('student-round'), fullPage: false });
    const bobTold = await text(students[1].page, '#last-round');
    check(!students[1].left?.length || /Left /.test(bobTold), `Bob is told the networks he left (${students[1].left?.join(', ')})`);

    // Rounds 2 and 3, played by the teacher.
    for (let round = 1; round < 3; ++round) {
      for (const s of students) {
        await setRange(s.page, '#cooperation', s.plan[round]);
        await s.page.click('#send-choice');
        await s.page.waitForFunction(() => /Sent for round/.test(document.querySelector('#choice-message').textContent), null, T);
      }
      await teacher.waitForFunction(() => /3 of 3/.test(document.querySelector('#chosen-count').textContent), null, T);
      if (round === 2) {
        await teacher.evaluate(() => window.scrollTo(0, 0));
        await teacher.screenshot({ path: shot('teacher'), fullPage: false });
      }
      const before = await year(teacher);
      await teacher.click('#next-round');
      for (const p of [teacher, projector, ...students.map((s) => s.page)])
        await p.waitForFunction((y) => Number(document.documentElement.dataset.year) > y, before, T);
      check(true, `round ${round + 1}: ${before} -> ${await year(teacher)} on every page`);
      if (round === 1) {
        await ada.page.reload();
        await ada.page.waitForSelector('#choice-form', T);
        await ada.page.waitForFunction(() => document.querySelector('#me-year').textContent !== '…', null, T);
        check((await ada.page.textContent('#my-city')).trim() === ada.city, `after a reload Ada still plays ${ada.city}`);
      }
    }
    check(await year(teacher) === start + 3, `three rounds played (${start} -> ${await year(teacher)})`);

    // The teacher's table, map and chart.
    await teacher.waitForFunction(() => {
      const rows = [...document.querySelectorAll('#class-table tbody tr[data-player]')].map((r) => r.textContent);
      return rows.some((t) => /Ada/.test(t) && /100%/.test(t)) && rows.some((t) => /Bob/.test(t) && /\b0%/.test(t));
    }, null, T).then(() => check(true, 'the table shows Ada at 100% and Bob at 0% cooperation'),
      () => check(false, 'the table shows Ada at 100% and Bob at 0% cooperation'));
    await teacher.waitForFunction(() => document.querySelector('#map .chart')?.dataset.marked === '3', null, T)
      .then(() => check(true, 'the map rings the students\u2019 cities'), () => check(false, 'the map rings the students\u2019 cities'));
    const axis = await teacher.$$eval('#chart-cooperation svg text', (t) => t.map((x) => x.textContent));
    check(axis.includes(String(start)) && !axis.includes('2034') && !axis.includes('2030'), `the chart\u2019s x axis spans the rounds played (${axis.filter((t) => /^20\d\d$/.test(t)).join(' ')})`);
    await projector.waitForFunction(() => document.querySelector('#map .chart')?.dataset.marked === '3', null, T)
      .then(() => check(true, 'the projector\u2019s map names the three students'), () => check(false, 'the projector\u2019s map names the three students'));
    check(await projector.$('#chart-cooperation svg') !== null, 'the projector shows the class\u2019s chart');
    await projector.screenshot({ path: shot('projector'), fullPage: false });
    for (const s of students) check(/of [\d,]+ cities/.test(await s.page.textContent('main')), `${s.name} sees the city's rank`);
    await ada.page.screenshot({ path: shot('student'), fullPage: true });
    await students[1].page.screenshot({ path: shot('student-competitive'), fullPage: true });

    // The end-of-class summary, against the computer.
    await teacher.click('#show-summary');
    await teacher.waitForFunction(() => document.querySelectorAll('#summary-table tbody tr').length === 3, null, T);
    const summary = await teacher.$$eval('#summary-table tbody tr', (r) => r.map((x) => [...x.children].map((c) => c.textContent)));
    for (const s of students) {
      const row = summary.find((r) => r[0] === s.name);
      check(!!row && row[1] === s.city && row[2] === '3', `summary: ${s.name} (${s.city}), 3 rounds`);
    }
    await (await teacher.$('#summary')).screenshot({ path: shot('summary') });

    // The debrief and the record, downloaded.
    const save = async (button, file) => {
      const [download] = await Promise.all([teacher.waitForEvent('download', T), teacher.click(button)]);
      const to = path.join(art, file);
      await download.saveAs(to);
      return to;
    };
    const debrief = await save('#download-debrief', 'debrief.html');
    const record = await save('#download-record', 'class.json');
    const rec = JSON.parse(fs.readFileSync(record, 'utf8'));
    check(rec.rounds.length === 3 && rec.players.length === 3, `the record holds 3 rounds of 3 players (${fs.statSync(debrief).size} bytes of debrief)`);

    // Opened offline, from the file system.
    const offline = await browser.newContext({ viewport: { width: 1300, height: 900 }, offline: true });
    const page = await open(offline, 'debrief');
    await page.goto(`file://${path.resolve(debrief)}`);
    await page.waitForSelector('html[data-ready="true"]', T);
    const classRows = await page.$$eval('#class-summary tbody tr', (r) => r.map((x) => x.textContent));
    check(classRows.length === 3 && students.every((s) => classRows.some((t) => t.includes(s.name) && t.includes(s.city))), 'the debrief lists every student and city');
    check((await page.$$('#class details.rounds')).length === 3, 'the debrief has each student\u2019s rounds beside the computer\u2019s');
    check(/computer/.test(await page.textContent('#class')), 'the debrief compares with the computer');
    await (await page.$('#class')).screenshot({ path: shot('debrief') });
    await offline.close();

    for (const s of students) await s.context.close();
    await wall.close();

    // The live view: a new room on a synthetic world from the picker.
    await teacher.goto(`${base}/live?room=${room}`);
    await teacher.waitForSelector('html[data-ready="true"]', T);
    await teacher.waitForFunction(() => document.querySelectorAll('#scenario-pick option').length > 1, null, T);
    await teacher.selectOption('#scenario-pick', 'cooperation_vs_competition');
    await Promise.all([teacher.waitForURL((u) => !u.search.includes(`room=${room}`), T), teacher.click('#open-scenario')]);
    const live = /room=([A-Z0-9]+)/.exec(teacher.url())[1];
    await teacher.waitForSelector('html[data-ready="true"]', T);
    await teacher.waitForSelector('#slider-economy-club-benefit', T);
    check(live !== room, `the scenario picker opened a new room ${live}`);
    check(!(await teacher.isDisabled('#play')), 'play is enabled in a live (not classroom) room');
    check(/synthetic world: no real map/.test(await text(teacher, '#map h2')), 'a synthetic world is drawn as a diagram, not on the world map');

    const stepTo = async (n) => {
      for (let i = 0; i < n; ++i) {
        const y = await year(teacher);
        await teacher.click('#step');
        await teacher.waitForFunction((y0) => Number(document.documentElement.dataset.year) > y0, y, T);
      }
      await teacher.waitForFunction(() => {
        const v = document.documentElement.dataset;
        return v.done != null && v.dataYears === v.done;
      }, null, T);
    };
    const series = () => teacher.evaluate(async (code) => {
      const d = await (await fetch(`/api/rooms/${code}/data`, { cache: 'no-store' })).json();
      return { years: d.years, coop: d.global.cooperation_index };
    }, live);
    const chartPath = () => teacher.$eval('#chart-cooperation svg', (s) => [...s.querySelectorAll('path')].map((p) => p.getAttribute('d')).join('|'));
    const waitChart = (n) => teacher.waitForFunction((k) => Number(document.querySelector('#chart-cooperation')?.dataset.points) === k, n, T);

    const y0 = await year(teacher);
    await stepTo(8);
    const baseline = await series();
    await waitChart(baseline.years.length);
    const baselinePath = await chartPath();
    await teacher.click('#reset');
    await teacher.waitForFunction((y) => Number(document.documentElement.dataset.year) === y, y0, T);
    await stepTo(3);
    const changedAt = await year(teacher);
    await setRange(teacher, '#slider-economy-club-benefit', 0);
    await teacher.waitForSelector('#changes li', T);
    check(/club benefit/.test(await teacher.textContent('#changes')), 'the change is listed');
    await stepTo(5);
    const changed = await series();
    await waitChart(changed.years.length);
    const cut = changed.years.indexOf(changedAt);
    check(cut > 0 && baseline.coop.slice(0, cut).every((v, i) => v === changed.coop[i]), `cooperation index identical before ${changedAt}`);
    check(changed.coop.slice(cut).some((v, i) => v !== baseline.coop[cut + i]), 'club benefit 0 moves the cooperation index');
    check((await chartPath()) !== baselinePath, 'the cooperation chart is redrawn with the new series');
    const marks = await teacher.$$eval('figure.card', (cards) => cards.map((c) => [...c.querySelectorAll('svg text')].some((t) => /Δ1/.test(t.textContent))));
    check(marks.length >= 6 && marks.every(Boolean), `the change is marked (Δ1) on every chart (${marks.filter(Boolean).length}/${marks.length})`);
    await teacher.evaluate(() => window.scrollTo(0, 0));
    await teacher.screenshot({ path: shot('live'), fullPage: false });
    await teacher.addStyleTag({ content: '.controls-panel { position: static !important; }' });
    await (await teacher.$('#global')).screenshot({ path: shot('live-charts') });
    await (await teacher.$('#map')).screenshot({ path: shot('synthetic-map') });

    // Play to the end, fast: the sliders rest once the run has ended.
    await teacher.selectOption('#speed', '20');
    await teacher.click('#play');
    await teacher.waitForFunction(() => /finished/.test(document.body.textContent) && document.querySelector('#play').getAttribute('aria-pressed') === 'false', null, { timeout: 120000 });
    await teacher.waitForFunction(() => document.querySelector('#slider-economy-club-benefit').disabled, null, T)
      .then(() => check(true, 'the sliders are disabled once the run has ended'), () => check(false, 'the sliders are disabled once the run has ended'));
    check(await teacher.isDisabled('#step'), 'step is disabled once the run has ended');

    await teacherContext.close();
    check(errors.length === 0, `no console errors or failed requests${errors.length ? ':\n  ' + errors.join('\n  ') : ''}`);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log(`screenshots: ${path.join(art, 'classroom-*.png')}`);
})().catch((e) => { console.error(e); process.exit(1); });
