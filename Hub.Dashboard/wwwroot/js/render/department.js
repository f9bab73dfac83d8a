// A department's wall (吹哨报到): its name, and this month's standing among the departments serving
// the same unit — rank, score, report-in and handling on time, cases.
import { T } from '../text.zh-CN.js';
import { h, setText, $ } from '../dom.js';
import { api } from '../api.js';
import { percentParts } from '../format.js';

const REFRESH_MS = 5 * 60000;

const rate = (r) => {
  const { value, unit } = percentParts(r);
  return `${value}${unit}`;
};

export class Department {
  constructor(root) {
    this.root = root;
    this.name = $('.department-name', root);
    this.figures = $('.department-figures', root);
    this.code = null;
    this.gen = 0;
    setInterval(() => this.code && this.load(), REFRESH_MS);
  }

  show(me) {
    this.code = me?.department || null;
    this.gen++;
    this.root.hidden = !this.code;
    if (!this.code) return;
    setText(this.name, T.department.title(me.departmentName || me.department));
    this.figures.replaceChildren();
    this.load();
  }

  /** The figures follow the department's own steps: read again shortly after one (history lags a moment). */
  refreshSoon(ms = 2000) {
    clearTimeout(this.timer);
    if (this.code) this.timer = setTimeout(() => this.load(), ms);
  }

  async load() {
    const { code, gen } = this;
    const res = await api.departmentAssessment(code);
    if (gen !== this.gen || !res.ok) return;
    const d = res.body.department;
    const count = res.body.among ?? res.body.items?.length ?? 1;
    this.figures.replaceChildren(
      h('div', { class: 'dept-rank', dataset: { testid: 'department-rank' }, text: d.rank != null ? T.department.rank(d.rank, count) : T.department.unranked }),
      h('div', { class: 'dept-figure', text: T.department.score(d.score ?? T.none) }),
      h('div', { class: 'dept-figure', text: T.department.cases(d.cases) }),
      h('div', { class: 'dept-figure', text: T.department.reportIn(rate(d.reportIn?.onTimeRate)) }),
      h('div', { class: 'dept-figure', text: T.department.handle(rate(d.handle?.onTimeRate)) }),
    );
  }
}
