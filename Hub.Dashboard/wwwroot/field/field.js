// The grid worker's page (/field): sign in or enrol, then the day's work — shift, patrols, reports
// with photos, 核查 — each done at once on the phone and sent when the network lets it.
import { T } from '../js/text.zh-CN.js';
import { queue } from './queue.js';
import { shrink } from './photos.js';

const F = T.field;
const API = '../api/v1';
const SEND_EVERY_MS = 15000;
const POSITION_WAIT_MS = 2500;

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.filter((c) => c != null));
  return el;
}

const S = {
  profile: null, // GET field/me, kept for offline starts
  sending: false,
  verifying: null, // the case being checked
};

// ---- words --------------------------------------------------------------------------------------
document.documentElement.lang = T.lang;
document.title = F.title;
for (const el of $$('[data-t]')) {
  const value = el.dataset.t.split('.').reduce((o, k) => o?.[k], T);
  if (typeof value === 'string') el.textContent = value;
}

// ---- the hub ------------------------------------------------------------------------------------
async function call(method, path, body) {
  try {
    const res = await fetch(`${API}/${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { ok: res.ok, status: res.status, body: json, retryAfter: res.headers.get('retry-after') };
  } catch {
    return { ok: false, status: 0, body: null, network: true };
  }
}

const problemText = (res) => res.body?.errors?.join('；') || res.body?.detail || String(res.status);

// ---- views --------------------------------------------------------------------------------------
function show(view) {
  for (const section of $$('.view')) section.hidden = section.dataset.view !== view;
  document.body.dataset.state = view;
  window.scrollTo(0, 0);
}

let toastTimer = 0;
function toast(text, ms = 2500) {
  const el = $('[data-testid="toast"]');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), ms);
}

function formError(form, text) {
  const el = $('.form-error', form);
  el.textContent = text || '';
  el.hidden = !text;
}

// ---- network and queue --------------------------------------------------------------------------
function paintNetwork() {
  const el = $('[data-testid="network"]');
  el.dataset.online = String(navigator.onLine);
  el.textContent = navigator.onLine ? F.online : F.offline;
}
window.addEventListener('online', () => {
  paintNetwork();
  send();
});
window.addEventListener('offline', paintNetwork);

async function paintQueue() {
  const waiting = (await queue.waiting()).filter((i) => i.worker === S.profile?.worker);
  const button = $('[data-testid="queue"]');
  button.dataset.queued = String(waiting.length);
  button.textContent = F.queued(waiting.length);
  const refused = (await queue.refused()).filter((i) => i.worker === S.profile?.worker);
  const box = $('[data-testid="failed"]');
  box.hidden = refused.length === 0;
  $('.failed-list', box).replaceChildren(
    ...refused.map((i) =>
      h('li', { 'data-item': i.id },
        h('span', { text: `${F.kinds[i.kind]} · ${i.label} · ${i.reason}` }),
        h('button', { type: 'button', text: F.dismiss, onclick: async () => { await queue.dismiss(i.id); paintQueue(); } }))),
  );
}
$('[data-testid="queue"]').addEventListener('click', () => send());

/** Sends what waits, oldest first; stops at the first sign that the network or the hub is away. */
async function send() {
  if (S.sending || !S.profile) return;
  S.sending = true;
  let changed = false;
  try {
    for (const item of await queue.waiting()) {
      if (item.worker !== S.profile.worker) continue; // another worker's, from before a sign-out: theirs to send
      const res = await call('POST', item.url, item.body);
      if (res.network || res.status === 429 || res.status >= 500) break;
      if (res.status === 401) {
        signInAgain();
        break;
      }
      if (res.ok) await queue.sent(item.id);
      else await queue.refuse(item, problemText(res));
      changed ||= item.kind !== 'checkin';
      await paintQueue();
    }
  } finally {
    S.sending = false;
    await paintQueue();
  }
  if (changed) refreshDay();
}

/** Keeps an item on the phone at once, then tries to send it. */
async function keep(kind, url, body, label) {
  await queue.add({ id: crypto.randomUUID(), worker: S.profile.worker, kind, url, body, label, at: Date.now() });
  await paintQueue();
  toast(navigator.onLine ? F.sentOk : F.queuedOk);
  send();
}

// ---- time and place -----------------------------------------------------------------------------
/** Now, as ISO-8601 with the phone's own offset (the hub keeps the day it was done in). */
function now() {
  const d = new Date();
  const offset = -d.getTimezoneOffset();
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(d.getTime() + offset * 60000).toISOString().slice(0, 23);
  return `${local}${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The phone's position when the worker allowed it, without holding the tap up for long. */
async function position() {
  if (!navigator.geolocation) return null;
  try {
    if ((await navigator.permissions?.query({ name: 'geolocation' }))?.state === 'denied') return null;
  } catch {
    // no permissions API: ask
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), POSITION_WAIT_MS);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ lat: Number(p.coords.latitude.toFixed(6)), lon: Number(p.coords.longitude.toFixed(6)) });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { timeout: POSITION_WAIT_MS, maximumAge: 60000 },
    );
  });
}

