// Left panel: children tiles coloured by health (click to drill down); for a building (no
// children) the building's own picture: last patrol, today's figures, devices.
import { T } from '../text.zh-CN.js';
import { h, setText, setData, toggleClass, replayClass, $ } from '../dom.js';
import { count, hms, monthDay, isToday, ago } from '../format.js';

const MIN_TILE_H_REM = 3.6;
const MIN_TILE_W_REM = 11;
const IDEAL_ASPECT = 1.55;

const HEALTH_RANK = { red: 4, orange: 3, yellow: 2, green: 1 };

/**
 * Tiles in the order of what needs eyes first: health (告急 first), then cases past their limit,
 * critical ones, unaccepted ones, active ones; the topology's order among equals.
 */
export function byStatus(kids) {
  const key = (c) => {
    const a = c.alerts || {};
    return [HEALTH_RANK[c.health] || 0, a.overdue || 0, a.critical || 0, a.unacknowledged || 0, a.active || 0];
  };
  return kids
    .map((c, i) => ({ c, i, k: key(c) }))
    .sort((x, y) => {
      for (let j = 0; j < x.k.length; j++) if (x.k[j] !== y.k[j]) return y.k[j] - x.k[j];
      return x.i - y.i;
    })
    .map((e) => e.c);
}

export class Children {
  /** onEnrol(worker): an officer asks for a worker's enrolment code (null: this user may not). */
  constructor(panel, { onPick, onEnrol }) {
    this.panel = panel;
    this.onEnrol = onEnrol || null;
    this.body = $('.panel-bd', panel);
    this.title = $('#children-title', panel);
    this.sub = $('#children-sub', panel);
    this.onPick = onPick;
    this.grid = h('div', { class: 'tiles' });
    this.extra = h('div', { class: 'children-extra' });
    this.detail = null;
    this.tiles = new Map();
    this.status = null;
    this.topo = null;
    this.mode = null;
    this.body.replaceChildren(this.grid, this.extra);
    setText(this.title, T.children.title);
    this.grid.addEventListener('click', (e) => {
      const tile = e.target.closest('[data-testid="child"]');
      if (tile) this.onPick(tile.dataset.code, tile.dataset.name, tile.dataset.level);
    });
    new ResizeObserver(() => this.layout()).observe(this.body);
  }

  /** A new unit is being entered: forget the old tiles. */
  reset() {
    this.status = null;
    this.topo = null;
    this.gridWorkers = null;
    this.tiles.clear();
    this.grid.replaceChildren();
    this.extra.replaceChildren();
    this.mode = null;
    setText(this.title, T.children.title);
    setText(this.sub, '');
  }

  setTopology(topo) {
    this.topo = topo;
    if (!this.status) return;
    if (this.mode !== 'building') this.render(this.status); // the tiles learn kinds and households
    if (this.mode === 'building') this.paintDevices();
    else this.renderExtras();
  }

  render(s) {
    this.status = s;
    const kids = s.children || [];
    const isLeaf = kids.length === 0;
    const mode = isLeaf && s.level === 'building' ? 'building' : 'tiles';
    if (mode !== this.mode) {
      this.mode = mode;
      this.body.classList.toggle('is-building', mode === 'building');
      if (mode === 'building') {
        this.detail = this.buildDetail();
        this.body.replaceChildren(this.detail.root);
        // the workers may have come before the building's status did
        if (this.gridWorkers) this.setGridWorkers(this.gridWorkers.code, this.gridWorkers.workers);
      } else {
        this.detail = null;
        this.body.replaceChildren(this.grid, this.extra);
      }
    }
    if (mode === 'building') {
      setText(this.title, T.building.title);
      setText(this.sub, '');
      this.paintDetail(s);
      return;
    }
    setText(this.title, T.children.title);
    const noun = T.levelNoun[kids[0]?.level] || '';
    setText(this.sub, kids.length ? T.children.count(kids.length, noun) : '');
    this.renderTiles(kids);
    this.renderExtras();
  }

