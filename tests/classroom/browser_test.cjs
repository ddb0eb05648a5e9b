// Drives `urbis serve --classroom` in headless Chromium: the teacher opens the
// room, two students join from their own browsers and play three rounds (one
// cooperative, one competitive), the teacher advances the rounds and reads the
// class table, the map and the end-of-class summary; then, in the live view of
// a new room, a slider change (club benefit) is recorded, marked on the charts
// and moves the cooperation index. Fails on any console error or failed request.
// Usage: node browser_test.cjs BASE_URL TEACHER_URL ARTEFACT_DIR   (env CHROMIUM)
const { chromium } = require('playwright-core');
const path = require('node:path');

const [base, teacherUrl, art] = process.argv.slice(2);
const room = /[?&]room=([A-Z0-9]+)/.exec(teacherUrl)[1];
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const shot = (name) => path.join(art, `classroom-${name}.png`);
const T = { timeout: 30000 };

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  // A page whose console errors, uncaught exceptions and failed requests are
  // collected (a 304 is not a failure).
  const open = async (context, who) => {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${who}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${who}: ${e}`));
    page.on('requestfailed', (r) => { if (!/ERR_ABORTED/.test(r.failure()?.errorText || '')) errors.push(`${who}: ${r.url()} ${r.failure()?.errorText}`); });
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${who}: HTTP ${r.status()} ${r.request().method()} ${r.url()}`); });
    page.on('dialog', (d) => d.accept());
    return page;
  };
  const year = (page) => page.evaluate(() => Number(document.documentElement.dataset.year));
  const setRange = (page, selector, value) => page.$eval(selector, (s, v) => {
    s.value = String(v);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    s.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);

  try {
    // The teacher opens the room.
    const teacherContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const teacher = await open(teacherContext, 'teacher');
    await teacher.goto(teacherUrl);
    await teacher.waitForSelector('html[data-ready="true"]', T);
    check((await teacher.textContent('#room-code')).trim() === room, `teacher page shows the room code ${room}`);
    check(/\/join$/.test((await teacher.textContent('#join-address')).trim()), 'teacher page shows the address students open');
    check(!/token=/.test(teacher.url()), 'the token is taken out of the address bar');
    const start = await year(teacher);

    // Two students join from their own browsers (phones): Ada picks a city,
    // Bob lets the server assign one.
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
    const students = [];
    for (const [name, pick, plan] of [['Ada', true, [0.8, 0.9, 1.0]], ['Bob', false, [0.2, 0.1, 0.0]]]) {
      const context = await browser.newContext(phone);
      const page = await open(context, name);
      await page.goto(`${base}/join`);
      await page.waitForSelector('html[data-ready="true"]', T);
      await page.fill('#join-code', room.toLowerCase());
      await page.waitForFunction(() => document.querySelectorAll('#join-city option').length > 1, null, T);
      await page.fill('#join-name', name);
      if (pick) {
        const city = await page.$eval('#join-city', (s) => s.options[3].value);
        await page.selectOption('#join-city', city);
      }
      if (pick) await page.screenshot({ path: shot('join') });
      await page.click('#join-submit');
      await page.waitForSelector('#choice-form', T);
      await page.waitForFunction(() => document.querySelector('#me-year').textContent !== '…', null, T);
      const city = (await page.textContent('#my-city')).trim();
      check(city.length > 0, `${name} joined and plays ${city}`);
      students.push({ name, page, context, city, plan });
    }
    await teacher.waitForFunction(() => document.querySelectorAll('#class-table tbody tr[data-player]').length === 2, null, T);
    check(true, 'the teacher\u2019s table lists both students');

    // Three rounds: Ada cooperates (80%, 90%, 100%) and joins a network,
    // Bob competes (20%, 10%, 0%) and leaves his networks.
    for (let round = 0; round < 3; ++round) {
      for (const s of students) {
        const v = s.plan[round];
        await setRange(s.page, '#cooperation', v);
        if (round === 0) {
          if (s.name === 'Ada') {
            const joined = await s.page.$$eval('#networks input[data-member="false"]:not(:disabled)', (b) => {
              if (!b.length) return null;
              b[0].checked = true;
              b[0].dispatchEvent(new Event('change', { bubbles: true }));
              return b[0].dataset.network;
            });
            s.joined = joined;
          } else {
            s.left = await s.page.$$eval('#networks input[data-member="true"]', (b) => b.map((x) => {
              x.checked = false;
              x.dispatchEvent(new Event('change', { bubbles: true }));
              return x.dataset.network;
            }));
          }
        }
        await s.page.click('#send-choice');
        await s.page.waitForSelector('#choice-message.ok', T);
        check(/Sent for round/.test(await s.page.textContent('#choice-message')), `round ${round + 1}: ${s.name} sent ${Math.round(v * 100)}% cooperation`);
      }
      // The teacher sees both choices, then starts the round.
      await teacher.waitForFunction(() => [...document.querySelectorAll('#class-table tbody tr[data-player]')]
        .filter((r) => /chosen/.test(r.textContent)).length === 2, null, T);
      check(true, `round ${round + 1}: the teacher sees both choices in`);
      if (round === 2) {
        await teacher.evaluate(() => window.scrollTo(0, 0));
        await teacher.screenshot({ path: shot('teacher'), fullPage: false });
      }
      const before = await year(teacher);
      await teacher.click('#next-round');
      await teacher.waitForFunction((y) => Number(document.documentElement.dataset.year) > y, before, T);
      for (const s of students)
        await s.page.waitForFunction((y) => Number(document.documentElement.dataset.year) > y, before, T);
      check(true, `round ${round + 1}: year ${before} -> ${await year(teacher)} on every page`);
      if (round === 0) {
        // A reload keeps the city.
        const ada = students[0];
        await ada.page.reload();
        await ada.page.waitForSelector('#choice-form', T);
        await ada.page.waitForFunction(() => document.querySelector('#me-year').textContent !== '…', null, T);
        check((await ada.page.textContent('#my-city')).trim() === ada.city, `after a reload Ada still plays ${ada.city}`);
      }
    }
    check(await year(teacher) === start + 3, `three rounds played (${start} -> ${await year(teacher)})`);

    // The teacher's table shows both students with their last choices.
    await teacher.waitForFunction(() => {
      const rows = [...document.querySelectorAll('#class-table tbody tr[data-player]')].map((r) => r.textContent);
      return rows.some((t) => /Ada/.test(t) && /100%/.test(t)) && rows.some((t) => /Bob/.test(t) && /\b0%/.test(t));
    }, null, T).then(() => check(true, 'the table shows Ada at 100% and Bob at 0% cooperation'),
      () => check(false, 'the table shows Ada at 100% and Bob at 0% cooperation'));
    const rows = await teacher.$$eval('#class-table tbody tr[data-player]', (r) => r.map((x) => x.textContent));
    for (const s of students) check(rows.some((t) => t.includes(s.name) && t.includes(s.city)), `the table shows ${s.name} with ${s.city}`);
    await teacher.waitForFunction(() => document.querySelector('#map .chart')?.dataset.marked === '2', null, T)
      .then(() => check(true, 'the map rings both students\u2019 cities'), () => check(false, 'the map rings both students\u2019 cities'));
    const marked = await teacher.$$eval('#map svg text', (t) => t.map((x) => x.textContent).join(' '));
    check(students.every((s) => marked.includes(s.name)), 'the map labels the students\u2019 cities with their names');

    // The students' pages after three rounds: history of three rounds.
    for (const s of students) {
      const text = await s.page.textContent('main');
      check(/of [\d,]+ cities/.test(text), `${s.name} sees the city's rank`);
      check(/\$/.test(await s.page.textContent('#me-budget')), `${s.name} sees the city's budget`);
    }
    await students[0].page.screenshot({ path: shot('student'), fullPage: true });
    await students[1].page.screenshot({ path: shot('student-competitive'), fullPage: true });

    await teacher.screenshot({ path: shot('teacher-full'), fullPage: true });

    // The end-of-class summary, against the computer.
    await teacher.click('#show-summary');
    await teacher.waitForFunction(() => document.querySelectorAll('#summary-table tbody tr').length === 2, null, T);
    const summary = await teacher.$$eval('#summary-table tbody tr', (r) => r.map((x) => [...x.children].map((c) => c.textContent)));
    for (const s of students) {
      const row = summary.find((r) => r[0] === s.name);
      check(!!row && row[1] === s.city && row[2] === '3', `summary: ${s.name} (${s.city}), 3 rounds${row ? '' : ' — missing'}`);
    }
    const share = (r) => Number(/(\d+)%/.exec(r[3])[1]);
    const ada = summary.find((r) => r[0] === 'Ada'), bob = summary.find((r) => r[0] === 'Bob');
    check(ada && bob && share(ada) > share(bob), `summary: Ada cooperated more than Bob (${ada?.[3]} vs ${bob?.[3]})`);
    check(/computer/.test(await teacher.textContent('#summary')), 'summary compares with the computer');
    await (await teacher.$('#summary')).screenshot({ path: shot('summary') });

    // The live view: a new room from the scenario picker.
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

    const stepTo = async (n) => {
      for (let i = 0; i < n; ++i) {
        const y = await year(teacher);
        await teacher.click('#step');
        await teacher.waitForFunction((y0) => Number(document.documentElement.dataset.year) > y0, y, T);
      }
      // The charts have the data of every year done.
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
    const waitChart = (n) => teacher.waitForFunction((k) => {
      const fig = document.querySelector('#chart-cooperation');
      return fig && Number(fig.dataset.points) === k;
    }, n, T);

    // Baseline: eight years as the scenario says.
    const y0 = await year(teacher);
    await stepTo(8);
    const baseline = await series();
    await waitChart(baseline.years.length);
    const baselinePath = await chartPath();
    // Again from the start: three years, club benefit to 0, five more years.
    await teacher.click('#reset');
    await teacher.waitForFunction((y) => Number(document.documentElement.dataset.year) === y, y0, T);
    await stepTo(3);
    const changedAt = await year(teacher); // the year the next step simulates: the first with the change
    await setRange(teacher, '#slider-economy-club-benefit', 0);
    await teacher.waitForSelector('#changes li', T);
    const key = await teacher.textContent('#changes');
    check(/club benefit/.test(key), `the change is listed: ${key.replace(/\s+/g, ' ').slice(0, 140)}`);
    await stepTo(5);
    const changed = await series();
    await waitChart(changed.years.length);
    const changedPath = await chartPath();
    check(changed.years.length === baseline.years.length, `same years in both runs (${changed.years.length})`);
    const cut = changed.years.indexOf(changedAt);
    check(cut > 0, `the change takes effect in ${changedAt}, a year of the run`);
    const same = baseline.coop.slice(0, cut).every((v, i) => v === changed.coop[i]);
    const moved = changed.coop.slice(cut).some((v, i) => v !== baseline.coop[cut + i]);
    check(same, `cooperation index identical before ${changedAt}, when the change takes effect`);
    check(moved, `club benefit 0 from ${changedAt} moves the cooperation index (${changed.years.at(-1)}: ${baseline.coop.at(-1)} -> ${changed.coop.at(-1)})`);
    check(changedPath !== baselinePath, 'the cooperation chart is redrawn with the new series');
    const marks = await teacher.$$eval('figure.card', (cards) => cards.map((c) =>
      [...c.querySelectorAll('svg text')].some((t) => /Δ1/.test(t.textContent))));
    check(marks.length >= 6 && marks.every(Boolean), `the change is marked (Δ1) on every chart (${marks.filter(Boolean).length}/${marks.length})`);

    // Play and pause.
    const beforePlay = await year(teacher);
    await teacher.click('#play');
    await teacher.waitForFunction((y) => Number(document.documentElement.dataset.year) >= y + 2, beforePlay, T);
    await teacher.click('#play');
    await teacher.waitForFunction(() => document.querySelector('#play').getAttribute('aria-pressed') === 'false', null, T);
    check(true, `play advanced the run (${beforePlay} -> ${await year(teacher)}) and pause stopped it`);
    const paused = await year(teacher);
    await teacher.waitForTimeout(1500);
    check(await year(teacher) === paused, 'the run stays paused');

    await teacher.evaluate(() => window.scrollTo(0, 0));
    await teacher.screenshot({ path: shot('live'), fullPage: false });
    // The control bar sticks to the top of the window: not over the charts' picture.
    await teacher.addStyleTag({ content: '.controls-panel { position: static !important; }' });
    await (await teacher.$('#global')).screenshot({ path: shot('live-charts') });

    for (const s of students) await s.context.close();
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
