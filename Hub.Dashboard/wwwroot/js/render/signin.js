// The sign-in screen: static markup in index.html, shown when auth/me answers 401 at start or the
// session ends later (a 401 anywhere, or 退出). The answer sets an HttpOnly session cookie that
// fetch and the hub's WebSocket then send by themselves; the token in the body is not kept.
import { T } from '../text.zh-CN.js';
import { setText, $ } from '../dom.js';
import { api } from '../api.js';
import { isSession, retryAfterSeconds } from '../auth.js';

export class SignIn {
  /**
   * @param {HTMLElement} root the [data-testid=sign-in] container
   * @param {{onSignedIn:(me)=>void}} opts onSignedIn gets the auth/me-shaped answer
   */
  constructor(root, { onSignedIn }) {
    this.root = root;
    this.form = $('form', root);
    this.user = $('[data-testid="sign-in-user"]', root);
    this.password = $('[data-testid="sign-in-password"]', root);
    this.submitButton = $('[data-testid="sign-in-submit"]', root);
    this.error = $('[data-testid="sign-in-error"]', root);
    this.note = $('.signin-note', root);
    this.onSignedIn = onSignedIn;
    this.busy = false;
    this.setBusy(false);
    // Enter in either field submits the form; the page never navigates
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
  }

  get shown() {
    return !this.root.hidden;
  }

  /**
   * @param {{note?:string|null, user?:string}} opts note: why it is shown (session expired, signed
   *   out); user: the name to put in the field ('' clears it; left out, the field stays as it is)
   */
  show({ note = null, user } = {}) {
    setText(this.note, note || '');
    this.showError('');
    this.password.value = '';
    if (user !== undefined) this.user.value = user || '';
    this.setBusy(false);
    this.root.hidden = false;
    (this.user.value ? this.password : this.user).focus();
  }

  hide() {
    this.root.hidden = true;
    this.password.value = '';
    this.showError('');
  }

  setBusy(busy) {
    this.busy = busy;
    this.submitButton.disabled = busy;
    this.root.setAttribute('aria-busy', String(busy));
    setText(this.submitButton, busy ? T.signIn.submitting : T.signIn.submit);
  }

  showError(text) {
    setText(this.error, text);
  }

  async submit() {
    if (this.busy) return;
    const user = this.user.value.trim();
    const password = this.password.value;
    if (!user || !password) {
      this.showError(!user && !password ? T.signIn.needBoth : !user ? T.signIn.needUser : T.signIn.needPassword);
      (user ? this.password : this.user).focus();
      return;
    }
    this.showError('');
    this.setBusy(true);
    let res = await api.login(user, password);
    if (res.ok && !isSession(res.body)) res = await api.me(); // the cookie is set: ask who it is
    this.setBusy(false);
    if (res.ok && isSession(res.body)) {
      this.password.value = '';
      this.onSignedIn(res.body);
      return;
    }
    this.showError(errorText(res));
    if (res.status === 401) {
      this.password.value = '';
      this.password.focus();
    }
  }
}

/** Our own words for a refused sign-in (the server's detail is English and not for the wall). */
function errorText(res) {
  switch (res.status) {
    case 0:
      return T.signIn.network;
    case 400:
    case 422:
      return T.signIn.needBoth;
    case 401:
      return T.signIn.wrong;
    case 429: {
      const seconds = retryAfterSeconds(res.retryAfter);
      return seconds ? T.signIn.locked(seconds) : T.signIn.lockedNoTime;
    }
    case 502:
    case 503:
    case 504:
      return T.signIn.unavailable;
    default:
      return T.signIn.failed(res.status);
  }
}
