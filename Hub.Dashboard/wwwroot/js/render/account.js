// The header's user chip: who is signed in (name and role; the scope in its tooltip), opening the
// account dialog on a click, and 退出.
import { T } from '../text.zh-CN.js';
import { setText, $ } from '../dom.js';
import { roleName } from '../auth.js';

export class Account {
  /**
   * @param {HTMLElement} root the .account block of the header tools
   * @param {{onSignOut:()=>Promise<void>, onOpen:(who:string)=>void}} opts
   */
  constructor(root, { onSignOut, onOpen }) {
    this.root = root;
    this.chip = $('[data-testid="user"]', root);
    this.name = $('.user-name', root);
    this.role = $('.user-role', root);
    this.signOut = $('[data-testid="sign-out"]', root);
    this.who = '';
    this.chip.addEventListener('click', () => this.who && onOpen(this.who));
    setText(this.signOut, T.account.signOut);
    this.signOut.title = T.account.signOutTitle;
    this.signOut.addEventListener('click', async () => {
      if (this.signOut.disabled) return;
      this.signOut.disabled = true;
      try {
        await onSignOut();
      } finally {
        this.signOut.disabled = false;
      }
    });
  }

  show(me) {
    const role = roleName(me.role);
    setText(this.name, me.user);
    setText(this.role, role);
    this.chip.dataset.role = me.role;
    this.who = T.account.title(me.user, role, me.scope === '*' ? T.account.allScope : T.account.scope(me.scopeName || me.scope || ''));
    this.chip.title = T.account.chipTitle(this.who);
    this.root.hidden = false;
  }

  hide() {
    this.root.hidden = true;
  }
}
