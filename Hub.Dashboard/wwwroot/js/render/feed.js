// Right panel: the live case feed of the current subtree (or of a department's cases).
// Loads the cases open in the loop on entering a unit — active ones, and handled ones waiting for
// 核查 or 结案 — applies the hub's `alerts` events (raised → insert, other kinds → update;
// closed/rejected → fade out), and is refreshed from the API every 30 s (events carry no clocks)
// and after every action. Each item offers the steps its viewer may take in its state.
import { T } from '../text.zh-CN.js';
import { h, setText, setData, toggleClass } from '../dom.js';
import { hms, monthDay, isToday, lightOf, duration } from '../format.js';
import { groupsOf, arrivedLately, areaOf, DEFAULT_FLOOD } from './flood.js';

export const FEED_LIMIT = 100;
const DONE_SHOW_MS = 2500; // a resolved/closed item stays this long, then fades
const FADE_MS = 900;
const ACTIVE_STATES = new Set(['raised', 'acknowledged', 'dispatched']);
const OPEN_STATES = new Set([...ACTIVE_STATES, 'resolved', 'verified']);

/** The steps an officer or admin may take on a case in each state (the server checks again). */
const OFFICER_STEPS = {
  raised: ['ack', 'reject'],
  acknowledged: ['dispatch', 'reject'],
  dispatched: ['dispatch', 'resolve'],
  resolved: ['verify', 'rework'],
  verified: ['close'],
};

export class Feed {
  /**
   * @param {HTMLElement} list  the [data-testid=alert-feed] container (scrolls)
   * @param {HTMLElement} countEl
   * @param {{load:(code)=>Promise, onAction:(action, item, button)=>void, matches?:(event)=>boolean}} opts
   *   matches: whether a hub event belongs to this feed (default: its path holds the unit shown)
   */
  constructor(list, countEl, opts) {
    this.list = list;
    this.countEl = countEl;
    this.opts = opts;
    this.items = new Map(); // id → { data, el, parts, leaving, insertedAt }
    this.code = null;
    this.gen = 0;
    this.loadedOnce = false;
    this.failed = false;
    this.failText = null; // what the placeholder says instead of loadFailed (no right to the unit)
    this.canAct = false; // action buttons are offered (see setActor)
    this.department = null; // a department's user: only their part's steps
    this.activeTotal = null;
    this.refreshTimer = 0;
    this.seq = 0;
    this.appliedSeq = 0;
    this.placeholder = h('div', { class: 'feed-empty' });
    this.moreEl = opts.more || null;
    this.floodEl = opts.flood || null;
    this.flood = DEFAULT_FLOOD; // the hub's Hub:Wall settings once signed in (setFlood)
    this.list.dataset.showing = 'alarm';
    this.tabs = opts.tabs ? [...opts.tabs.querySelectorAll('[data-list]')] : [];
    for (const tab of this.tabs) tab.addEventListener('click', () => this.show(tab.dataset.list));
    this.groups = new Map(); // key → { el, title, buttons, expanded, members }
    list.addEventListener('click', (e) => {
      const groupButton = e.target.closest('button[data-group-action]');
      if (groupButton) {
        const group = this.groups.get(groupButton.closest('[data-testid="alert-group"]')?.dataset.group);
        if (!group) return;
        if (groupButton.dataset.groupAction === 'toggle') {
          group.expanded = !group.expanded;
          this.order();
        } else {
          this.opts.onGroup?.(groupButton.dataset.groupAction, group.members.map((i) => i.data), groupButton);
        }
        return;
      }
      const button = e.target.closest('button[data-action]');
      if (!button || button.disabled) return;
      const el = button.closest('[data-testid="alert"]');
      const item = el && this.items.get(el.dataset.alertId);
      if (item) this.opts.onAction(button.dataset.action, item.data, button);
    });
  }

  reset(code) {
    this.code = code;
    this.gen++;
    this.items.clear();
    this.loadedOnce = false;
    this.failed = false;
    this.failText = null;
    this.activeTotal = null;
    clearTimeout(this.refreshTimer);
    this.list.replaceChildren();
    this.paintPlaceholder();
    this.paintCount();
  }

