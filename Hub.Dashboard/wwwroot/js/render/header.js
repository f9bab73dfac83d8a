// Header: unit name, level, health badge, breadcrumb, clock, connection, data time.
import { T } from '../text.zh-CN.js';
import { h, setText, setData, $ } from '../dom.js';
import { clockText, hms, ago, DEFAULT_OFFSET_MINUTES } from '../format.js';

export class Header {
  constructor(root, { onNavigate }) {
    this.name = $('[data-testid="unit-name"]', root);
    this.level = $('#unit-level', root);
    this.health = $('[data-testid="health"]', root);
    this.healthText = $('.health-text', this.health);
    this.crumbs = $('[data-testid="breadcrumb"]', root);
    this.conn = $('[data-testid="connection"]', root);
    this.connText = $('.conn-text', this.conn);
    this.clockTime = $('#clock-time', root);
    this.clockDate = $('#clock-date', root);
    this.asOf = $('#as-of', root);
    this.sources = $('#sources', root);
    this.lastSources = null;
    this.skew = 0; // hub clock − browser clock, so that ages read the hub's time
    this.offset = DEFAULT_OFFSET_MINUTES; // the hub's offset, learnt from asOf
    this.lastAsOf = null;
    this.connState = 'connecting';
    this.crumbs.setAttribute('aria-label', T.header.breadcrumbLabel);
    this.crumbs.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-code]');
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      onNavigate(a.dataset.code);
    });
    this.tick();
    this.timer = setInterval(() => this.tick(), 1000);
  }

  tick() {
    const now = clockText(Date.now(), this.offset);
    setText(this.clockTime, now.time);
    setText(this.clockDate, now.date);
    this.paintSources();
  }

  /** 打卡 12 秒前 · 上报 3 分钟前: each source's age, ticking with the clock. */
  paintSources() {
    const sources = this.lastSources;
    if (!sources) return;
    const now = Date.now() + this.skew;
    const parts = Object.entries(T.header.sources).map(([key, label]) =>
      sources[key] ? T.header.sourceAge(label, ago(sources[key], now)) : T.header.sourceNever(label),
    );
    setText(this.sources, parts.join(' · '));
    for (const key of Object.keys(T.header.sources)) setData(this.sources, key, sources[key] || '');
  }

  /** While a unit loads: its code, name unknown yet. */
  loading(code, knownName) {
    setText(this.name, knownName || code);
    document.title = T.pageTitle(knownName || code);
  }

  status(s, offset) {
    if (offset != null) this.offset = offset;
    setText(this.name, s.name);
    document.title = T.pageTitle(s.name);
    setText(this.level, T.levels[s.level] || s.level);
    setData(this.level, 'level', s.level);
    setData(this.health, 'health', s.health);
    setText(this.healthText, T.health[s.health] || T.health.unknown);
    this.lastAsOf = s.asOf;
    const asOf = Date.parse(s.asOf);
    if (!Number.isNaN(asOf)) this.skew = asOf - Date.now();
    this.lastSources = s.sources || null;
    this.paintAsOf();
    this.paintSources();
  }

  paintAsOf() {
    if (!this.lastAsOf) return;
    const stale = this.connState !== 'connected';
    setText(this.asOf, stale ? T.header.stale(hms(this.lastAsOf)) : T.header.asOf(hms(this.lastAsOf)));
    this.asOf.classList.toggle('is-stale', stale);
  }

  /**
   * While a unit loads, a breadcrumb guessed from the one shown: going up cuts it, going down to a
   * child extends it. Unknown jumps keep nothing stale: just the unit.
   */
  guessBreadcrumb(code, name, level) {
    const chain = this.chain || [];
    const at = chain.findIndex((u) => u.code === code);
    if (at >= 0) return this.paintCrumbs(chain.slice(0, at + 1), false);
    if (name && chain.length) return this.paintCrumbs([...chain, { code, name, level }], false);
    this.paintCrumbs(name ? [{ code, name, level }] : [], false);
  }

  /** Breadcrumb: ancestors (top first) as links, then the unit itself. */
  breadcrumb(ancestors, unit) {
    this.paintCrumbs([...(ancestors || []), unit].filter(Boolean), true);
  }

  paintCrumbs(all, known) {
    if (known) this.chain = all;
    const parts = [];
    all.forEach((u, i) => {
      if (i > 0) parts.push(h('span', { class: 'crumb-sep', 'aria-hidden': 'true', text: T.crumbSep }));
      const last = i === all.length - 1;
      const label = [h('span', { class: 'crumb-level', text: T.levels[u.level] || u.level }), h('span', { class: 'crumb-name', text: u.name })];
      parts.push(
        last
          ? h('span', { class: 'crumb crumb-current', 'aria-current': 'page', dataset: { level: u.level } }, ...label)
          : h('a', { class: 'crumb', href: `?unit=${encodeURIComponent(u.code)}`, dataset: { code: u.code, level: u.level } }, ...label),
      );
    });
    this.crumbs.replaceChildren(...parts);
  }

  connection(state) {
    this.connState = state;
    // connecting is shown as reconnecting to the tests' three states
    const wire = state === 'connected' ? 'connected' : state === 'offline' ? 'offline' : 'reconnecting';
    setData(this.conn, 'state', wire);
    setText(this.connText, T.connection[state] || T.connection[wire]);
    this.paintAsOf();
  }
}
