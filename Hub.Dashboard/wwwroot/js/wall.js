// Entry point of the wall screen: wires sign-in, the API, the live hub, the panels and kiosk rotation.
import { T } from './text.zh-CN.js';
import { $, $$, h, setText } from './dom.js';
import { api, onSessionOver } from './api.js';
import { Live } from './live.js';
import { createActions } from './actions.js';
import { canAct, canAssess, isDepartment, isSession, scopeUnit } from './auth.js';
import { hms, offsetOf } from './format.js';
import { Alarm } from './alarm.js';
import { readOptions, Rotation } from './kiosk.js';
import { Header } from './render/header.js';
import { Kpis } from './render/kpis.js';
import { Children } from './render/children.js';
import { UnitMap } from './render/map.js';
import { Feed, FEED_LIMIT } from './render/feed.js';
import { Charts } from './render/charts.js';
import { ActionDialog, DIALOG_ACTIONS } from './render/dialog.js';
import { Duty } from './render/duty.js';
import { Assessment } from './render/assessment.js';
import { Department } from './render/department.js';
import { SignIn } from './render/signin.js';
import { Account } from './render/account.js';
import { PasswordDialog } from './render/password.js';

const FEED_REFRESH_MS = 30000;
const POLL_MS = 10000; // HTTP status polling while the hub connection is down
// past this long with neither the live connection nor an answered poll, the figures are not to be trusted
const STALE_MS = 60000;
const RETRY_MS = 3000;
const MAP_KINDS = new Set(['raised', 'resolved', 'rejected', 'reworked', 'closed']);

const body = document.body;
const opts = readOptions(); // as the page was opened: its ?unit is the launch unit for any user
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
  me: null, // the signed-in session (auth/me); null while the sign-in screen is up
  lastUser: null, // who was signed in last: the same user signing in again carries on where they were
  session: 0, // bumps on every sign-in and sign-out; loops of an ended session stop
  home: null, // the user's scope unit (null for the whole topology)
  code: null, // the unit shown
  status: null, // its latest status
  asOfMs: 0,
  gen: 0, // bumps on every unit change; late answers for an old unit are dropped
  top: null, // the top unit of the topology
  topoLoaded: false, // breadcrumb of the current unit shown
  kids: new Map(), // code → children codes (from the latest status of that code), for rotation
  lastAlarmAt: 0,
  freshAt: Date.now(), // when the figures were last known current: connected, or a poll answered
  denied: false, // the unit shown is outside the user's scope: nothing to poll
  view: null, // 'tiles', 'map' or 'split' (both side by side); null until decided
  dept: null, // a department's user: the department whose cases the wall shows (no unit views)
};

// ---- panels ----------------------------------------------------------------------------------
const header = new Header(document, { onNavigate: (code) => userNavigate(code) });
const kpis = new Kpis(document);
const children = new Children($('#panel-children'), {
  onPick: (code, name, level) => userNavigate(code, name, level),
  onEnrol: { canEnrol: () => !opts.kiosk && !!S.me && canAct(S.me.role), run: (worker) => enrolWorker(worker) },
});
const map = new UnitMap($('#panel-children'), {
  onPick: (code, name, level) => userNavigate(code, name, level),
  // opened without ?view=: the first unit with geometry opens on its map, a newcomer sees the city at once
  onLoaded: (data) => {
    if (S.view === null && data.code === S.code) setView(data.bounds ? 'map' : 'tiles');
  },
});
const feed = new Feed($('#feed'), $('#feed-count'), {
  // a department's list is every case its department is summoned to: the server filters it
  load: (code) => api.openAlerts(S.dept ? null : code, FEED_LIMIT),
  onAction,
  more: $('#feed-more'),
  flood: $('#flood-banner'),
  onGroup,
  tabs: $('.feed-tabs'),
  matches: (e) => (S.dept ? (e.departments || []).includes(S.dept) : e.path.includes(S.code)),
});
const duty = new Duty(document);
const assessment = new Assessment($('#assessment'));
const department = new Department($('#department'));
const charts = new Charts($('#charts'));
const dialog = new ActionDialog($('#action-dialog'));
const alarm = new Alarm({ banner: $('#alarm-banner'), toggle: $('#sound-toggle') });
const notice = $('#notice');
const signIn = new SignIn($('[data-testid="sign-in"]'), { onSignedIn: (me) => begin(me) });
const passwordDialog = new PasswordDialog($('#password-dialog'));
const account = new Account($('#account'), { onSignOut: signOut, onOpen: (who) => passwordDialog.open(who) });

