// Entry point of the wall screen: wires the API, the live hub, the panels and kiosk rotation.
import { T } from './text.zh-CN.js';
import { $, $$, setText } from './dom.js';
import { api } from './api.js';
import { Live } from './live.js';
import { createActions } from './actions.js';
import { hms, offsetOf } from './format.js';
import { Alarm } from './alarm.js';
import { readOptions, Rotation } from './kiosk.js';
import { Header } from './render/header.js';
import { Kpis } from './render/kpis.js';
import { Children } from './render/children.js';
import { Feed, FEED_LIMIT } from './render/feed.js';
import { Charts } from './render/charts.js';
import { ActionDialog } from './render/dialog.js';

const FEED_REFRESH_MS = 30000;
const POLL_MS = 10000; // HTTP status polling while the hub connection is down
const RETRY_MS = 3000;

const body = document.body;
const opts = readOptions();

// ---- static labels ---------------------------------------------------------------------------
document.documentElement.lang = T.lang;
document.title = T.pageTitle(null);
for (const el of $$('[data-t]')) {
  const value = el.dataset.t.split('.').reduce((o, k) => (o == null ? o : o[k]), T);
  if (typeof value === 'string') setText(el, value);
}
body.classList.toggle('is-kiosk', opts.kiosk);

// ---- state -----------------------------------------------------------------------------------
const S = {
  code: null, // the unit shown
  status: null, // its latest status
  asOfMs: 0,
  gen: 0, // bumps on every unit change; late answers for an old unit are dropped
  top: null, // the top unit of the topology
  topoLoaded: false, // breadcrumb of the current unit shown
  kids: new Map(), // code → children codes (from the latest status of that code), for rotation
  lastAlarmAt: 0,
};

// ---- panels ----------------------------------------------------------------------------------
const header = new Header(document, { onNavigate: (code) => userNavigate(code) });
const kpis = new Kpis(document);
const children = new Children($('#panel-children'), { onPick: (code, name, level) => userNavigate(code, name, level) });
const feed = new Feed($('#feed'), $('#feed-count'), {
  kiosk: opts.kiosk,
  load: (code) => api.activeAlerts(code, FEED_LIMIT),
  onAction,
});
const charts = new Charts($('#charts'));
const dialog = new ActionDialog($('#action-dialog'));
const alarm = new Alarm({ banner: $('#alarm-banner'), toggle: $('#sound-toggle') });
const notice = $('#notice');

const live = new Live({
  onStatus: (s) => applyStatus(s),
  onAlerts,
  onState: (state) => {
    header.connection(state);
    body.dataset.connection = state;
  },
  onSnapshot: (s, code) => {
    if (code !== S.code) return;
    applyStatus(s, true);
    feed.refresh(); // events may have been missed while away
    if (!S.topoLoaded) loadTopology(code, S.gen);
    charts.retryMissing();
  },
});
header.connection('connecting');
const actions = createActions(live);

const rotation = opts.rotate
  ? new Rotation({
      seconds: opts.rotate,
      indicator: $('#rotation'),
      childrenOf: (code) => S.kids.get(code) || null,
      go: (code) => enter(code),
      hold: () => dialog.isOpen,
    })
  : null;

// ---- navigation ------------------------------------------------------------------------------
function urlFor(code) {
  const q = new URLSearchParams(location.search);
  q.set('unit', code);
  return `${location.pathname}?${q.toString()}`;
}

/** A click on a tile or a breadcrumb link. */
function userNavigate(code, name, level) {
  if (!code || code === S.code) return;
  history.pushState({ unit: code }, '', urlFor(code));
  enter(code, name, level);
  rotation?.start(code); // the unit chosen by hand becomes the rotation's root
}

window.addEventListener('popstate', () => {
  const code = readOptions().unit || S.top;
  if (!code) return;
  enter(code);
  rotation?.start(code);
});

/** Shows `code`: Unwatch the old unit / Watch this one, load its status, breadcrumb and alerts. */
function enter(code, knownName, knownLevel) {
  if (!code || code === S.code) return;
  // what is known of the unit before it answers: a child tile or a breadcrumb link
  const known = S.status?.children?.find((c) => c.code === code) || header.chain?.find((u) => u.code === code);
  const name = knownName || known?.name;
  const level = knownLevel || known?.level;
  const gen = ++S.gen;
  S.code = code;
  S.status = null;
  S.asOfMs = 0;
  S.topoLoaded = false;
  body.dataset.unit = code;
  body.classList.add('is-switching');
  hideNotice();
  header.loading(code, name);
  header.guessBreadcrumb(code, name, level);
  children.reset();
  feed.reset(code);
  charts.setUnit(code);
  loadStatus(code, gen);
  loadTopology(code, gen);
  feed.refresh();
}

function loadStatus(code, gen) {
  const viaHub = live.connected;
  live.watch(code).then(
    (s) => {
      if (s) applyStatus(s);
      else if (viaHub) httpStatus(code, gen);
    },
    (e) => {
      if (e?.unknown && gen === S.gen) showUnknown(code);
    },
  );
  if (!viaHub) httpStatus(code, gen);
}

async function httpStatus(code, gen) {
  const res = await api.status(code);
  if (gen !== S.gen) return;
  if (res.ok && res.body) {
    applyStatus(res.body);
  } else if (res.status === 404) {
    showUnknown(code);
  } else if (!S.status) {
    showNotice(T.errors.loadFailed);
    setTimeout(() => gen === S.gen && !S.status && httpStatus(code, gen), RETRY_MS);
  }
}

