// The live connection to /hubs/wall (SignalR, JSON protocol).
// - reconnects forever (every 2 s); after a reconnect or a fresh start it re-watches the current
//   unit and hands the fresh snapshot to onSnapshot;
// - when the connection is closed for good (initial start failed, or it gave up), it keeps trying
//   to start every few seconds, so a hub restart is survived without a page reload;
// - it starts only once signed in (the hub answers 401 otherwise) and stops on sign-out; a refused
//   start is handed to onStartFailed, which asks whether the session is over.

const RESTART_MS = 3000;
const REWATCH_MS = 2000; // a Watch that failed (hub busy, storage away) is tried again

/** The hub refused the session (negotiate answered 401): retrying will not help until sign-in. */
const isUnauthorized = (e) => e?.statusCode === 401 || /status code '401'/i.test(String(e?.message || ''));

export class Live {
  /**
   * @param {{onStatus:Function, onAlerts:Function, onState:Function, onSnapshot:Function}} handlers
   *   onState(state) with state = connecting | connected | reconnecting | offline
   *   onSnapshot(status, code) after (re)subscribing to the current unit
   *   onStartFailed(error) → Promise<boolean>: whether to keep trying (false once signed out)
   */
  constructor(handlers) {
    this.h = handlers;
    this.state = 'connecting';
    this.desired = null; // the unit the page shows
    this.watched = null; // the unit this connection watches on the server
    this.chain = Promise.resolve();
    this.restartTimer = 0;
    this.rewatchTimer = 0;
    this.stopped = true; // until start(): no connection before sign-in
    this.stopping = null; // a stop under way
    const { signalR } = window;
    if (!signalR) {
      this._set('offline');
      return;
    }
    this.conn = new signalR.HubConnectionBuilder()
      .withUrl('hubs/wall')
      // a reconnect refused with 401 gives up (null): the close then goes through _start, whose
      // onStartFailed shows sign-in instead of knocking every 2 s
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => (isUnauthorized(ctx.retryReason) ? null : 2000) })
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

  /** Connects (after sign-in), and keeps connected until stop(). */
  start() {
    if (!this.conn) return;
    this.stopped = false;
    this._set('connecting');
    this._start();
  }

  /** Disconnects (sign-out, session over) and stays so until the next start(). */
  async stop() {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.rewatchTimer);
    this.desired = null;
    this.watched = null;
    if (!this.conn) return;
    this.stopping = this.conn.stop().catch(() => {});
    await this.stopping;
  }

  async _start() {
    clearTimeout(this.restartTimer);
    await this.stopping; // a stop still under way must end before the connection can start again
    if (this.stopped || this.conn.state !== 'Disconnected') return;
    try {
      await this.conn.start();
      if (this.stopped) {
        this.stopping = this.conn.stop().catch(() => {}); // signed out while it was starting
        return;
      }
      this.watched = null;
      this._set('connected');
      this._resync();
    } catch (e) {
      this._set('offline');
      if (this.stopped) return;
      const again = (await this.h.onStartFailed?.(e)) !== false;
      if (again) this._scheduleStart();
    }
  }

  _scheduleStart() {
    clearTimeout(this.restartTimer);
    if (this.stopped) return;
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
          /* an unknown or forbidden unit: the page already says so */
        },
      );
    }
  }

  /**
   * Makes `code` the one watched unit: Unwatch the previous one, Watch this one.
   * Resolves to the status snapshot Watch returns (null when not connected or on failure);
   * rejects with { unknown: true } when the hub does not know the unit, { forbidden: true } when
   * the unit is outside the user's scope.
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
        if (/outside/i.test(message)) throw Object.assign(new Error(message), { forbidden: true });
        // Connected but not subscribed would look live and show nothing new: try again shortly.
        this._rewatchSoon();
        return null;
      }
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => null);
    return p;
  }

  _rewatchSoon() {
    clearTimeout(this.rewatchTimer);
    this.rewatchTimer = setTimeout(() => {
      if (this.connected && this.desired && this.watched !== this.desired) this._resync();
    }, REWATCH_MS);
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