const live = new Live({
  onStatus: (s) => applyStatus(s),
  onAlerts,
  onState: (state) => {
    header.connection(state);
    body.dataset.connection = state;
    // a department's wall watches no unit: after a gap its list is read again instead
    if (state === 'connected' && S.dept) feed.refresh();
  },
  onSnapshot: (s, code) => {
    if (!S.me || code !== S.code) return;
    applyStatus(s, true);
    feed.refresh(); // events may have been missed while away
    if (!S.topoLoaded) loadTopology(code, S.gen);
    charts.retryMissing();
  },
  // a refused start may mean the session is over: then sign-in, not a knock every few seconds
  onStartFailed: async () => {
    const session = S.session;
    const res = await api.me();
    if (res.status !== 401) return true; // the hub is away, or refused for another reason: keep trying
    if (session !== S.session) return true; // signed in again meanwhile: that 401 was the old session's
    endSession('expired');
    return false;
  },
});
header.connection('connecting');
onSessionOver(() => endSession('expired'));
const actions = createActions(live);

const rotation = opts.rotate
  ? new Rotation({
      seconds: opts.rotate,
      indicator: $('#rotation'),
      childrenOf: (code) => S.kids.get(code) || null,
      go: (code) => {
        if (opts.view === 'alternate') setView(S.view === 'map' ? 'tiles' : 'map');
        enter(code);
      },
      hold: () => dialog.isOpen || passwordDialog.isOpen,
    })
  : null;

// ---- charts on demand (on a phone) -----------------------------------------------------------
const chartsToggle = $('#charts-toggle');
function showCharts(open) {
  if (open) body.dataset.charts = 'open';
  else delete body.dataset.charts;
  chartsToggle.setAttribute('aria-expanded', String(open));
  setText(chartsToggle, open ? T.phone.hideCharts : T.phone.showCharts);
  if (open) charts.retryMissing();
}
chartsToggle.addEventListener('click', () => showCharts(body.dataset.charts !== 'open'));
showCharts(false);

// ---- tiles, map, or both ------------------------------------------------------------------------
/** Shows the children as tiles, as the map, or both side by side; the choice stays in the URL (?view=). */
function setView(view, remember = false) {
  S.view = view; // null until the first map answers, when nothing was asked for
  body.dataset.view = view;
  for (const tab of $$('.view-tab')) tab.setAttribute('aria-selected', String(tab.dataset.view === view));
  map.setVisible(view === 'map' || view === 'split');
  if (remember) {
    const q = new URLSearchParams(location.search);
    q.set('view', view);
    history.replaceState(history.state, '', `${location.pathname}?${q.toString()}`);
  }
}
$('.view-tabs').addEventListener('click', (e) => {
  const tab = e.target.closest('.view-tab');
  if (tab) setView(tab.dataset.view, true);
});
if (opts.view) setView(opts.view === 'alternate' ? 'tiles' : opts.view);
else {
  body.dataset.view = 'tiles';
  map.eager = true;
}

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
  if (!S.me) return; // signed out: the next sign-in reads the URL
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
  S.denied = false;
  body.dataset.unit = code;
  body.classList.add('is-switching');
  hideNotice();
  header.loading(code, name);
  header.guessBreadcrumb(code, name, level);
  children.reset();
  map.show(code);
  feed.reset(code);
  charts.setUnit(code);
  duty.show(code);
  assessment.show(null);
  loadStatus(code, gen);
  loadTopology(code, gen);
  feed.refresh();
}

function loadStatus(code, gen) {
  const viaHub = live.connected;
  live.watch(code).then(
    (s) => {
      if (s) {
        applyStatus(s);
        // cases raised between the first read of the list and the subscription reach no push: read it again
        if (gen === S.gen) feed.refresh();
      } else if (viaHub) httpStatus(code, gen);
    },
    (e) => {
      if (gen !== S.gen) return;
      if (e?.unknown) showUnknown(code);
      else if (e?.forbidden) showForbidden(code);
    },
  );
  if (!viaHub) httpStatus(code, gen);
}

