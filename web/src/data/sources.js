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

// The same data served over HTTP (GET url -> JSON, docs/CLASSROOM_API.md).
// When the data carries a "version", later requests ask `url?since=VERSION`
// and the server answers 304 when nothing changed. `poll` seconds > 0 makes
// subscribers hear of new data as a live run advances; refresh() asks at once
// (after a control action, say); setPoll(seconds) changes the pace.
export function httpSource(url, { poll = 0, headers } = {}) {
  let version = null;
  let busy = null;
  const listeners = new Set();
  const get = async (since) => {
    const at = since && version != null ? `${url}${url.includes('?') ? '&' : '?'}since=${encodeURIComponent(version)}` : url;
    const r = await fetch(at, { cache: 'no-store', headers });
    if (r.status === 304) return null;
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    const data = await r.json();
    if (data && data.version != null) version = data.version;
    return data;
  };
  // One request at a time; new data goes to every subscriber.
  const refresh = () => {
    if (!busy)
      busy = get(true).then((d) => { if (d) for (const f of listeners) f(d); }, () => {}).finally(() => { busy = null; });
    return busy;
  };
  let timer = null;
  const setPoll = (seconds) => {
    poll = seconds;
    if (timer) clearInterval(timer);
    timer = poll > 0 && listeners.size ? setInterval(refresh, poll * 1000) : null;
  };
  return {
    load: () => get(false),
    refresh,
    setPoll,
    subscribe(callback) {
      listeners.add(callback);
      if (!timer) setPoll(poll);
      return () => {
        listeners.delete(callback);
        if (!listeners.size) setPoll(0);
      };
    },
  };
}
