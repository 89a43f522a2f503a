// The registry dashboard: polls GET /instances, /events and /services and renders them. Plain DOM, no library.
//
// Timing: one refresh at a time (the next is scheduled when the previous finished), every `?refresh=` ms
// (default 1000, 200..60000), each request bounded by a timeout so a hung registry shows the banner instead
// of freezing the page. Rows are updated in place by key, so text selection and scrolling survive a refresh.
// Safety: every value from the registry reaches the page through textContent or setAttribute, never markup.
(() => {
  'use strict';

  const params = new URLSearchParams(location.search);
  const REFRESH_MS = clamp(Number.parseInt(params.get('refresh'), 10) || 1000, 200, 60000);
  const REQUEST_TIMEOUT_MS = Math.max(3000, 2 * REFRESH_MS);
  const EVENTS_SHOWN = 100;
  // The table drops an evicted instance at once; the page keeps it, marked evicted, this long after the event.
  const EVICTED_SHOWN_MS = 60000;
  const EVENT_LABELS = {
    REGISTERED: 'registered', REPLACED: 're-registered', DEREGISTERED: 'deregistered',
    EVICTED: 'evicted', OUT_OF_SERVICE: 'out of service', BACK_IN_SERVICE: 'back in service',
    NOTIFICATION_FAILED: 'notice failed',
  };

  const data = {
    instances: [], // the last GET /instances
    serviceNames: [], // the names of the last GET /services, including services without a live instance
    events: [], // the last GET /events, newest first
    evicted: new Map(), // key -> {name, addr, at, last}: recently evicted, `last` is its last known view
    previous: new Map(), // key -> the instance's view in the previous snapshot
    skewMs: 0, // server clock minus browser clock, when they clearly differ
    lastSuccess: null, // browser time of the last complete refresh
    failure: null, // why the last refresh failed, null when it worked
    failingSince: null, // browser time of the first failed refresh in a row
  };

  const $ = id => document.getElementById(id);
  const filterBox = $('filter');
  filterBox.value = params.get('filter') || '';
  filterBox.addEventListener('input', () => {
    const url = new URL(location.href);
    if (filterBox.value) url.searchParams.set('filter', filterBox.value); else url.searchParams.delete('filter');
    history.replaceState(null, '', url); // a filtered view can be bookmarked or shared
    render();
  });

  // Actions need a bearer token (the instance's own or a registry-admin one); the page keeps it in memory only.
  // The registry checks it: the page never decides who may act.
  const tokenBox = $('token');
  $('instances').addEventListener('click', event => {
    const button = event.target.closest('button.set-status');
    if (button) setStatus(button.dataset.name, button.dataset.addr, button.dataset.status);
  });

  refresh();

  async function setStatus(name, addr, status) {
    const result = $('action-result');
    const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
    const token = tokenBox.value.trim();
    if (token) headers.Authorization = 'Bearer ' + token;
    const path = `services/${encodeURIComponent(name)}/${encodeURIComponent(addr)}/status`;
    try {
      const response = await fetch(path, {method: 'PUT', headers, body: JSON.stringify({Status: status})});
      const outcome = response.ok ? `${name} at ${addr} is ${status}`
        : `${name} at ${addr}: ${response.status}${await errorOf(response)}`;
      setAttr(result, 'data-outcome', response.ok ? 'ok' : 'refused');
      setText(result, outcome);
    } catch (e) {
      setAttr(result, 'data-outcome', 'refused');
      setText(result, `${name} at ${addr}: the registry did not answer`);
    }
  }

  async function refresh() {
    try {
      const [instances, events, services] = await Promise.all([
        getJson('instances'), getJson('events?limit=' + EVENTS_SHOWN), getJson('services')]);
      accept(instances, events.body, services.body);
      data.failure = null;
      data.failingSince = null;
      data.lastSuccess = Date.now();
    } catch (e) {
      data.failure = e.message;
      data.failingSince = data.failingSince || Date.now();
    }
    try {
      render();
    } finally {
      setTimeout(refresh, REFRESH_MS);
    }
  }

  async function getJson(path) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(path, {
        signal: controller.signal, cache: 'no-store', headers: {Accept: 'application/json'}});
      if (!response.ok) {
        throw new Error(`GET /${path} answered ${response.status}${await errorOf(response)}`);
      }
      return {body: await response.json(), date: response.headers.get('Date')};
    } catch (e) {
      if (e.name === 'AbortError') throw new Error(`GET /${path} got no answer within ${REQUEST_TIMEOUT_MS / 1000} s`);
      if (e instanceof TypeError) throw new Error(`GET /${path} failed (connection refused or lost)`);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  async function errorOf(response) {
    try {
      const body = await response.json();
      return body && typeof body.error === 'string' ? ` (${body.error})` : '';
    } catch (e) {
      return '';
    }
  }

  function accept(instances, events, services) {
    const serverDate = Date.parse(instances.date);
    if (!Number.isNaN(serverDate)) {
      // The Date header has a 1 s resolution: correct only a clock that is clearly off, not rounding.
      const skew = serverDate - Date.now();
      data.skewMs = Math.abs(skew) > 2000 ? skew : 0;
    }
    const current = new Map(instances.body.map(i => [key(i.Name, i.Addr), i]));
    const now = serverNow();
    for (const event of events) {
      const k = key(event.name, event.addr);
      const at = Date.parse(event.at);
      if (event.type !== 'EVICTED' || Number.isNaN(at) || current.has(k) || now - at > EVICTED_SHOWN_MS) continue;
      const known = data.evicted.get(k);
      if (!known || known.at < at) {
        const last = data.previous.get(k) || (known && known.last) || null;
        data.evicted.set(k, {name: event.name, addr: event.addr, at, last});
      }
    }
    for (const [k, gone] of data.evicted) {
      if (current.has(k) || now - gone.at > EVICTED_SHOWN_MS) data.evicted.delete(k);
    }
    data.previous = current;
    data.instances = instances.body;
    data.serviceNames = Object.keys(services);
    data.events = events;
  }

  // ---- model --------------------------------------------------------------------------------------------

  function groups() {
    const byName = new Map();
    const group = name => {
      if (!byName.has(name)) byName.set(name, {name, rows: []});
      return byName.get(name);
    };
    data.serviceNames.forEach(group);
    for (const i of data.instances) {
      group(i.Name).rows.push({
        key: 'i|' + i.Addr, name: i.Name, addr: i.Addr, state: i.state === 'FAILING' ? 'failing' : 'up',
        failures: i.consecutiveFailures, since: i.registeredSince, beat: i.lastHeartBeat,
        requires: i.RequiredServices || [], meta: i.Meta || {}, status: i.Status || 'UP'});
    }
    const evicted = [...data.evicted.values()].sort((a, b) => b.at - a.at);
    for (const gone of evicted) {
      const last = gone.last || {};
      group(gone.name).rows.push({
        key: 'i|' + gone.addr, name: gone.name, addr: gone.addr, state: 'evicted', evictedAt: gone.at,
        since: last.registeredSince || null, beat: last.lastHeartBeat || null, requires: last.RequiredServices || [],
        meta: last.Meta || {}, status: last.Status || 'UP'});
    }
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  function countStates(rows) {
    const counts = {up: 0, failing: 0, evicted: 0};
    rows.forEach(r => counts[r.state]++);
    return counts;
  }

  function matches(needle, ...texts) {
    return !needle || texts.some(t => typeof t === 'string' && t.toLowerCase().includes(needle));
  }

  // ---- rendering ----------------------------------------------------------------------------------------

  function render() {
    const all = groups();
    const needle = filterBox.value.trim().toLowerCase();
    const totals = countStates(all.flatMap(g => g.rows));
    setCount('count-services', all.length);
    setCount('count-instances', totals.up + totals.failing);
    setCount('count-up', totals.up);
    setCount('count-failing', totals.failing);
    setCount('count-evicted', totals.evicted);
    document.title = (totals.failing ? `(${totals.failing} failing) ` : '') + 'servicegrid registry';
    renderTable(all, needle);
    renderEvents(needle);
    renderConnection();
  }

  function setCount(id, n) {
    const el = $(id);
    setText(el, String(n));
    setAttr(el, 'data-count', String(n));
  }

  function renderTable(all, needle) {
    const live = new Set(data.instances.map(i => i.Name));
    const shown = [];
    for (const g of all) {
      const rows = matches(needle, g.name)
        ? g.rows
        : g.rows.filter(r => matches(needle, r.addr, r.state, r.status, ...r.requires, ...Object.values(r.meta)));
      if (rows.length || matches(needle, g.name)) shown.push({key: g.name, group: g, rows});
    }
    const table = $('instances');
    reconcile(table, shown, createGroup, (body, item) => updateGroup(body, item, live), table.tHead);
    $('no-services').hidden = all.length > 0;
    $('no-match').hidden = !(all.length > 0 && shown.length === 0);
  }

  function createGroup() {
    const body = document.createElement('tbody');
    body.className = 'service';
    return body;
  }

  function updateGroup(body, {group, rows}, live) {
    setAttr(body, 'data-service', group.name);
    const items = [{key: 'header', kind: 'header', group}];
    rows.forEach(r => items.push({...r, kind: 'instance'}));
    reconcile(body, items, createRow, (tr, item) => updateRow(tr, item, live));
  }

  function createRow(item) {
    const tr = document.createElement('tr');
    if (item.kind === 'header') {
      tr.className = 'service-header';
      const th = append(tr, 'th');
      th.colSpan = 7;
      th.scope = 'rowgroup';
      append(th, 'span', 'service-name');
      append(th, 'span', 'service-counts');
    } else {
      ['addr', 'state', 'status', 'since', 'beat', 'requires', 'meta'].forEach(c => append(tr, 'td', c));
      append(tr.cells[1], 'span', 'badge');
      append(tr.cells[1], 'span', 'note');
      append(tr.cells[2], 'span', 'status-text');
      const button = append(tr.cells[2], 'button', 'set-status');
      button.type = 'button';
    }
    return tr;
  }

  function updateRow(tr, item, live) {
    if (item.kind === 'header') {
      const counts = countStates(item.group.rows);
      const parts = ['up', 'failing', 'evicted'].filter(s => counts[s]).map(s => `${counts[s]} ${s}`);
      setText(tr.cells[0].firstChild, item.group.name);
      setText(tr.cells[0].lastChild, parts.length ? parts.join(' · ') : 'no live instance');
      return;
    }
    setAttr(tr, 'class', 'instance state-' + item.state);
    setAttr(tr, 'data-name', item.name);
    setAttr(tr, 'data-addr', item.addr);
    setAttr(tr, 'data-state', item.state);
    setAttr(tr, 'data-status', item.status);
    const [addr, state, status, since, beat, requires, meta] = tr.cells;
    setText(addr, item.addr);
    setText(state.firstChild, item.state);
    setText(state.lastChild, item.state === 'failing' ? `${item.failures} missed`
      : item.state === 'evicted' ? ago(item.evictedAt) : '');
    setTime(since, item.since, dateTime(item.since));
    setTime(beat, item.beat, item.beat ? ago(Date.parse(item.beat)) : 'never');
    renderRequires(requires, item.requires, live);
    renderMeta(meta, item.meta);
    renderStatus(status, item);
  }

  // UP or OUT_OF_SERVICE, and the action that flips it (none for an evicted instance).
  function renderStatus(cell, item) {
    const out = item.status === 'OUT_OF_SERVICE';
    setText(cell.firstChild, out ? 'out of service' : 'in service');
    const button = cell.lastChild;
    button.hidden = item.state === 'evicted';
    setText(button, out ? 'Put back in service' : 'Take out of service');
    setAttr(button, 'data-name', item.name);
    setAttr(button, 'data-addr', item.addr);
    setAttr(button, 'data-status', out ? 'UP' : 'OUT_OF_SERVICE');
  }

  // The known keys in one line (version, zone, weight; weight 1 when not given); every pair on hover.
  function renderMeta(cell, meta) {
    const parts = [];
    if (meta.version !== undefined) parts.push('v' + meta.version);
    if (meta.zone !== undefined) parts.push(meta.zone);
    parts.push('weight ' + (meta.weight !== undefined ? meta.weight : '1'));
    setText(cell, parts.join(' · '));
    setAttr(cell, 'title', Object.entries(meta).map(([k, v]) => `${k}=${v}`).join('\n'));
  }

  function renderRequires(cell, names, live) {
    const signature = names.map(n => (live.has(n) ? '+' : '-') + n).join('\n');
    if (cell.dataset.signature === signature) return;
    cell.dataset.signature = signature;
    cell.replaceChildren();
    for (const name of names) {
      const chip = append(cell, 'span', live.has(name) ? 'chip' : 'chip missing');
      chip.textContent = name;
      chip.title = live.has(name) ? `${name} has a live instance` : `no live instance of ${name}`;
    }
  }

  function renderEvents(needle) {
    const seen = new Map();
    const shown = data.events
      .filter(e => matches(needle, e.type, EVENT_LABELS[e.type], e.name, e.addr, e.detail))
      .map(e => {
        const base = [e.at, e.type, e.name, e.addr].join('|');
        const n = (seen.get(base) || 0) + 1; // the same instant twice stays two entries
        seen.set(base, n);
        return {...e, key: base + '|' + n};
      });
    reconcile($('events'), shown, createEvent, updateEvent);
    $('no-events').hidden = data.events.length > 0;
  }

  function createEvent(event) {
    const li = document.createElement('li');
    li.className = 'event type-' + event.type.toLowerCase().replace(/_/g, '-');
    append(li, 'time');
    append(li, 'span', 'badge');
    const who = append(li, 'span', 'who');
    append(who, 'span', 'event-name');
    append(who, 'span', 'event-addr');
    append(li, 'span', 'detail');
    return li;
  }

  function updateEvent(li, event) {
    setAttr(li, 'data-type', event.type);
    setAttr(li, 'data-name', event.name);
    setAttr(li, 'data-addr', event.addr);
    const [time, badge, who, detail] = li.children;
    setTime(time, event.at, clock(Date.parse(event.at)));
    setText(badge, EVENT_LABELS[event.type] || event.type);
    setText(who.firstChild, event.name);
    setText(who.lastChild, event.addr);
    setText(detail, event.detail || '');
  }

  function renderConnection() {
    const lost = data.failure !== null;
    setAttr(document.body, 'data-connection', lost ? 'lost' : 'ok');
    const banner = $('banner');
    banner.hidden = !lost;
    if (lost) {
      const shown = data.lastSuccess ? `showing data from ${clock(data.lastSuccess)}` : 'no data yet';
      setText(banner, `Registry unreachable since ${clock(data.failingSince)}: ${data.failure}. `
        + `The page is ${shown} and retries every ${REFRESH_MS / 1000} s.`);
    }
    setText($('updated'), data.lastSuccess ? `updated ${clock(data.lastSuccess)}` : 'connecting…');
  }

  // Keeps parent's keyed children equal to items, in order, reusing the element of each key: only what
  // changed is touched. `after` is the element the keyed children follow (e.g. a table's <thead>).
  function reconcile(parent, items, create, update, after = null) {
    const old = new Map();
    for (const el of parent.children) {
      if (el.dataset.key !== undefined) old.set(el.dataset.key, el);
    }
    let previous = after;
    for (const item of items) {
      let el = old.get(item.key);
      if (el) {
        old.delete(item.key);
      } else {
        el = create(item);
        el.dataset.key = item.key;
      }
      update(el, item);
      const expected = previous ? previous.nextElementSibling : parent.firstElementChild;
      if (el !== expected) parent.insertBefore(el, expected);
      previous = el;
    }
    old.forEach(el => el.remove());
  }

  // ---- small helpers ------------------------------------------------------------------------------------

  function append(parent, tag, className) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    parent.appendChild(el);
    return el;
  }

  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  /** Shows `text` in el; an ISO instant goes into the tooltip (and datetime for <time>). */
  function setTime(el, iso, text) {
    setText(el, text || '—');
    setAttr(el, 'title', iso ? new Date(iso).toString() : '');
    if (el.tagName === 'TIME') setAttr(el, 'datetime', iso || '');
  }

  function key(name, addr) {
    return name + '\n' + addr;
  }

  function serverNow() {
    return Date.now() + data.skewMs;
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  function clock(ms) {
    const d = new Date(ms);
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }

  function dateTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    const today = new Date().toDateString() === d.toDateString();
    return (today ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `) + clock(d.getTime());
  }

  function ago(ms) {
    const s = Math.max(0, serverNow() - ms) / 1000;
    if (s < 1) return 'just now';
    if (s < 60) return `${Math.floor(s)} s ago`;
    if (s < 3600) return `${Math.floor(s / 60)} min ago`;
    if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
    return `${Math.floor(s / 86400)} d ago`;
  }

  function clamp(n, min, max) {
    return Math.min(max, Math.max(min, n));
  }
})();