async function httpStatus(code, gen) {
  const res = await api.status(code);
  if (gen !== S.gen) return;
  if (res.ok && res.body) {
    S.freshAt = Date.now();
    applyStatus(res.body);
  } else if (res.status === 404) {
    showUnknown(code);
  } else if (res.status === 403) {
    showForbidden(code);
  } else if (!S.status && !S.denied) {
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
  } else if (res.status === 403) {
    showForbidden(code);
  } else if (res.status !== 404 && !S.denied) {
    setTimeout(() => gen === S.gen && !S.topoLoaded && !S.denied && loadTopology(code, gen), RETRY_MS);
  }
}

// ---- live data -------------------------------------------------------------------------------
function applyStatus(s, fresh = false) {
  if (!S.me || !s || s.code !== S.code) return;
  const asOf = Date.parse(s.asOf) || 0;
  if (S.status && !fresh && asOf && asOf < S.asOfMs) return; // an older answer overtaken by a push
  const previous = S.status;
  S.status = s;
  S.asOfMs = Math.max(asOf, S.asOfMs);
  S.kids.set(s.code, (s.children || []).map((c) => c.code));
  header.status(s, offsetOf(s.asOf));
  kpis.status(s);
  children.render(s);
  map.status(s);
  feed.setActiveTotal(s.alerts?.active ?? null);
  // a leader's ranking of the children, once the unit is known to have any
  if (canAssess(S.me.role) && s.children?.length && assessment.code !== s.code) assessment.show(s.code);
  body.dataset.health = s.health;
  hideNotice();
  body.classList.remove('is-switching');
  if (previous) followCharts(previous, s);
  if (previous && previous.health !== 'red' && s.health === 'red' && Date.now() - S.lastAlarmAt > 5000) {
    S.lastAlarmAt = Date.now();
    alarm.trigger({ kind: 'red', title: T.alarm.turnedRedText(s.name), place: '', time: hms(s.asOf) });
  }
  if (body.dataset.ready !== 'true') body.dataset.ready = 'true';
}

// What each chart draws from, as the status shows it: a chart whose figures changed is drawn again,
// so it agrees with the tiles and numbers beside it.
const CHART_FIGURES = {
  'children-health': (s) => (s.children || []).map((c) => `${c.code}:${c.alerts?.active}:${c.alerts?.critical}`).join(),
  'alerts-24h': (s) => s.today?.raised,
  'handling-30d': (s) => `${s.today?.handled}/${s.today?.raised}`,
};

function followCharts(previous, s) {
  for (const [name, figures] of Object.entries(CHART_FIGURES)) {
    if (figures(previous) !== figures(s)) charts.changed(name);
  }
}