/** Metres between a place's [lon, lat] and a position, as the hub measures them (equirectangular at the position). */
function metresFrom([lon, lat], where) {
  const dx = (where.lon - lon) * Math.cos((where.lat * Math.PI) / 180);
  const dy = where.lat - lat;
  return Math.sqrt(dx * dx + dy * dy) * 111195;
}

// ---- the day ------------------------------------------------------------------------------------
const today = () => new Date().toLocaleDateString('sv'); // yyyy-mm-dd, the phone's day
const local = (key, fallback) => JSON.parse(localStorage.getItem(key) || 'null') ?? fallback;
const keepLocal = (key, value) => localStorage.setItem(key, JSON.stringify(value));
const patrolsKey = () => `field.patrols.${S.profile.worker}.${today()}`;
const shiftKey = () => `field.shift.${S.profile.worker}`;

function paintDay() {
  const p = S.profile;
  $('[data-testid="worker-name"]').textContent = p.name;
  $('[data-testid="worker-grid"]').textContent = p.gridName;
  const shift = local(shiftKey(), null);
  const state = $('[data-testid="shift-state"]');
  state.dataset.on = String(!!shift);
  state.textContent = shift ? F.onDutySince(new Date(shift).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })) : F.offDuty;

  const done = local(patrolsKey(), {});
  const targets = p.places.filter((u) => u.level === 'building');
  const list = targets.length ? targets : [{ code: p.grid, name: F.patrolGrid }];
  $('[data-testid="places"]').replaceChildren(
    ...list.map((u) =>
      h('li', {},
        h('button', { type: 'button', class: 'big place', 'data-action': 'patrol', 'data-unit': u.code, 'data-done': String(!!done[u.code]) },
          h('span', { class: 'place-name', text: placeName(u) }),
          h('span', { class: 'place-count', text: F.patrolled(done[u.code] || 0) })))),
  );

  const cases = $('[data-testid="to-verify"]');
  cases.replaceChildren(
    ...(p.toVerify.length
      ? p.toVerify.map((c) =>
          h('li', { class: 'case', 'data-alert': c.id, 'data-severity': c.severity },
            h('span', { class: 'case-title', text: `${T.severity[c.severity] || c.severity} · ${c.title}` }),
            h('span', { class: 'case-meta', text: [c.place, c.handledAt ? F.doneAt(new Date(c.handledAt).toLocaleString('zh-CN')) : null].filter(Boolean).join(T.sep) }),
            h('button', { type: 'button', class: 'big primary', 'data-action': 'verify', 'data-alert': c.id, text: F.verify })))
      : [h('li', { class: 'empty', text: F.noVerify })]),
  );
}

function placeName(u) {
  const parent = S.profile.places.find((x) => x.code === u.parent);
  return parent ? `${parent.name}${T.sep}${u.name}` : u.name;
}

