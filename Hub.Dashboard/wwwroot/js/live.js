// The live connection to /hubs/wall (SignalR, JSON protocol).
// - reconnects forever (every 2 s); after a reconnect or a fresh start it re-watches the current
//   unit and hands the fresh snapshot to onSnapshot;
// - when the connection is closed for good (initial start failed, or it gave up), it keeps trying
//   to start every few seconds, so a hub restart is survived without a page reload.

const RESTART_MS = 3000;

export class Live {
  /**
   * @param {{onStatus:Function, onAlerts:Function, onState:Function, onSnapshot:Function}} handlers
   *   onState(state) with state = connecting | connected | reconnecting | offline
   *   onSnapshot(status, code) after (re)subscribing to the current unit
   */
  constructor(handlers) {
    this.h = handlers;
    this.state = 'connecting';
    this.desired = null; // the unit the page shows
    this.watched = null; // the unit this connection watches on the server
    this.chain = Promise.resolve();
    this.restartTimer = 0;
    const { signalR } = window;
    if (!signalR) {
      this._set('offline');
      return;
    }
    this.conn = new signalR.HubConnectionBuilder()
      .withUrl('hubs/wall')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 2000 })
      .configureLogging(signalR.LogLevel.None)
      .build();
    this.conn.on('status', (s) => this.h.onStatus?.(s));
    this.conn.on('alerts', (events) => this.h.onAlerts?.(Array.isArray(events) ? events : [events]));
    this.conn.onreconnecting(() => {
      this.watched = null; // the server forgets a dropped connection's groups
      this._set('reconnecting');
    });
    this.conn.onreconnected(() => {
      this.watched = null;
      this._set('connected');
      this._resync();
    });
    this.conn.onclose(() => {
      this.watched = null;
      this._set('offline');
      this._scheduleStart();
    });
  }

  get connected() {
    return this.state === 'connected';
  }

  start() {
    if (this.conn) this._start();
  }

  async _start() {
    clearTimeout(this.restartTimer);
    if (this.conn.state !== 'Disconnected') return;
    try {
      await this.conn.start();
      this.watched = null;
      this._set('connected');
      this._resync();
    } catch {
      this._set('offline');
      this._scheduleStart();
    }
  }

  _scheduleStart() {
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => this._start(), RESTART_MS);
  }

  _set(state) {
    if (this.state === state) return;
    this.state = state;
    this.h.onState?.(state);
  }

  _resync() {
    if (this.desired) {
      const code = this.desired;
      this.watch(code).then(
        (status) => {
          if (status && code === this.desired) this.h.onSnapshot?.(status, code);
        },
        () => {
          /* an unknown unit: the page already says so */
        },
      );
    }
  }

  /**
   * Makes `code` the one watched unit: Unwatch the previous one, Watch this one.
   * Resolves to the status snapshot Watch returns (null when not connected or on failure);
   * rejects with { unknown: true } when the hub does not know the unit.
   */
  watch(code) {
    this.desired = code;
    const run = async () => {
      if (!this.connected || code !== this.desired) return null;
      const previous = this.watched;
      if (previous && previous !== code) {
        this.watched = null;
        try {
          await this.conn.invoke('Unwatch', previous);
        } catch {
          /* a dropped connection forgets its groups anyway */
        }
      }
      if (code !== this.desired || !this.connected) return null;
      try {
        const status = await this.conn.invoke('Watch', code);
        this.watched = code;
        return status;
      } catch (e) {
        const message = String(e?.message || '');
        if (/unknown unit/i.test(message)) throw Object.assign(new Error(message), { unknown: true });
        return null;
      }
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => null);
    return p;
  }

  /** Ack over the hub: { status, alert, detail } or null when the hub could not be asked. */
  async ack(alertId, note) {
    if (!this.connected) return null;
    try {
      return await this.conn.invoke('Ack', alertId, note || null);
    } catch {
      return null;
    }
  }
}
