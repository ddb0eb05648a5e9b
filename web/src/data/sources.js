// Where the views get their data. A data source is an object with
//   load(): Promise<ReportData>          the whole report data (see docs/REPORT.md)
//   subscribe?(callback): unsubscribe    optional: called with new data as a
//                                        live run advances (the classroom server)
// The HTML report uses embeddedSource(); a server page can pass httpSource().

// The JSON that `urbis report` embeds in the page.
export function embeddedSource(doc = document, id = 'urbis-data') {
  return {
    load() {
      const el = doc.getElementById(id);
      if (!el) return Promise.reject(new Error(`no <script id="${id}"> with report data in this page`));
      return Promise.resolve(JSON.parse(el.textContent));
    },
  };
}

// The same data served over HTTP (GET url -> JSON); `poll` seconds > 0 makes
// subscribers hear of new data as a live run advances.
export function httpSource(url, { poll = 0 } = {}) {
  const get = () => fetch(url, { cache: 'no-store' }).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json();
  });
  return {
    load: get,
    subscribe(callback) {
      if (!(poll > 0)) return () => {};
      const timer = setInterval(() => get().then(callback, () => {}), poll * 1000);
      return () => clearInterval(timer);
    },
  };
}