async function refreshDay() {
  const res = await call('GET', 'field/me');
  if (res.ok && res.body) {
    S.profile = res.body;
    keepLocal('field.profile', res.body);
    paintDay();
  }
}

// ---- actions ------------------------------------------------------------------------------------
/** @returns the position sent with it, if the phone gave one */
async function checkin(kind, unit, label) {
  const at = now();
  const where = await position();
  await keep('checkin', 'field/checkins', [{ id: crypto.randomUUID(), unit, kind, at, ...(where || {}) }], label);
  return where;
}

document.addEventListener('click', async (e) => {
  const button = e.target.closest('[data-action]');
  if (!button || !S.profile) return;
  const action = button.dataset.action;
  if (action === 'shift-start') {
    keepLocal(shiftKey(), Date.now());
    paintDay();
    await checkin('start', S.profile.grid, F.checkinKinds.start);
  } else if (action === 'shift-end') {
    localStorage.removeItem(shiftKey());
    paintDay();
    await checkin('end', S.profile.grid, F.checkinKinds.end);
  } else if (action === 'patrol') {
    const unit = button.dataset.unit;
    const done = local(patrolsKey(), {});
    done[unit] = (done[unit] || 0) + 1;
    keepLocal(patrolsKey(), done);
    paintDay();
    const where = await checkin('patrol', unit, `${F.checkinKinds.patrol} ${$('.place-name', button)?.textContent || unit}`);
    // sent as it is; the worker learns at once that the hub will count it off its place
    const point = S.profile.places.find((u) => u.code === unit)?.point;
    const metres = point && where ? metresFrom(point, where) : 0;
    if (metres > S.profile.offPlaceMetres) toast(F.offPlace(Math.round(metres / 10) * 10), 6000);
  } else if (action === 'report') {
    openReport();
  } else if (action === 'verify') {
    openVerify(S.profile.toVerify.find((c) => c.id === button.dataset.alert));
  }
});

for (const close of $$('[data-close]')) close.addEventListener('click', () => show('day'));

// ---- photos in a form ---------------------------------------------------------------------------
const picked = new Map(); // form → [{ blob, dataUrl, url }]

function photoBox(form) {
  const box = $('.photos', form);
  const max = Number(box.dataset.max);
  const list = picked.get(form) || [];
  $('.photos-title', box).textContent = F.photos(list.length, max);
  box.dataset.full = String(list.length >= max);
  $('.thumbs', box).replaceChildren(
    ...list.map((p, i) =>
      h('div', { class: 'thumb', 'data-testid': 'thumb' },
        h('img', { src: p.url, alt: '' }),
        h('button', { type: 'button', text: F.removePhoto, onclick: () => { URL.revokeObjectURL(p.url); list.splice(i, 1); photoBox(form); } }))),
  );
}

function resetPhotos(form) {
  for (const p of picked.get(form) || []) URL.revokeObjectURL(p.url);
  picked.set(form, []);
  photoBox(form);
}

for (const form of [$('#report-form'), $('#verify-form')]) {
  $('input[type="file"]', form).addEventListener('change', async (e) => {
    const max = Number($('.photos', form).dataset.max);
    const list = picked.get(form) || [];
    for (const file of Array.from(e.target.files || []).slice(0, max - list.length)) {
      const photo = await shrink(file);
      list.push({ ...photo, url: URL.createObjectURL(photo.blob) });
    }
    picked.set(form, list);
    e.target.value = '';
    photoBox(form);
  });
}

// ---- report -------------------------------------------------------------------------------------
function openReport() {
  const form = $('#report-form');
  form.reset();
  formError(form, null);
  const p = S.profile;
  form.elements.unit.replaceChildren(
    h('option', { value: p.grid, text: p.gridName }),
    ...p.places.map((u) => h('option', { value: u.code, text: placeName(u) })),
  );
  form.elements.category.replaceChildren(...F.categories.map((c) => h('option', { value: c, text: T.category[c] || c })));
  form.elements.severity.replaceChildren(...F.severities.map((s) => h('option', { value: s, text: T.severity[s] })));
  resetPhotos(form);
  show('report');
}

