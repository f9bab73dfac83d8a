// The small in-page dialog for every step of the loop that asks for more than a click: 派遣
// (assignee and/or departments to whistle), 办结, 不予立案, 核查, 结案 with 评价, and a department's
// 报到 and 办结. Each mode says which fields it shows and which are required.
import { T } from '../text.zh-CN.js';
import { h, setText, $ } from '../dom.js';
import { clearActionErrors } from './feed.js';

/** What each step asks: the title, the fields shown, and what must be filled. */
const MODES = {
  dispatch: { title: T.actions.dispatchTitle, assignee: true, departments: true, note: T.actions.note },
  resolve: { title: T.actions.resolveTitle, note: T.actions.noteRequired, needNote: T.actions.needNote },
  reject: { title: T.actions.rejectTitle, note: T.actions.reason, needNote: T.actions.needReason },
  verify: { title: T.actions.verifyTitle, note: T.actions.note },
  rework: { title: T.actions.reworkTitle, note: T.actions.reworkNote, needNote: T.actions.needNote },
  close: { title: T.actions.closeTitle, score: true, note: T.actions.note },
  'report-in': { title: T.actions.reportInTitle, note: T.actions.note },
  'part-done': { title: T.actions.partDoneTitle, note: T.actions.noteRequired, needNote: T.actions.needNote },
  supervise: { title: T.actions.superviseTitle, note: T.actions.superviseNote, needNote: T.actions.needSuperviseNote },
};

export const DIALOG_ACTIONS = new Set(Object.keys(MODES));