  renderTiles(kids) {
    const seen = new Set();
    let previous = null;
    for (const c of byStatus(kids)) {
      seen.add(c.code);
      let tile = this.tiles.get(c.code);
      if (!tile) {
        tile = this.makeTile(c);
        this.tiles.set(c.code, tile);
      }
      this.paintTile(tile, c);
      const want = previous ? previous.root.nextSibling : this.grid.firstChild;
      if (want !== tile.root) this.grid.insertBefore(tile.root, want);
      previous = tile;
    }
    for (const [code, tile] of this.tiles) {
      if (!seen.has(code)) {
        tile.root.remove();
        this.tiles.delete(code);
      }
    }
    if (kids.length === 0) {
      this.grid.replaceChildren(h('div', { class: 'empty' }, h('div', { class: 'empty-title', text: T.children.none })));
    } else if (this.grid.querySelector('.empty')) {
      this.grid.querySelector('.empty').remove();
    }
    this.layout();
  }

  makeTile(c) {
    const t = {};
    t.name = h('span', { class: 'tile-name' });
    t.level = h('span', { class: 'tile-level' });
    t.health = h('span', { class: 'tile-health' });
    t.big = h('span', { class: 'tile-big' });
    t.unack = h('span', { class: 'stat-value' });
    t.critical = h('span', { class: 'stat-value' });
    t.duty = h('span', { class: 'stat-value' });
    t.dutyBar = h('span', { class: 'tile-duty-bar' });
    t.criticalStat = h('span', { class: 'stat stat-critical' }, h('span', { class: 'stat-label', text: T.children.critical }), t.critical);
    t.unackStat = h('span', { class: 'stat stat-unack' }, h('span', { class: 'stat-label', text: T.children.unacknowledged }), t.unack);
    t.overdue = h('span', { class: 'stat-value' });
    t.overdueStat = h('span', { class: 'stat stat-overdue', dataset: { testid: 'child-overdue' } }, h('span', { class: 'stat-label', text: T.children.overdue }), t.overdue);
    // the button is the size container; the inner grid rearranges itself when tiles get small
    t.root = h(
      'button',
      { type: 'button', class: 'tile', dataset: { testid: 'child' }, title: T.children.drill },
      h(
        'span',
        { class: 'tile-in' },
        h('span', { class: 'tile-head' }, h('span', { class: 'tile-title' }, t.name, t.level), t.health),
        h('span', { class: 'tile-main' }, t.big, h('span', { class: 'tile-big-label', text: T.children.active })),
        h(
          'span',
          { class: 'tile-stats' },
          t.unackStat,
          t.criticalStat,
          t.overdueStat,
          h('span', { class: 'stat stat-duty' }, h('span', { class: 'stat-label', text: T.children.onDuty }), t.duty),
        ),
        h('span', { class: 'tile-duty' }, t.dutyBar),
      ),
    );
    t.root.dataset.code = c.code;
    return t;
  }

  paintTile(t, c) {
    const a = c.alerts || {};
    const w = c.workers || {};
    const before = t.root.dataset.health;
    setData(t.root, 'health', c.health);
    setData(t.root, 'name', c.name);
    setData(t.root, 'level', c.level);
    setText(t.name, c.name);
    setText(t.level, this.levelText(c));
    setData(t.root, 'kind', this.specOf(c.code)?.kind || '');
    setText(t.health, T.health[c.health] || T.health.unknown);
    setText(t.big, count(a.active));
    setText(t.unack, count(a.unacknowledged));
    setText(t.critical, count(a.critical));
    setText(t.duty, `${count(w.onDuty)}/${count(w.total)}`);
    toggleClass(t.unackStat, 'is-on', a.unacknowledged > 0);
    toggleClass(t.criticalStat, 'is-on', a.critical > 0);
    setText(t.overdue, count(a.overdue ?? 0));
    toggleClass(t.overdueStat, 'is-on', a.overdue > 0);
    toggleClass(t.root, 'has-critical', a.critical > 0);
    toggleClass(t.root, 'no-workers', !w.total);
    t.dutyBar.style.setProperty('--p', String(w.total ? Math.min(1, (w.onDuty || 0) / w.total) : 0));
    if (before && before !== c.health) replayClass(t.root, 'is-flash');
  }