  /**
   * Stops loading until the next reset: signed out, or the unit is outside the user's scope (then
   * `text` says so in place of the list instead of "loading" for ever).
   */
  stop(text = null) {
    this.code = null;
    this.gen++;
    clearTimeout(this.refreshTimer);
    if (!text) return;
    this.items.clear();
    this.list.replaceChildren();
    this.loadedOnce = false;
    this.failed = true;
    this.failText = text;
    this.paintPlaceholder();
    this.paintCount();
  }

  /**
   * Who acts from this screen: an officer or admin runs the loop; a department's user (`department`)
   * reports in and finishes their part; anyone else (and a kiosk) gets no buttons at all: a viewer is
   * not shown what they may not do.
   */
  /** The hub's settings for folding and the flood banner (auth/me's `wall`); the defaults when absent. */
  setFlood(wall) {
    this.flood = { ...DEFAULT_FLOOD, ...(wall || {}) };
  }

  setActor(canAct, department = null, canSupervise = false) {
    if (this.canAct === canAct && this.department === department && this.canSupervise === canSupervise) return;
    this.canAct = canAct;
    this.department = department;
    this.canSupervise = canSupervise;
    for (const item of this.items.values()) {
      item.actionsFor = null;
      this.paintActions(item);
    }
  }

  setActiveTotal(n) {
    this.activeTotal = n;
    this.paintCount();
  }

  /** Loads the active list and merges it in. Safe to call any time. */
  async refresh() {
    const code = this.code;
    const gen = this.gen;
    if (!code) return;
    const started = performance.now();
    const seq = ++this.seq;
    const res = await this.opts.load(code);
    if (gen !== this.gen) return; // the page moved on
    if (seq < this.appliedSeq) return; // a newer list was already merged
    this.appliedSeq = seq;
    if (!res.ok || !Array.isArray(res.body?.items)) {
      this.failed = !this.loadedOnce;
      this.paintPlaceholder();
      return;
    }
    this.failed = false;
    this.loadedOnce = true;
    this.merge(res.body.items, started);
  }