$('#report-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const detail = form.elements.detail.value.trim();
  if (!detail) {
    formError(form, F.needText);
    return;
  }
  const category = form.elements.category.value;
  const body = {
    sourceId: crypto.randomUUID(),
    unit: form.elements.unit.value,
    category,
    severity: form.elements.severity.value,
    at: now(),
    title: T.category[category] || category,
    detail,
    photos: (picked.get(form) || []).map((p) => p.dataUrl),
  };
  resetPhotos(form);
  show('day');
  await keep('report', 'field/reports', body, body.title);
});

// ---- 核查 ---------------------------------------------------------------------------------------
function openVerify(c) {
  if (!c) return;
  S.verifying = c;
  const form = $('#verify-form');
  form.reset();
  $('[data-testid="verify-case"]').textContent = `${c.title}${T.sep}${c.place}`;
  resetPhotos(form);
  show('verify');
}

$('#verify-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const c = S.verifying;
  const photo = (picked.get(form) || [])[0]?.dataUrl;
  const body = { id: crypto.randomUUID(), alert: c.id, passed: e.submitter?.value === 'true', note: form.elements.note.value.trim() || null, ...(photo ? { photo } : {}) };
  // done here: it leaves the list at once, whatever the network
  S.profile.toVerify = S.profile.toVerify.filter((x) => x.id !== c.id);
  keepLocal('field.profile', S.profile);
  resetPhotos(form);
  paintDay();
  show('day');
  await keep('verify', 'field/verifications', body, c.title);
});

// ---- sign-in, enrolment, sign-out ---------------------------------------------------------------
function showSignIn(note) {
  const form = $('#signin-form');
  $('#enrol-form').hidden = true;
  form.hidden = false;
  formError(form, note);
  show('signin');
}

function signInAgain() {
  showSignIn(null);
}

$('[data-testid="to-enrol"]').addEventListener('click', () => {
  $('#signin-form').hidden = true;
  $('#enrol-form').hidden = false;
});
$('[data-testid="to-sign-in"]').addEventListener('click', () => showSignIn(null));

async function signedIn(res, form, wrong) {
  if (res.ok) {
    form.reset();
    await start();
    return;
  }
  formError(form,
    res.network ? F.needNetwork
    : res.status === 401 ? wrong
    : res.status === 429 ? F.locked(res.retryAfter || 60)
    : res.status === 422 ? problemText(res)
    : F.signInFailed(res.status));
}

$('#signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const res = await call('POST', 'auth/login', { user: form.elements.user.value.trim(), password: form.elements.password.value });
  await signedIn(res, form, F.wrongPassword);
});

$('#enrol-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const res = await call('POST', 'auth/enrol', {
    worker: form.elements.worker.value.trim(),
    code: form.elements.code.value.trim(),
    password: form.elements.password.value,
  });
  await signedIn(res, form, F.wrongCode);
});

$('[data-testid="field-sign-out"]').addEventListener('click', async () => {
  const res = await call('POST', 'auth/logout');
  if (res.network) {
    toast(F.needNetwork);
    return;
  }
  localStorage.removeItem('field.profile');
  S.profile = null;
  showSignIn(null);
});

// ---- start --------------------------------------------------------------------------------------
async function start() {
  const res = await call('GET', 'field/me');
  if (res.ok && res.body) {
    S.profile = res.body;
    keepLocal('field.profile', res.body);
  } else if (res.network && local('field.profile', null)) {
    S.profile = local('field.profile', null); // offline: the day as last known
  } else {
    showSignIn(res.network ? F.needNetwork : res.status === 403 ? problemText(res) : null);
    return;
  }
  paintDay();
  show('day');
  await paintQueue();
  send();
}

if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
paintNetwork();
setInterval(() => send(), SEND_EVERY_MS);
start();