  /** The unit as the topology gives it (kind, category, households), once loaded. */
  specOf(code) {
    return this.topo?.children?.find((u) => u.code === code) || null;
  }

  /** 网格, 专属网格 · 学校, 微网格 · 42 户, … */
  levelText(c) {
    const spec = this.specOf(c.code);
    if (spec?.kind === 'dedicated') return T.gridKind.dedicated(spec.category);
    if (spec?.households != null) return `${T.levels[c.level] || ''} · ${T.gridKind.households(spec.households)}`;
    return T.levels[c.level] || '';
  }

  /**
   * Chooses the number of columns so tiles are wide rather than tall and fill the panel without
   * scrolling when possible (tiles turn compact below ~6.5rem high); every tile is of one size.
   */
  layout() {
    const n = this.tiles.size;
    if (!n || this.mode !== 'tiles') return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const gap = 0.75 * rem;
    const W = this.grid.clientWidth;
    const H = this.grid.clientHeight; // flex: 1 in the panel body: the room left under the extras
    if (W <= 0 || H <= 0) return;
    let best = { cols: 1, score: Infinity, rowH: H };
    for (let cols = 1; cols <= Math.min(n, 10); cols++) {
      const rows = Math.ceil(n / cols);
      const w = (W - gap * (cols - 1)) / cols;
      let rowH = (H - gap * (rows - 1)) / rows;
      let penalty = 0;
      if (w < MIN_TILE_W_REM * rem) penalty += 3; // names would not fit
      if (rowH < MIN_TILE_H_REM * rem) {
        rowH = MIN_TILE_H_REM * rem;
        penalty += 1.5; // needs scrolling
      }
      const uneven = (cols * rows - n) / cols; // share of the last row left empty
      const score = Math.abs(Math.log(w / rowH / IDEAL_ASPECT)) + penalty + uneven * 0.25;
      if (score < best.score) best = { cols, score, rowH };
    }
    this.grid.style.setProperty('--cols', String(best.cols));
    this.grid.style.setProperty('--row-h', `${Math.floor(best.rowH)}px`);
  }

  /** Under a grid's tiles: its workers and its last patrol. */
  renderExtras() {
    const s = this.status;
    if (!s || this.mode !== 'tiles') return;
    const parts = [];
    if (s.level === 'grid') {
      const workers = this.topo?.unit?.code === s.code ? this.topo.workers || [] : null;
      if (workers) {
        parts.push(
          h(
            'div',
            { class: 'extra-block extra-workers' },
            h('span', { class: 'extra-label', text: T.children.workersOfGrid + T.colon }),
            workers.length
              ? workers.map((w) =>
                  h('span', { class: 'worker-chip' },
                    h('span', { class: 'worker-name', text: w.name }),
                    h('span', { class: 'worker-role', text: T.children.role[w.role] || '' }),
                    this.onEnrol?.canEnrol()
                      ? h('button', { type: 'button', class: 'worker-enrol', dataset: { testid: 'enrol-worker', worker: w.id }, text: T.enrolment.button, onclick: () => this.onEnrol.run(w) })
                      : null),
                )
              : h('span', { class: 'extra-muted', text: T.children.noWorkers }),
          ),
        );
      }
    }
    if ('lastPatrolAt' in s) parts.push(this.lastPatrolBlock(s.lastPatrolAt, 'extra-block extra-patrol'));
    const had = this.extra.childElementCount > 0;
    this.extra.replaceChildren(...parts);
    if (had !== parts.length > 0) this.layout();
  }

  lastPatrolBlock(iso, cls) {
    return h(
      'div',
      { class: cls },
      h('span', { class: 'extra-label', text: T.children.lastPatrol + T.colon }),
      iso
        ? [
            h('span', { class: 'last-patrol', dataset: { testid: 'last-patrol', at: iso }, text: timeOf(iso) }),
            h('span', { class: 'extra-muted last-patrol-ago', dataset: { at: iso }, text: T.children.ago(ago(iso)) }),
          ]
        : h('span', { class: 'last-patrol extra-muted', dataset: { testid: 'last-patrol' }, text: T.children.neverPatrolled }),
    );
  }