  /** Asks for a refresh soon (debounced): after escalations, dispatches, raises without handleUsed. */
  refreshSoon(ms = 1200) {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), ms);
  }

  merge(views, started) {
    const fresh = new Set();
    for (const v of views) {
      fresh.add(v.id);
      const item = this.items.get(v.id);
      if (item) {
        if (item.leaving) continue;
        item.data = { ...item.data, ...v };
        this.paint(item);
      } else {
        this.insert(v, false);
      }
    }
    for (const item of this.items.values()) {
      if (fresh.has(item.data.id) || item.leaving) continue;
      if (item.insertedAt > started) continue; // arrived by event while the list was on its way
      // no longer active (or beyond the list's limit): let it go
      this.leave(item, OPEN_STATES.has(item.data.state) ? 0 : DONE_SHOW_MS);
    }
    this.order();
    this.paintPlaceholder();
    this.paintCount();
  }

  /** Applies hub events (already filtered to this subtree by the caller or here). */
  applyEvents(events) {
    let needRefresh = false;
    let changed = false;
    for (const e of events) {
      if (!e || !Array.isArray(e.path)) continue;
      if (this.opts.matches ? !this.opts.matches(e) : !e.path.includes(this.code)) continue;
      const item = this.items.get(e.alertId);
      if (e.kind === 'raised') {
        if (!item) {
          this.insert(
            {
              id: e.alertId, unit: e.unit, path: e.path, pathNames: e.pathNames, severity: e.severity,
              category: e.category, title: e.title, state: e.state, at: e.at, lastAt: e.at,
              occurrences: 1, active: true, cleared: false, escalatedTo: null, assignee: null,
              lastBy: e.by, handleUsed: null, handleDeadline: null,
            },
            true,
          );
          changed = true;
          needRefresh = true; // to learn handleUsed / handleDeadline
        }
        continue;
      }
      if (!item) {
        if (OPEN_STATES.has(e.state)) needRefresh = true;
        continue;
      }
      if (item.leaving) continue;
      const d = item.data;
      switch (e.kind) {
        case 'merged':
          d.occurrences = (d.occurrences || 1) + 1;
          d.lastAt = e.at;
          break;
        case 'cleared':
          d.cleared = true;
          break;
        case 'escalated':
          d.escalatedFlag = true;
          needRefresh = true;
          break;
        default:
          needRefresh = true; // to learn the stage, its clock and card, the assignee, the parts
          break;
      }
      if (e.state) d.state = e.state;
      if (e.by) d.lastBy = e.by;
      if (!ACTIVE_STATES.has(e.state)) d.active = false;
      this.paint(item);
      if (!OPEN_STATES.has(d.state)) this.leave(item, DONE_SHOW_MS);
      changed = true;
    }
    if (changed) {
      this.order();
      this.paintPlaceholder();
      this.paintCount();
    }
    if (needRefresh) this.refreshSoon();
  }

  /** An alert view returned by an action: show it at once. */
  applyAlert(view) {
    if (!view?.id) return;
    const item = this.items.get(view.id);
    if (!item || item.leaving) return;
    item.data = { ...item.data, ...view };
    this.paint(item);
    if (!OPEN_STATES.has(item.data.state)) this.leave(item, DONE_SHOW_MS);
    this.paintCount();
  }

  insert(view, isNew) {
    const item = { data: { ...view }, el: null, parts: null, leaving: false, insertedAt: performance.now() };
    this.build(item);
    this.items.set(view.id, item);
    this.paint(item);
    if (isNew) item.el.classList.add('is-new');
    return item;
  }

  leave(item, afterMs) {
    if (item.leaving) return;
    item.leaving = true;
    item.el.classList.add('is-done');
    this.paintActions(item);
    setTimeout(() => {
      item.el.classList.add('is-leaving');
      setTimeout(() => {
        item.el.remove();
        if (this.items.get(item.data.id) === item) this.items.delete(item.data.id);
        if (this.groups.size) this.order(); // a group that lost a member says so
        this.paintPlaceholder();
        this.paintCount();
      }, FADE_MS);
    }, afterMs);
  }

  /**
   * Most important first, as an alarm display orders (and the API's sort=importance): not yet
   * accepted, then accepted, then waiting for 核查/结案; within each, past its limit first; then
   * severity; then newest. DOM moved only where needed.
   */
  order() {
    const sorted = [...this.items.values()].sort((a, b) => compareImportance(a.data, b.data));
    // floods folded: a group's row stands where its most important member would, its members after it
    const found = groupsOf(sorted, this.code, (d) => OPEN_STATES.has(d.state), this.flood.foldAt);
    for (const [key, group] of this.groups) {
      if (!found.has(key)) {
        group.el.remove();
        this.groups.delete(key);
      }
    }
    const inGroup = new Map();
    for (const [key, g] of found) {
      const group = this.groups.get(key) ?? this.makeGroup(g);
      group.members = g.members;
      this.groups.set(key, group);
      this.paintGroup(group);
      for (const m of g.members) inGroup.set(m, group);
    }
    const sequence = [];
    const placed = new Set();
    for (const item of sorted) {
      const group = inGroup.get(item);
      if (!group) {
        delete item.el.dataset.folded;
        sequence.push(item.el);
      } else if (!placed.has(group)) {
        placed.add(group);
        sequence.push(group.el);
        for (const m of group.members) {
          m.el.dataset.folded = group.expanded ? 'false' : 'true';
          sequence.push(m.el);
        }
      }
    }
    let cursor = this.list.firstElementChild;
    if (cursor === this.placeholder) cursor = cursor.nextElementSibling;
    for (const el of sequence) {
      if (el === cursor) {
        cursor = cursor.nextElementSibling;
      } else {
        this.list.insertBefore(el, cursor);
      }
    }
    // keep the DOM bounded
    const extra = sorted.slice(FEED_LIMIT + 20);
    for (const item of extra) {
      item.el.remove();
      this.items.delete(item.data.id);
    }
    this.paintMore();
  }

  makeGroup(g) {
    const title = h('span', { class: 'group-title' });
    const buttons = h('div', { class: 'alert-actions' });
    const el = h('article', { class: 'alert alert-group', dataset: { testid: 'alert-group', group: g.key, list: g.list } }, h('div', { class: 'alert-rail' }), title, buttons);
    return { el, title, buttons, expanded: false, members: [], key: null };
  }

  /** "小店区 燃气 ×4，3 条超时", with 展开/收起 and, for who acts, 全部确认 while any waits for it. */
  paintGroup(group) {
    const members = group.members.map((m) => m.data);
    const first = members[0];
    const overdue = members.filter(isOverdue).length;
    const area = areaOf(first, this.code).name;
    setData(group.el, 'severity', first.severity);
    setData(group.el, 'overdue', overdue ? 'true' : 'false');
    setText(group.title, T.feed.group(area, T.category[first.category] || first.category, members.length, overdue));
    const key = `${this.canAct}:${group.expanded}:${members.some((d) => d.state === 'raised')}`;
    if (group.key === key) return;
    group.key = key;
    const buttons = [h('button', { type: 'button', class: 'act', dataset: { groupAction: 'toggle' }, text: group.expanded ? T.feed.fold : T.feed.unfold })];
    if (this.canAct && members.some((d) => d.state === 'raised')) {
      buttons.push(h('button', { type: 'button', class: 'act act-ack', dataset: { groupAction: 'ack' }, text: T.actions.ackAll }));
    }
    group.buttons.replaceChildren(...buttons);
  }

  /** Shows the alarms or the work items (工单). */
  show(list) {
    this.list.dataset.showing = list;
    for (const tab of this.tabs) tab.setAttribute('aria-selected', String(tab.dataset.list === list));
    this.paintCount();
  }

  /** "另有 N 条": how many cases of the list shown lie below what the panel shows (it never scrolls by itself). */
  paintMore() {
    if (!this.moreEl) return;
    const bottom = this.list.getBoundingClientRect().bottom;
    const showing = this.list.dataset.showing;
    const hidden = [...this.items.values()].filter((i) => !i.leaving && i.el.dataset.list === showing && i.el.getBoundingClientRect().bottom > bottom + 1).length;
    this.moreEl.hidden = hidden === 0;
    setText(this.moreEl, hidden ? T.feed.more(hidden) : '');
  }

  build(item) {
    const p = {};
    p.sev = h('span', { class: 'alert-sev' });
    p.time = h('span', { class: 'alert-time' });
    p.day = h('span', { class: 'alert-day' });
    p.title = h('span', { class: 'alert-title' });
    p.count = h('span', { class: 'alert-count' });
    p.place = h('span', { class: 'alert-place' });
    p.meta = h('span', { class: 'alert-meta' });
    p.light = h('span', { class: 'light', 'aria-hidden': 'true' });
    p.lightText = h('span', { class: 'light-text' });
    p.state = h('span', { class: 'alert-state' });
    p.stage = h('span', { class: 'alert-stage', dataset: { testid: 'stage' } });
    p.departments = h('div', { class: 'alert-parts', dataset: { testid: 'parts' } });
    p.actions = h('div', { class: 'alert-actions' });
    p.errorSlot = h('div', { class: 'alert-error-slot' });
    item.el = h(
      'article',
      { class: 'alert', dataset: { testid: 'alert', alertId: item.data.id } },
      h('div', { class: 'alert-rail' }),
      h('div', { class: 'alert-when' }, p.sev, p.time, p.day),
      h('div', { class: 'alert-body' }, h('div', { class: 'alert-line1' }, p.title, p.count), h('div', { class: 'alert-line2' }, p.place, p.meta), p.departments),
      h('div', { class: 'alert-status' }, p.state, p.stage, h('span', { class: 'alert-light' }, p.light, p.lightText)),
      p.actions,
      p.errorSlot,
    );
    item.parts = p;
    item.actionsFor = null;
  }

  paint(item) {
    const d = item.data;
    const p = item.parts;
    const el = item.el;
    setData(el, 'state', d.state);
    setData(el, 'severity', d.severity);
    // the traffic light follows the clock of the stage the case waits in (as the server last read
    // it), else the whole handling limit; its text keeps the handling deadline
    const stageUsed = OPEN_STATES.has(d.state) ? d.stage?.used : null;
    const light = stageUsed != null ? lightOf(stageUsed) : ACTIVE_STATES.has(d.state) ? lightOf(d.handleUsed) : 'none';
    setData(el, 'light', light);
    setData(el, 'overdue', isOverdue(d) ? 'true' : 'false');
    setData(el, 'list', listOf(d));
    setText(p.sev, T.severity[d.severity] || d.severity);
    setText(p.time, hms(d.at));
    setText(p.day, isToday(d.at) ? '' : monthDay(d.at));
    setText(p.title, d.title || T.category[d.category] || d.category || '');
    setText(p.count, d.occurrences > 1 ? T.feed.occurrences(d.occurrences) : '');
    setText(p.place, this.placeOf(d));
    setText(p.state, T.state[d.state] || d.state);
    p.light.title = T.feed.lightTitle[light];
    setText(p.lightText, this.deadlineText(d, light));
    this.paintStage(item);
    this.paintParts(item);
    const meta = [];
    if (d.assignee) meta.push(T.feed.assignee(d.assignee));
    if (d.escalatedTo) meta.push(T.feed.escalatedTo(this.nameOf(d, d.escalatedTo)));
    else if (d.escalatedFlag) meta.push(T.feed.escalated);
    if (d.cleared) meta.push(T.feed.cleared);
    setText(p.meta, meta.join(' · '));
    toggleClass(el, 'is-escalated', !!(d.escalatedTo || d.escalatedFlag));
    this.paintActions(item);
  }

  /** The steps this screen's viewer may take on the case now. */
  stepsOf(d) {
    if (this.department) {
      if (d.state !== 'dispatched') return [];
      const own = (d.parts || []).find((p) => p.department === this.department);
      return own?.state === 'waiting' ? ['report-in'] : own?.state === 'reported' ? ['part-done'] : [];
    }
    // 督办: a leader presses a late case on (one level up, to 红牌 at most)
    const supervise = this.canSupervise && isOverdue(d) && (d.stage?.supervision ?? 0) < 2 ? ['supervise'] : [];
    if (!this.canAct) return supervise;
    const steps = OFFICER_STEPS[d.state] || [];
    // a whistled case is finished by its departments, part by part
    return [...(d.state === 'dispatched' && d.parts?.length ? steps.filter((s) => s !== 'resolve') : steps), ...supervise];
  }

  paintActions(item) {
    const steps = item.leaving ? [] : this.stepsOf(item.data);
    const key = steps.join();
    if (item.actionsFor === key) return;
    item.actionsFor = key;
    item.parts.actions.replaceChildren(
      ...steps.map((action) => h('button', { type: 'button', class: `act act-${action}`, dataset: { action }, text: T.actions[action] })),
    );
  }

  /** 吹哨报到: each summoned department and where its part stands; a late report-in in red. */
  paintParts(item) {
    const parts = OPEN_STATES.has(item.data.state) ? item.data.parts || [] : [];
    const key = parts.map((p) => `${p.department}:${p.state}:${p.overdue}`).join();
    if (item.partsFor === key) return;
    item.partsFor = key;
    item.parts.departments.replaceChildren(
      ...parts.map((p) =>
        h('span', {
          class: 'part',
          dataset: { testid: 'part', department: p.department, state: p.state, overdue: p.overdue ? 'true' : 'false' },
          title: p.overdue ? T.feed.partLate : '',
          text: T.feed.partLine(p.name || p.department, T.feed.part[p.state] || p.state),
        }),
      ),
    );
  }

  /** Place below the current unit: 庙前街道 › 望湖社区 › 第3网格. */
  placeOf(d) {
    const names = d.pathNames || [];
    const at = (d.path || []).indexOf(this.code);
    const below = at >= 0 ? names.slice(at + 1) : names;
    return below.length ? below.join(T.sep) : T.feed.thisUnit;
  }

  nameOf(d, code) {
    const i = (d.path || []).indexOf(code);
    return i >= 0 && d.pathNames?.[i] ? d.pathNames[i] : code;
  }

  deadlineText(d, light) {
    if (light === 'none' || !d.handleDeadline) return '';
    const left = Date.parse(d.handleDeadline) - Date.now();
    if (Number.isNaN(left)) return '';
    return left >= 0 ? T.feed.remaining(duration(left)) : T.feed.overdue(duration(-left));
  }

  /** The stage chip: the stage's countdown, or how far past it, and the supervision card (督办). */
  paintStage(item) {
    const stage = OPEN_STATES.has(item.data.state) ? item.data.stage : null;
    setData(item.el, 'supervision', String(stage?.supervision ?? 0));
    if (!stage) {
      setText(item.parts.stage, '');
      return;
    }
    const name = T.feed.stage[stage.name] || stage.name;
    const left = stage.deadline ? Date.parse(stage.deadline) - Date.now() : Number.NaN;
    const clock = Number.isNaN(left) ? name : left >= 0 ? T.feed.stageLeft(name, duration(left)) : T.feed.stageOver(name, duration(-left));
    const card = T.feed.supervision[stage.supervision];
    setText(item.parts.stage, card ? `${card} · ${clock}` : clock);
  }

  /** Re-paints times that move with the clock (remaining handling time, the stage's countdown). */
  tick() {
    for (const item of this.items.values()) {
      const light = item.el.dataset.light;
      setText(item.parts.lightText, this.deadlineText(item.data, light));
      this.paintStage(item);
    }
  }

  /** Inline error inside an item (only one action error is ever on the page). */
  showError(id, message) {
    clearActionErrors();
    const item = this.items.get(id);
    if (!item) return;
    const err = h('div', { class: 'action-error', dataset: { testid: 'action-error' }, role: 'alert', text: message });
    item.parts.errorSlot.replaceChildren(err);
    item.el.classList.add('has-error');
    setTimeout(() => {
      if (err.isConnected) {
        err.remove();
        item.el.classList.remove('has-error');
      }
    }, 12000);
  }

  setPending(id, pending) {
    const item = this.items.get(id);
    if (!item) return;
    toggleClass(item.el, 'is-pending', pending);
    for (const b of item.parts.actions.querySelectorAll('button')) b.disabled = pending;
  }

  paintPlaceholder() {
    const visible = [...this.items.values()].some((i) => !i.leaving);
    let text = null;
    let sub = '';
    let kind = '';
    if (!this.loadedOnce) {
      text = this.failed ? this.failText || T.feed.loadFailed : T.feed.loading;
      kind = this.failed ? 'failed' : 'loading';
    } else if (!visible && this.items.size === 0) {
      text = T.feed.empty;
      sub = T.feed.emptySub;
      kind = 'empty';
    }
    if (text && this.items.size === 0) {
      this.placeholder.dataset.kind = kind;
      const parts = [h('div', { class: 'feed-empty-mark', 'aria-hidden': 'true' }), h('div', { class: 'feed-empty-title', text })];
      if (sub) parts.push(h('div', { class: 'feed-empty-sub', text: sub }));
      this.placeholder.replaceChildren(...parts);
      if (!this.placeholder.isConnected) this.list.prepend(this.placeholder);
    } else if (this.placeholder.isConnected) {
      this.placeholder.remove();
    }
  }

  paintCount() {
    this.paintMore();
    if (this.floodEl) {
      const lately = arrivedLately([...this.items.values()], this.flood.floodMinutes);
      this.floodEl.hidden = lately <= this.flood.floodCount;
      setText(this.floodEl, lately > this.flood.floodCount ? T.feed.flood(lately, this.flood.floodMinutes) : '');
    }
    for (const tab of this.tabs) {
      const n = [...this.items.values()].filter((i) => !i.leaving && listOf(i.data) === tab.dataset.list).length;
      setText(tab, T.feed.tabs[tab.dataset.list](n));
    }
    // the count is of active cases, as the status counts them; those waiting for 核查/结案 are extra
    const shown = [...this.items.values()].filter((i) => !i.leaving && ACTIVE_STATES.has(i.data.state)).length;
    const total = this.activeTotal ?? shown;
    setText(this.countEl, this.loadedOnce || this.activeTotal != null ? T.feed.count(shown, Math.max(total, shown)) : '');
  }
}

