// KPI tiles: alert situation, alert severities, workers, today's patrol and handling rates.
import { T } from '../text.zh-CN.js';
import { setText, toggleClass, $ } from '../dom.js';
import { count, percentParts } from '../format.js';

const ids = [
  'active', 'unacknowledged', 'escalated', 'overdue', 'critical', 'major', 'minor', 'warning',
  'on-duty', 'workers', 'lost-contact', 'patrol-rate', 'handling-rate',
];

export class Kpis {
  constructor(root) {
    this.el = {};
    for (const id of ids) this.el[id] = $(`[data-testid="kpi-${id}"]`, root);
    this.patrolDetail = $('#patrol-detail', root);
    this.patrolTitle = $('#patrol-title', root);
    this.handlingDetail = $('#handling-detail', root);
    this.patrolBar = $('#patrol-bar', root);
    this.handlingBar = $('#handling-bar', root);
    this.checkins = $('#checkins-today', root);
    this.offPlace = $('#off-place', root);
    this.offPlace.title = T.kpi.offPlaceHint;
    this.previous = {};
  }

  status(s) {
    const a = s.alerts || {};
    const w = s.workers || {};
    const t = s.today || {};
    this.number('active', a.active);
    this.number('unacknowledged', a.unacknowledged, a.unacknowledged > 0 && 'is-warn');
    this.number('escalated', a.escalated, a.escalated > 0 && 'is-bad');
    this.number('overdue', a.overdue, a.overdue > 0 && 'is-bad');
    this.number('critical', a.critical);
    this.number('major', a.major);
    this.number('minor', a.minor);
    this.number('warning', a.warning);
    this.number('on-duty', w.onDuty);
    this.number('workers', w.total);
    this.number('lost-contact', w.lostContact, w.lostContact > 0 && 'is-bad');
    // 巡查率 by the plan: today's daily visits; where nothing is planned daily, this week's or this month's
    const patrol = t.patrolPlanned > 0 || !(t.week?.planned || t.month?.planned)
      ? { period: 'day', done: t.patrolled, planned: t.patrolPlanned ?? t.patrolTargets, rate: t.patrolRate }
      : t.week?.planned
        ? { period: 'week', ...t.week }
        : { period: 'month', ...t.month };
    setText(this.patrolTitle, T.kpi.patrolTitles[patrol.period]);
    this.rate('patrol-rate', patrol.rate, this.patrolBar);
    this.rate('handling-rate', t.handlingRate, this.handlingBar);
    setText(this.patrolDetail, T.kpi.patrolDetail(count(patrol.done), count(patrol.planned)));
    setText(this.handlingDetail, T.kpi.handlingDetail(count(t.handled), count(t.raised)));
    setText(this.checkins, T.kpi.checkins(count(t.checkins)));
    // patrols whose phone was far from the place they name (虚假打卡?): for a leader to look at
    this.offPlace.hidden = !(t.offPlacePatrols > 0);
    setText(this.offPlace, T.kpi.offPlace(count(t.offPlacePatrols || 0)));
    for (const sev of ['critical', 'major', 'minor', 'warning']) {
      toggleClass(this.el[sev].closest('.kpi'), 'is-zero', !a[sev]);
    }
  }

  number(id, value, alarmClass) {
    const el = this.el[id];
    const text = count(value);
    if (el.textContent !== text) {
      const before = this.previous[id];
      el.textContent = text;
      // a brief glow when a figure changes (not on the first paint)
      if (before != null && value != null && before !== value) {
        el.classList.remove('is-changed');
        void el.offsetWidth;
        el.classList.add('is-changed');
      }
    }
    this.previous[id] = value;
    const kpi = el.closest('.kpi');
    toggleClass(kpi, 'is-warn', alarmClass === 'is-warn');
    toggleClass(kpi, 'is-bad', alarmClass === 'is-bad');
  }

  rate(id, rate, bar) {
    const el = this.el[id];
    const { value, unit } = percentParts(rate);
    const valueEl = el.firstElementChild;
    const unitEl = el.lastElementChild;
    setText(valueEl, value);
    setText(unitEl, unit);
    const pct = rate == null ? 0 : Math.max(0, Math.min(1, rate));
    bar.style.setProperty('--p', String(pct));
    const card = el.closest('.kpi-card');
    card.dataset.level = rate == null ? 'none' : rate >= 0.9 ? 'good' : rate >= 0.6 ? 'fair' : 'poor';
  }
}