  buildDetail() {
    const d = {};
    d.lastPatrol = h('div', { class: 'bd-patrol-time', dataset: { testid: 'last-patrol' } });
    d.lastPatrolAgo = h('div', { class: 'bd-patrol-ago' });
    d.patrolState = h('div', { class: 'bd-patrol-state' });
    d.checkins = h('div', { class: 'bd-num' });
    d.active = h('div', { class: 'bd-num' });
    d.devices = h('div', { class: 'bd-devices' });
    d.workers = h('div', { class: 'bd-workers' });
    d.workersWrap = h('div', { class: 'bd-workers-wrap', hidden: true }, h('div', { class: 'bd-label', text: T.building.gridWorkers }), d.workers);
    d.root = h(
      'div',
      { class: 'building' },
      h('div', { class: 'bd-hero' }, h('div', { class: 'bd-label', text: T.building.lastPatrol }), d.lastPatrol, d.lastPatrolAgo, d.patrolState),
      h(
        'div',
        { class: 'bd-figures' },
        h('div', { class: 'bd-figure' }, h('div', { class: 'bd-label', text: T.building.alertsNow }), d.active),
        h('div', { class: 'bd-figure' }, h('div', { class: 'bd-label', text: T.building.checkinsToday }), d.checkins),
      ),
      h('div', { class: 'bd-devices-wrap' }, d.workersWrap, h('div', { class: 'bd-label', text: T.building.devices }), d.devices),
    );
    return d;
  }

  paintDetail(s) {
    const d = this.detail;
    const iso = s.lastPatrolAt;
    setText(d.lastPatrol, iso ? timeOf(iso) : T.children.neverPatrolled);
    d.lastPatrol.dataset.at = iso || '';
    d.lastPatrolAgo.dataset.at = iso || '';
    setText(d.lastPatrolAgo, iso ? ago(iso) : '');
    const patrolled = (s.today?.patrolled || 0) > 0;
    setText(d.patrolState, patrolled ? T.building.patrolledToday : T.building.notPatrolledToday);
    setData(d.patrolState, 'ok', patrolled);
    setText(d.checkins, count(s.today?.checkins));
    setText(d.active, count(s.alerts?.active));
    toggleClass(d.active, 'is-bad', (s.alerts?.active || 0) > 0);
    this.paintDevices();
  }

  paintDevices() {
    const d = this.detail;
    if (!d) return;
    const devices = this.topo?.unit?.code === this.status?.code ? this.topo.devices || [] : null;
    if (!devices) return d.devices.replaceChildren();
    d.devices.replaceChildren(
      ...(devices.length
        ? devices.map((v) =>
            h(
              'div',
              { class: 'device', dataset: { kind: v.kind } },
              h('span', { class: 'device-kind', text: T.building.deviceKind[v.kind] || v.kind }),
              h('span', { class: 'device-id', text: v.id }),
              v.center ? h('span', { class: 'device-center', text: T.building.center(v.center) }) : null,
            ),
          )
        : [h('div', { class: 'extra-muted', text: T.building.noDevices })]),
    );
  }

  /** For a building: the workers of its grid (from the grid's topology). */
  setGridWorkers(buildingCode, workers) {
    this.gridWorkers = { code: buildingCode, workers };
    const d = this.detail;
    if (!d || this.status?.code !== buildingCode) return;
    d.workersWrap.hidden = !workers.length;
    d.workers.replaceChildren(
      ...workers.map((w) =>
        h('span', { class: 'worker-chip' }, h('span', { class: 'worker-name', text: w.name }), h('span', { class: 'worker-role', text: T.children.role[w.role] || '' })),
      ),
    );
  }

  /** Refreshes the "12 分钟前" texts. */
  refreshTimes() {
    for (const el of this.body.querySelectorAll('.last-patrol-ago[data-at]')) setText(el, T.children.ago(ago(el.dataset.at)));
    if (this.detail && this.detail.lastPatrolAgo.dataset.at) setText(this.detail.lastPatrolAgo, ago(this.detail.lastPatrolAgo.dataset.at));
  }
}

function timeOf(iso) {
  return isToday(iso) ? hms(iso) : `${monthDay(iso)} ${hms(iso)}`;
}
