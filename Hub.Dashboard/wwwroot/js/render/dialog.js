// The small in-page dialog for 派遣 (assignee + note) and 办结 (note required).
import { T } from '../text.zh-CN.js';
import { h, setText, $ } from '../dom.js';
import { clearActionErrors } from './feed.js';

export class ActionDialog {
  constructor(dialog) {
    this.dialog = dialog;
    this.form = $('form', dialog);
    this.title = $('#dlg-title', dialog);
    this.summary = $('#dlg-alert', dialog);
    this.assigneeRow = $('#dlg-assignee-row', dialog);
    this.assignee = $('[name="assignee"]', dialog);
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
   * @param {'dispatch'|'resolve'} action
   * @param {object} alert the alert's data (title, severity, pathNames…)
   * @param {{place:string, submit:(values)=>Promise<{ok:boolean,error?:string}>, workers?:Promise<string[]>}} opts
   */
  open(action, alert, opts) {
    clearActionErrors();
    this.current = { action, alert, opts };
    const dispatch = action === 'dispatch';
    this.dialog.dataset.mode = action;
    setText(this.title, dispatch ? T.actions.dispatchTitle : T.actions.resolveTitle);
    this.summary.replaceChildren(
      h('span', { class: 'dlg-sev', dataset: { severity: alert.severity }, text: T.severity[alert.severity] || alert.severity }),
      h('span', { class: 'dlg-alert-title', text: alert.title || T.category[alert.category] || alert.category || '' }),
      h('span', { class: 'dlg-alert-place', text: opts.place || '' }),
    );
    this.assigneeRow.hidden = !dispatch;
    this.assignee.required = dispatch;
    this.assignee.value = dispatch ? alert.assignee || '' : '';
    this.note.value = '';
    this.note.required = !dispatch;
    setText(this.noteLabel, dispatch ? T.actions.note : T.actions.noteRequired);
    this.workers.replaceChildren();
    if (dispatch && opts.workers) {
      opts.workers.then((names) => {
        if (this.current?.alert !== alert) return;
        this.workers.replaceChildren(...names.map((n) => h('option', { value: n })));
      });
    }
    this.setBusy(false);
    if (!this.dialog.open) this.dialog.showModal();
    (dispatch ? this.assignee : this.note).focus();
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
    const { action, opts } = this.current;
    const assignee = this.assignee.value.trim();
    const note = this.note.value.trim();
    if (action === 'dispatch' && !assignee) {
      this.showError(T.actions.needAssignee);
      this.assignee.focus();
      return;
    }
    if (action === 'resolve' && !note) {
      this.showError(T.actions.needNote);
      this.note.focus();
      return;
    }
    clearActionErrors();
    this.setBusy(true);
    let result;
    try {
      result = await opts.submit({ assignee, note });
    } finally {
      this.setBusy(false);
    }
    if (result?.ok) this.close();
    else this.showError(result?.error || T.actions.network);
  }
}