export class ActionDialog {
  constructor(dialog) {
    this.dialog = dialog;
    this.form = $('form', dialog);
    this.title = $('#dlg-title', dialog);
    this.summary = $('#dlg-alert', dialog);
    this.photos = $('#dlg-photos', dialog);
    this.assigneeRow = $('#dlg-assignee-row', dialog);
    this.assignee = $('[name="assignee"]', dialog);
    this.departmentsRow = $('#dlg-departments-row', dialog);
    this.departments = $('#dlg-departments', dialog);
    this.scoreRow = $('#dlg-score-row', dialog);
    this.score = $('[name="score"]', dialog);
    this.note = $('[name="note"]', dialog);
    this.noteLabel = $('#dlg-note-label', dialog);
    this.workers = $('#dlg-workers', dialog);
    this.errorSlot = $('#dlg-error-slot', dialog);
    this.confirm = $('[data-action="confirm"]', dialog);
    this.cancel = $('[data-action="cancel"]', dialog);
    this.assignee.placeholder = T.actions.assigneePlaceholder;
    this.note.placeholder = T.actions.notePlaceholder;
    setText(this.cancel, T.actions.cancel);
    setText($('#dlg-assignee-label', dialog), T.actions.assignee);
    setText($('#dlg-departments-label', dialog), T.actions.departments);
    setText($('#dlg-score-label', dialog), T.actions.score);
    this.score.replaceChildren(
      h('option', { value: '', text: T.actions.scoreNone }),
      ...[5, 4, 3, 2, 1].map((n) => h('option', { value: String(n), text: T.actions.scores[n] })),
    );
    this.busy = false;
    this.current = null;
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.cancel.addEventListener('click', () => this.close());
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault(); // Esc: close through our own path
      this.close();
    });
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) this.close(); // click on the backdrop
    });
  }

  get isOpen() {
    return this.dialog.open;
  }

  /**
   * @param {string} action one of DIALOG_ACTIONS
   * @param {object} alert the alert's data (title, severity, pathNames…)
   * @param {{place:string, submit:(values)=>Promise<{ok:boolean,error?:string}>, workers?:Promise<string[]>,
   *          departments?:Promise<{code:string,name:string}[]>}} opts
   */
  open(action, alert, opts) {
    clearActionErrors();
    const mode = MODES[action];
    this.current = { action, alert, opts, mode };
    this.dialog.dataset.mode = action;
    setText(this.title, mode.title);
    this.summary.replaceChildren(
      h('span', { class: 'dlg-sev', dataset: { severity: alert.severity }, text: T.severity[alert.severity] || alert.severity }),
      h('span', { class: 'dlg-alert-title', text: alert.title || T.category[alert.category] || alert.category || '' }),
      h('span', { class: 'dlg-alert-place', text: opts.place || '' }),
    );
    // what the grid worker saw, and what the 核查 found: the case's photos
    this.photos.hidden = true;
    this.photos.replaceChildren();
    opts.photos?.then((list) => {
      if (this.current?.alert !== alert || !list.length) return;
      this.photos.replaceChildren(
        ...list.map((p) =>
          h('a', { class: 'dlg-photo', href: p.url, target: '_blank', rel: 'noopener', title: T.photos[p.kind] || '' },
            h('img', { src: p.url, alt: T.photos[p.kind] || '', loading: 'lazy' }))),
      );
      this.photos.hidden = false;
    });
    this.assigneeRow.hidden = !mode.assignee;
    this.assignee.value = mode.assignee ? alert.assignee || '' : '';
    this.departmentsRow.hidden = !mode.departments;
    this.departments.replaceChildren();
    this.scoreRow.hidden = !mode.score;
    this.score.value = '';
    this.note.value = '';
    setText(this.noteLabel, mode.note);
    this.workers.replaceChildren();
    if (mode.assignee && opts.workers) {
      opts.workers.then((names) => {
        if (this.current?.alert !== alert) return;
        this.workers.replaceChildren(...names.map((n) => h('option', { value: n })));
      });
    }
    if (mode.departments && opts.departments) {
      const summoned = new Set((alert.parts || []).map((p) => p.department));
      opts.departments.then((list) => {
        if (this.current?.alert !== alert) return;
        this.departments.replaceChildren(
          ...(list.length
            ? list.map((d) =>
                h(
                  'label',
                  { class: 'dlg-check', dataset: { testid: 'dispatch-department' } },
                  h('input', { type: 'checkbox', value: d.code, checked: summoned.has(d.code), disabled: summoned.has(d.code) }),
                  h('span', { text: d.name }),
                ),
              )
            : [h('span', { class: 'dlg-none', text: T.actions.noDepartments })]),
        );
      });
    }
    this.setBusy(false);
    if (!this.dialog.open) this.dialog.showModal();
    (mode.assignee ? this.assignee : this.note).focus();
  }

  /** force: close even while submitting (the session ended; the answer is no longer wanted). */
  close(force = false) {
    if (this.busy && !force) return;
    clearActionErrors();
    this.current = null;
    if (this.dialog.open) this.dialog.close();
  }

  setBusy(busy) {
    this.busy = busy;
    this.confirm.disabled = busy;
    this.cancel.disabled = busy;
    setText(this.confirm, busy ? T.actions.submitting : T.actions.confirm);
  }

  showError(message) {
    clearActionErrors();
    this.errorSlot.replaceChildren(h('div', { class: 'action-error', dataset: { testid: 'action-error' }, role: 'alert', text: message }));
  }

  async submit() {
    if (!this.current || this.busy) return;
    const { mode, opts } = this.current;
    const values = {
      assignee: this.assignee.value.trim(),
      // the departments newly chosen: those already summoned keep their part
      departments: [...this.departments.querySelectorAll('input:checked:not(:disabled)')].map((i) => i.value),
      note: this.note.value.trim(),
      score: Number.parseInt(this.score.value, 10) || null,
    };
    if (mode.assignee && !values.assignee && !values.departments.length) {
      this.showError(T.actions.needWho);
      this.assignee.focus();
      return;
    }
    if (mode.needNote && !values.note) {
      this.showError(mode.needNote);
      this.note.focus();
      return;
    }
    clearActionErrors();
    this.setBusy(true);
    let result;
    try {
      result = await opts.submit(values);
    } finally {
      this.setBusy(false);
    }
    if (result?.ok) this.close();
    else this.showError(result?.error || T.actions.network);
  }
}