async function loadTopology(code, gen) {
  const res = await api.topology(code);
  if (gen !== S.gen) return;
  if (res.ok && res.body?.unit) {
    S.topoLoaded = true;
    header.breadcrumb(res.body.ancestors, res.body.unit);
    children.setTopology(res.body);
    const { unit } = res.body;
    if (unit.level === 'building' && unit.parent) {
      // a building has no workers of its own: show its grid's
      const grid = await api.topology(unit.parent);
      if (gen === S.gen && grid.ok) children.setGridWorkers(code, grid.body?.workers || []);
    }
  } else if (res.status !== 404) {
    setTimeout(() => gen === S.gen && !S.topoLoaded && loadTopology(code, gen), RETRY_MS);
  }
}

// ---- live data -------------------------------------------------------------------------------
function applyStatus(s, fresh = false) {
  if (!s || s.code !== S.code) return;
  const asOf = Date.parse(s.asOf) || 0;
  if (S.status && !fresh && asOf && asOf < S.asOfMs) return; // an older answer overtaken by a push
  const previous = S.status;
  S.status = s;
  S.asOfMs = Math.max(asOf, S.asOfMs);
  S.kids.set(s.code, (s.children || []).map((c) => c.code));
  header.status(s, offsetOf(s.asOf));
  kpis.status(s);
  children.render(s);
  feed.setActiveTotal(s.alerts?.active ?? null);
  body.dataset.health = s.health;
  hideNotice();
  body.classList.remove('is-switching');
  if (previous && previous.health !== 'red' && s.health === 'red' && Date.now() - S.lastAlarmAt > 5000) {
    S.lastAlarmAt = Date.now();
    alarm.trigger({ kind: 'red', title: T.alarm.turnedRedText(s.name), place: '', time: hms(s.asOf) });
  }
  if (body.dataset.ready !== 'true') body.dataset.ready = 'true';
}

function onAlerts(events) {
  const mine = events.filter((e) => e && Array.isArray(e.path) && e.path.includes(S.code));
  if (!mine.length) return;
  feed.applyEvents(mine);
  const critical = mine.filter((e) => e.kind === 'raised' && e.severity === 'critical');
  if (critical.length) {
    const e = critical[critical.length - 1];
    S.lastAlarmAt = Date.now();
    alarm.trigger({
      kind: 'critical',
      title: e.title || T.category[e.category] || e.category,
      place: placeBelow(e.path, e.pathNames),
      time: hms(e.at),
    });
  }
}

function placeBelow(path, names) {
  const i = (path || []).indexOf(S.code);
  const below = (names || []).slice(i + 1);
  return below.length ? below.join(T.sep) : T.feed.thisUnit;
}

// ---- officer actions -------------------------------------------------------------------------
async function onAction(action, alert) {
  if (opts.kiosk) return;
  if (action === 'ack') {
    feed.setPending(alert.id, true);
    const r = await actions.ack(alert.id, null);
    feed.setPending(alert.id, false);
    if (r.alert) feed.applyAlert(r.alert);
    if (!r.ok) feed.showError(alert.id, r.error);
    feed.refreshSoon(800);
    return;
  }
  if (action !== 'dispatch' && action !== 'resolve') return;
  dialog.open(action, alert, {
    place: placeBelow(alert.path, alert.pathNames),
    workers: action === 'dispatch' ? workersNear(alert) : null,
    submit: async ({ assignee, note }) => {
      const r = action === 'dispatch' ? await actions.dispatch(alert.id, assignee, note) : await actions.resolve(alert.id, note);
      if (r.ok) feed.applyAlert(r.alert);
      feed.refreshSoon(800);
      return r;
    },
  });
}

/** Names of the workers of the alert's grid, to suggest as assignees. */
async function workersNear(alert) {
  let res = await api.topology(alert.unit);
  if (!res.ok) return [];
  if (res.body?.unit?.level === 'building' && res.body.unit.parent) {
    res = await api.topology(res.body.unit.parent);
    if (!res.ok) return [];
  }
  return (res.body?.workers || []).map((w) => w.name).filter(Boolean);
}

// ---- notices ---------------------------------------------------------------------------------
function showNotice(text) {
  setText(notice, text);
  notice.hidden = false;
}
function hideNotice() {
  notice.hidden = true;
}
function showUnknown(code) {
  setText($('[data-testid="unit-name"]'), code);
  showNotice(T.errors.unknownUnit(code));
  body.classList.remove('is-switching');
}

// ---- start -----------------------------------------------------------------------------------
async function findTop() {
  for (;;) {
    const res = await api.topologyAll();
    const units = res.ok ? res.body?.units : null;
    if (Array.isArray(units) && units.length) {
      const top = units.find((u) => u.parent == null) || units[0];
      hideNotice();
      return top.code;
    }
    showNotice(T.errors.noTopology);
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
}

async function main() {
  live.start();
  let code = opts.unit;
  if (!code) {
    code = await findTop();
    S.top = code;
    history.replaceState({ unit: code }, '', urlFor(code));
  } else {
    S.top = code;
  }
  enter(code);
  rotation?.start(code);

  setInterval(() => feed.refresh(), FEED_REFRESH_MS);
  setInterval(() => {
    feed.tick();
    children.refreshTimes();
  }, 15000);
  setInterval(() => {
    if (!live.connected && S.code) httpStatus(S.code, S.gen);
  }, POLL_MS);
}

main();