function onAlerts(events) {
  if (!S.me) return;
  const mine = events.filter((e) => e && Array.isArray(e.path) && (S.dept ? (e.departments || []).includes(S.dept) : e.path.includes(S.code)));
  if (!mine.length) return;
  feed.applyEvents(mine);
  // only what changes which cases are active moves the map's points
  if (!S.dept && mine.some((e) => MAP_KINDS.has(e.kind))) map.alertsChanged();
  if (S.dept) department.refreshSoon();
  // a critical or major case running past its limit sounds like a new critical one
  const late = mine.filter((e) => e.kind === 'supervised' && (e.severity === 'critical' || e.severity === 'major'));
  if (late.length) {
    const e = late[late.length - 1];
    S.lastAlarmAt = Date.now();
    alarm.trigger({ kind: 'overdue', title: e.title || T.category[e.category] || e.category, place: placeBelow(e.path, e.pathNames), time: hms(e.at) });
  }
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

// ---- actions on a case -----------------------------------------------------------------------
async function onAction(action, alert) {
  if (!feed.canAct && !feed.department && !feed.canSupervise) return; // viewers and kiosks have no buttons; nothing else acts
  if (action === 'ack') {
    feed.setPending(alert.id, true);
    const r = await actions.ack(alert.id, null);
    feed.setPending(alert.id, false);
    if (r.alert) feed.applyAlert(r.alert);
    if (!r.ok) feed.showError(alert.id, r.error);
    feed.refreshSoon(800);
    return;
  }
  if (!DIALOG_ACTIONS.has(action)) return;
  dialog.open(action, alert, {
    place: placeBelow(alert.path, alert.pathNames),
    workers: action === 'dispatch' ? workersNear(alert) : null,
    photos: api.photos(alert.id),
    departments: action === 'dispatch' ? summonable(alert) : null,
    submit: async (values) => {
      const r = await actions.step(action, alert.id, values, S.dept);
      if (r.alert) feed.applyAlert(r.alert);
      feed.refreshSoon(800);
      return r;
    },
  });
}

/** A group's 全部确认: each member waiting for it is acknowledged on its own, so each is audited. */
async function onGroup(action, members, button) {
  if (action !== 'ack' || !feed.canAct) return;
  button.disabled = true;
  for (const d of members.filter((m) => m.state === 'raised')) {
    const r = await actions.ack(d.id, T.actions.ackAllNote);
    if (r.alert) feed.applyAlert(r.alert);
  }
  feed.order();
  feed.refreshSoon(800);
}

/** The departments a case may be whistled to (吹哨): those serving its unit or any unit above it. */
async function summonable(alert) {
  const res = await api.topology(alert.unit);
  return res.ok ? res.body?.summonable || [] : [];
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

/** A grid worker's enrolment code, shown once to the officer who asked, until they close it. */
async function enrolWorker(worker) {
  const res = await api.enrolment(worker.id);
  if (!res.ok) {
    showNotice(T.enrolment.failed(worker.name), 'error', { label: T.enrolment.done, run: hideNotice });
    return;
  }
  const until = new Date(res.body.expiresAt).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  showNotice(T.enrolment.code(worker.name, res.body.code, until), 'enrolment', { label: T.enrolment.done, run: hideNotice });
}

// ---- freshness -------------------------------------------------------------------------------
/**
 * The figures are current while the live connection is up (it pushes every change) or a poll
 * answers; past STALE_MS without either they grey out under a banner that says for how long.
 */
function checkFreshness() {
  if (live.connected) S.freshAt = Date.now();
  const age = Date.now() - S.freshAt;
  const stale = !!S.me && !S.dept && age > STALE_MS;
  const banner = $('#stale-banner');
  if (stale) {
    setText(banner, T.stale.banner(Math.round(age / 1000)));
    banner.hidden = false;
    body.dataset.stale = 'true';
  } else if (body.dataset.stale) {
    banner.hidden = true;
    delete body.dataset.stale;
  }
}

// ---- notices ---------------------------------------------------------------------------------
/** kind: data-kind of the notice (error | unknown | forbidden | sign-out); action: a way out. */
function showNotice(text, kind = 'error', action = null) {
  const parts = [h('span', { class: 'notice-text', text })];
  if (action) parts.push(h('button', { type: 'button', class: 'btn btn-primary notice-action', text: action.label, onclick: action.run }));
  notice.replaceChildren(...parts);
  notice.dataset.kind = kind;
  notice.hidden = false;
}
function hideNotice() {
  notice.hidden = true;
}
function showUnknown(code) {
  setText($('[data-testid="unit-name"]'), code);
  showNotice(T.errors.unknownUnit(code), 'unknown');
  body.classList.remove('is-switching');
}

/**
 * The unit is outside the user's scope (403, or the hub's Watch saying "outside"): said once, and
 * nothing about it is asked again. Offers the way back to the user's own scope unit.
 */
function showForbidden(code) {
  if (code !== S.code || S.denied) return;
  S.denied = true;
  const home = S.home;
  const back = home && home !== code && !opts.kiosk ? { label: T.errors.backToScope(S.me?.scopeName), run: () => userNavigate(home) } : null;
  showNotice(T.errors.outsideScope, 'forbidden', back);
  body.classList.remove('is-switching');
  feed.stop(T.feed.forbidden);
  charts.stop(T.charts.forbidden);
}

// ---- session ---------------------------------------------------------------------------------
/**
 * reason: null at start, 'expired' (a 401: the same person signs in again, so the name stays
 * filled in) or 'signed-out' (退出: the screen may pass to someone else, so it is cleared).
 */
function showSignIn(reason) {
  hideNotice();
  body.dataset.signin = 'true';
  document.title = T.signIn.title;
  if (!reason) signIn.show();
  else if (reason === 'expired') signIn.show({ note: T.signIn.expired, user: S.lastUser });
  else signIn.show({ note: T.signIn.signedOut, user: '' });
}

/** Signed in (at start, or again after the session ended): shows the wall for this user. */
async function begin(me) {
  const session = ++S.session;
  const sameUser = S.lastUser === me.user;
  S.me = me;
  S.lastUser = me.user;
  S.home = scopeUnit(me);
  signIn.hide();
  delete body.dataset.signin;
  body.dataset.role = me.role;
  account.show(me);
  feed.setFlood(me.wall);
  feed.setActor(!opts.kiosk && canAct(me.role), opts.kiosk || !isDepartment(me) ? null : me.department, !opts.kiosk && canAssess(me.role));
  hideNotice();
  live.start();
  if (isDepartment(me)) {
    beginDepartment(me);
    return;
  }
  // the same user back carries on at the unit in the URL; anyone else starts where the page was
  // opened (?unit), else at their scope unit, else at the top of the topology
  let code = (sameUser && readOptions().unit) || opts.unit || S.home;
  if (!code) {
    code = await findTop(session);
    if (!code) return; // signed out meanwhile
  }
  if (code !== readOptions().unit) history.replaceState({ unit: code }, '', urlFor(code));
  S.top = code;
  enter(code);
  rotation?.start(code);
}

/** A department's wall: no unit views, only the cases summoned to the department, and its month. */
function beginDepartment(me) {
  S.dept = me.department;
  S.code = null;
  body.dataset.unit = '';
  setText($('[data-testid="unit-name"]'), me.departmentName || me.department);
  document.title = T.pageTitle(me.departmentName || me.department);
  setText($('.feed-title'), T.department.feedTitle);
  department.show(me);
  feed.reset(`department:${me.department}`);
  feed.refresh();
  body.dataset.ready = 'true';
}

/** The session is over (a 401 anywhere, or 退出): stop all that would ask the server, show sign-in. */
function endSession(reason) {
  if (!S.me) return; // already over: the first 401 did it
  S.me = null;
  S.session++;
  S.gen++; // late answers and retry loops of the ended session drop out
  S.code = null;
  S.dept = null;
  S.status = null;
  S.kids.clear();
  map.show(null);
  duty.show(null);
  assessment.show(null);
  department.show(null);
  setText($('.feed-title'), T.feed.title);
  live.stop();
  rotation?.stop();
  dialog.close(true);
  passwordDialog.close(true);
  alarm.hideBanner();
  feed.stop();
  charts.stop();
  header.breadcrumb([], null); // the next user's scope may not reach the old chain
  account.hide();
  delete body.dataset.role;
  delete body.dataset.ready;
  body.classList.remove('is-switching');
  showSignIn(reason);
}

async function signOut() {
  const res = await api.logout();
  if (res.ok || res.status === 401) {
    endSession('signed-out');
    return;
  }
  // still signed in (the hub could not be reached): say so and stay
  showNotice(T.account.signOutFailed, 'sign-out');
  setTimeout(() => notice.dataset.kind === 'sign-out' && hideNotice(), 4000);
}

// ---- start -----------------------------------------------------------------------------------
/** The top of the topology the user sees; null when the session ended meanwhile. */
async function findTop(session) {
  for (;;) {
    const res = await api.topologyAll();
    if (session !== S.session) return null;
    const units = res.ok ? res.body?.units : null;
    if (Array.isArray(units) && units.length) {
      // below the whole topology the document is the user's subtree: its top's parent is not in it
      const codes = new Set(units.map((u) => u.code));
      const top = units.find((u) => u.parent == null || !codes.has(u.parent)) || units[0];
      hideNotice();
      return top.code;
    }
    showNotice(T.errors.noTopology);
    await sleep(RETRY_MS);
    if (session !== S.session) return null;
  }
}

/** Who is signed in: the session, or null (401: not signed in). Retries while the hub is away. */
async function whoAmI() {
  for (;;) {
    const res = await api.me();
    if (res.ok && isSession(res.body)) return res.body;
    if (res.status === 401) return null;
    showNotice(T.errors.loadFailed);
    await sleep(RETRY_MS);
  }
}

async function main() {
  // nothing is asked of the server before sign-in: every timer looks at S.me first
  setInterval(() => {
    if (!S.me) return;
    feed.refresh();
    if (S.dept) department.load();
  }, FEED_REFRESH_MS);
  setInterval(() => {
    feed.tick();
    children.refreshTimes();
  }, 15000);
  setInterval(() => {
    if (S.me && !live.connected && S.code && !S.denied) httpStatus(S.code, S.gen);
  }, POLL_MS);
  setInterval(checkFreshness, 5000);

  const me = await whoAmI();
  hideNotice();
  if (me) begin(me);
  else showSignIn(null);
}

main();