const SEVERITY_RANK = { critical: 0, major: 1, minor: 2, warning: 3 };

const DAY_MS = 24 * 3600 * 1000;

/**
 * Alarm or work item (工单): 提示 is work; so is 一般 when its handling limit runs over a day;
 * the rest are alarms.
 */
export function listOf(d) {
  if (d.severity === 'warning') return 'work';
  const limit = Date.parse(d.handleDeadline) - Date.parse(d.at);
  return d.severity === 'minor' && limit > DAY_MS ? 'work' : 'alarm';
}

/** Past its limit: the stage supervised, or the handling limit used up. */
export const isOverdue = (d) => ACTIVE_STATES.has(d.state) && ((d.stage?.supervision ?? 0) >= 1 || (d.handleUsed ?? 0) >= 1);

function importance(d) {
  return [
    d.state === 'raised' ? 0 : ACTIVE_STATES.has(d.state) ? 1 : 2,
    isOverdue(d) ? 0 : 1,
    SEVERITY_RANK[d.severity] ?? 4,
    -(Date.parse(d.at) || 0),
  ];
}

export function compareImportance(a, b) {
  const [x, y] = [importance(a), importance(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

export function clearActionErrors() {
  for (const el of document.querySelectorAll('[data-testid="action-error"]')) {
    el.closest('.alert')?.classList.remove('has-error');
    el.remove();
  }
}
