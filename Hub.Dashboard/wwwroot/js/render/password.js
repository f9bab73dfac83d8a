// The account dialog, opened from the user chip: who is signed in, and changing one's own password.
// The hub answers a change with a new session and sets its cookie, so this screen simply goes on;
// every other session of the user ends, so other screens signed in as them ask to sign in again.
import { T } from '../text.zh-CN.js';
import { h, setText, $ } from '../dom.js';
import { api } from '../api.js';
import { retryAfterSeconds } from '../auth.js';

// the hub's password rule (it checks again; these only spare a round trip)
const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

export class PasswordDialog {
  /** @param {HTMLDialogElement} dialog the #password-dialog element */
  constructor(dialog) {
    this.dialog = dialog;
    this.form = $('form', dialog);
    this.who = $('#pwd-who', dialog);
    this.current = $('[name="current"]', dialog);
    this.next = $('[name="next"]', dialog);
    this.confirm = $('[name="confirm"]', dialog);
    this.error = $('[data-testid="password-error"]', dialog);
    this.submitButton = $('[data-action="confirm"]', dialog);
    this.cancelButton = $('[data-action="cancel"]', dialog);
    this.busy = false;
    this.setBusy(false);
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.cancelButton.addEventListener('click', () => this.close());
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault(); // Esc: close through our own path
      this.close();
    });
  }

  get isOpen() {
    return this.dialog.open;
  }

  /** @param {string} who the signed-in user as the chip describes them */
  open(who) {
    if (this.busy) {
      // a change is still under way: show it as it is rather than a form that could send a second one
      if (!this.dialog.open) this.dialog.showModal();
      return;
    }
    setText(this.who, who);
    this.done(false);
    this.clear();
    this.setBusy(false);
    if (!this.dialog.open) this.dialog.showModal();
    this.current.focus();
  }

  /** force: close even while submitting (the session ended; the answer is no longer wanted). */
  close(force = false) {
    if (this.busy && !force) return;
    this.clear();
    if (this.dialog.open) this.dialog.close();
  }

  /** After a change the dialog shows only its outcome and 关闭. */
  done(isDone) {
    this.dialog.dataset.state = isDone ? 'done' : 'form';
    setText(this.cancelButton, isDone ? T.password.close : T.password.cancel);
  }

  clear() {
    this.current.value = '';
    this.next.value = '';
    this.confirm.value = '';
    this.showError('');
  }

  setBusy(busy) {
    this.busy = busy;
    this.submitButton.disabled = busy;
    setText(this.submitButton, busy ? T.password.submitting : T.password.submit);
  }

  showError(text) {
    this.error.replaceChildren(...(text ? [h('div', { class: 'action-error', text })] : []));
  }

  /** What is wrong before asking the hub, and the field to go back to; null when nothing. */
  problem() {
    const [current, next, confirm] = [this.current.value, this.next.value, this.confirm.value];
    if (!current || !next || !confirm) return { text: T.password.needAll, field: !current ? this.current : !next ? this.next : this.confirm };
    if (next.length < MIN_LENGTH) return { text: T.password.tooShort(MIN_LENGTH), field: this.next };
    if (next.length > MAX_LENGTH) return { text: T.password.tooLong(MAX_LENGTH), field: this.next };
    if (next !== confirm) return { text: T.password.mismatch, field: this.confirm };
    if (next === current) return { text: T.password.same, field: this.next };
    return null;
  }

  async submit() {
    if (this.busy) return;
    const wrong = this.problem();
    if (wrong) {
      this.showError(wrong.text);
      wrong.field.focus();
      return;
    }
    this.showError('');
    this.setBusy(true);
    const res = await api.changePassword(this.current.value, this.next.value);
    this.setBusy(false);
    if (!this.dialog.open) return; // closed meanwhile: the session ended
    if (res.ok) {
      this.clear();
      this.done(true);
      this.error.replaceChildren(h('div', { class: 'pwd-done', 'data-testid': 'password-done', text: T.password.done }));
      this.cancelButton.focus();
      return;
    }
    this.showError(errorText(res));
    if (res.status === 403) {
      this.current.value = '';
      this.current.focus();
    }
  }
}

/** Our own words for a refused change (the server's detail is English and not for the wall). */
function errorText(res) {
  switch (res.status) {
    case 0:
      return T.password.network;
    case 403:
      return T.password.wrong;
    case 422:
      return T.password.tooShort(MIN_LENGTH);
    case 429: {
      const seconds = retryAfterSeconds(res.retryAfter);
      return seconds ? T.password.locked(seconds) : T.password.lockedNoTime;
    }
    default:
      return T.password.failed(res.status);
  }
}
