using Hub.Grains.Access;
using Hub.Grains.Duty;
using Hub.Grains.History;
using Hub.Grains.Localization;
using Hub.Grains.Model;
using Hub.Grains.Push;
using Hub.Grains.Storage;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Hub.Grains.Units;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Alerts;

/// <summary>
/// One alert and its audit trail. Its grain serialises every action on it, which is what makes
/// "two officers ack at once: exactly one wins" hold across the whole cluster.
/// </summary>
public sealed class AlertGrain(
    [PersistentState("alert", HubStorage.Name)] IPersistentState<AlertGrainState> state,
    IAlertJournal journal,
    HubClock clock,
    AlertViews views,
    CaseLimits limits,
    TopologyCatalog topology,
    IOptions<HubOptions> options,
    Telemetry.HubMetrics metrics,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IRemindable
{
    /// <summary>The durable wake-ups behind the escalation and supervision timers: they re-activate the grain after a restart.</summary>
    private const string EscalationReminder = "escalation";
    private const string SupervisionReminder = "supervision";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How soon a journal write that failed is tried again, while the alert stays active in memory.</summary>
    private static readonly TimeSpan JournalRetry = TimeSpan.FromSeconds(5);

    private IGrainTimer? _escalationTimer;
    private IGrainTimer? _supervisionTimer;

    /// <summary>
    /// The stage start and level the supervision reminder was last set for, so each action within a
    /// stage does not write it again; and whether one may exist at all, so reading a finished case
    /// never asks the reminder table.
    /// </summary>
    private (DateTimeOffset Since, int Level)? _supervisionArmed;
    private bool _supervisionReminderMayExist;
    private IGrainTimer? _journalRetry;
    private IGrainTimer? _clocksRetry;

    // An escalation reminder may be stored until this activation has stopped it (a restart may have left one).
    private bool _escalationReminderMayExist = true;
    private DateTimeOffset? _escalationArmedFor;

    // Read once: the key is decoded into a new string on every ask.
    private string Id => _id ??= this.GetPrimaryKeyString();

    private string? _id;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ServiceProvider.GetRequiredService<TopologySync>().EnsureLoaded();
        await FlushOutbox();
        if (state.State.Alert is { State: AlertState.Raised })
        {
            await Escalate();
        }
        // A case waiting in a stage was armed when it entered it; one that waits for nothing has none.
        _supervisionReminderMayExist = state.State.Alert is { } alert && StageClock.StageOf(alert) is not null;
        await Supervise();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        SupervisionReminder => Supervise(),
        _ => state.State.Alert is { State: AlertState.Raised } ? Escalate() : StopEscalation(),
    };

    public async Task<RaiseResult> Register(AlertReport report, string owner, IReadOnlyList<string> path, string? mergeInto)
    {
        if (state.State.Alert is { } known)
        {
            // A resend after a lost answer: make sure the journal has what was acknowledged.
            await FlushOutbox();
            // The entry lets a holder that lost it (its write failed after this one succeeded) count it again.
            return new RaiseResult(report.SourceId, Id, RaiseOutcome.Duplicate, EntryOf(known));
        }
        if (state.State.MergedInto is { } target)
        {
            return new RaiseResult(report.SourceId, target, RaiseOutcome.Duplicate, null);
        }
        if (mergeInto is not null && await GrainFactory.GetGrain<IAlertGrain>(mergeInto).Merge(report) is { } merged)
        {
            state.State.MergedInto = mergeInto;
            try
            {
                await Durably.Write(this, state.WriteStateAsync);
            }
            catch (StorageUnavailableException)
            {
                state.State.MergedInto = null;
                throw;
            }
            return new RaiseResult(report.SourceId, mergeInto, RaiseOutcome.Merged, merged);
        }

        var now = clock.Now;
        var alert = new AlertSummary(
            Id, report.Source, report.SourceId, report.Unit, owner, path, report.Device, report.Category, report.Severity,
            report.Title, report.Detail, report.At, report.At, Occurrences: 1, AlertState.Raised, Cleared: false,
            EscalatedTo: null, Assignee: null, LastBy: report.Sender.Name, ChangedAt: now, Version: 1,
            HandleDeadline: views.DeadlineOf(report.Severity, report.At), ReportedBy: report.Sender, StageSince: now);
        await Save(alert, new AuditEntry(now, report.Sender.Name, AlertEventKind.Raised, null, AlertState.Raised, report.Title, Key: report.Sender.KeyId));
        await KeepClocks();
        return new RaiseResult(report.SourceId, Id, RaiseOutcome.Created, EntryOf(alert));
    }

    public async Task<AlertEntry?> Merge(AlertReport report)
    {
        if (state.State.Alert is not { } alert || !alert.State.IsActive())
        {
            return null;
        }
        var now = clock.Now;
        alert = alert with
        {
            Occurrences = alert.Occurrences + 1,
            LastAt = report.At > alert.LastAt ? report.At : alert.LastAt,
            Cleared = false,
            ChangedAt = now,
            Version = alert.Version + 1,
        };
        await Save(alert, new AuditEntry(now, report.Sender.Name, AlertEventKind.Merged, alert.State, alert.State, report.SourceId, Key: report.Sender.KeyId));
        return EntryOf(alert);
    }

    public async Task<ActionResult> Act(AlertCommand command)
    {
        if (state.State.Alert is not { } alert || !Jurisdiction.Covers(command.Scope, alert.Path))
        {
            return ActionResult.NotFound;
        }
        var step = CaseStep.Apply(alert, command, options.Value.Cases, limits, topology.Current, clock.Now);
        if (step is not { Outcome: ActionOutcome.Done, Alert: { } changed, Change: { } change })
        {
            return new ActionResult(step.Outcome, step.Alert, null, step.Problem);
        }
        await Save(changed, change);
        await KeepClocks();
        NotifyHolder(changed);
        return new ActionResult(ActionOutcome.Done, changed, state.State.Audit);
    }

    public async Task<ActionResult> Clear(Sender by, string scope)
    {
        if (state.State.Alert is not { } alert || !Jurisdiction.Covers(scope, alert.Path) || !by.MayChange(alert.ReportedBy))
        {
            return ActionResult.NotFound;
        }
        if (!alert.State.IsActive())
        {
            return new ActionResult(ActionOutcome.Conflict, alert, null);
        }
        if (!alert.Cleared)
        {
            var now = clock.Now;
            alert = alert with { Cleared = true, ChangedAt = now, Version = alert.Version + 1 };
            await Save(alert, new AuditEntry(now, by.Name, AlertEventKind.Cleared, alert.State, alert.State, null, Key: by.KeyId));
            NotifyHolder(alert);
        }
        return new ActionResult(ActionOutcome.Done, alert, state.State.Audit);
    }

    public Task<ActionResult> Read() => Task.FromResult(
        state.State.Alert is { } alert ? new ActionResult(ActionOutcome.Done, alert, state.State.Audit) : ActionResult.NotFound);

    public Task<AlertEntry?> GetEntry() => Task.FromResult(state.State.Alert is { } alert ? EntryOf(alert) : null);

    /// <summary>
    /// Moves the alert up to the rung its unacknowledged time has reached, then arms a timer for the
    /// next climb (and a coarse reminder, so a restart does not forget it).
    /// </summary>
    private async Task Escalate()
    {
        if (state.State.Alert is not { State: AlertState.Raised } alert
            || options.Value.Sla.Ack.For(alert.Severity) is not { } period || period <= TimeSpan.Zero)
        {
            return;
        }
        var raisedAt = state.State.Audit.Count > 0 ? state.State.Audit[0].At : alert.ChangedAt;
        var rungs = topology.Current.Rungs(alert.Path);
        var steps = EscalationLadder.Steps(clock.Now - raisedAt, period, rungs.Count);
        // One rung at a time, even when a restart kept the alert from climbing on time: every level
        // it passes is told and recorded, as if nothing had been down.
        for (var step = EscalationLadder.StepsTaken(rungs, alert.EscalatedTo) + 1; step <= steps; step++)
        {
            var now = clock.Now;
            alert = alert with { EscalatedTo = EscalationLadder.UnitAfter(rungs, step), ChangedAt = now, Version = alert.Version + 1 };
            await Save(alert, new AuditEntry(now, Actors.Hub, AlertEventKind.Escalated, alert.State, alert.State, alert.EscalatedTo,
                Notify: await OnDutyAt(alert.EscalatedTo!, now)));
            NotifyHolder(alert);
        }
        _escalationTimer?.Dispose();
        _escalationTimer = null;
        if (EscalationLadder.NextAt(raisedAt, period, steps, rungs.Count) is { } next)
        {
            var due = next - clock.Now;
            _escalationTimer = this.RegisterGrainTimer(Escalate, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
            // The reminder is written only when the next climb moved: its ticks in between change nothing.
            if (_escalationArmedFor != next)
            {
                _escalationReminderMayExist = true;
                await this.RegisterOrUpdateReminder(EscalationReminder, due < ReminderPeriod ? ReminderPeriod : due, ReminderPeriod);
                _escalationArmedFor = next;
            }
        }
        else
        {
            await StopEscalation();
        }
    }

    /// <summary>
    /// 督办: records each supervision level the case's stage clock has reached (in turn, even when a
    /// restart kept it from being recorded on time), then arms a timer and a coarse reminder for the next.
    /// </summary>
    private async Task Supervise()
    {
        if (state.State.Alert is not { } alert || StageClock.StageOf(alert) is not { } stage)
        {
            await StopSupervision();
            return;
        }
        var since = alert.StageSince ?? alert.ChangedAt;
        var limit = limits.Of(stage, alert.Severity);
        _supervisionReminderMayExist = true; // a stage with a limit may be armed below; one without is stopped
        var reached = StageClock.Read(alert, since, limit, clock.Now)?.Supervision ?? 0;
        for (var level = alert.Supervision + 1; level <= reached; level++)
        {
            var now = clock.Now;
            alert = alert with
            {
                Supervision = level,
                ChangedAt = now,
                Version = alert.Version + 1,
                // Every card is kept for the month's assessment, whatever stage it came in.
                YellowCards = alert.YellowCards + (level == 1 ? 1 : 0),
                RedCards = alert.RedCards + (level >= 2 ? 1 : 0),
            };
            // Yellow is a notice to the unit responsible; red is raised one level up.
            var to = SupervisedTo(alert, level) ?? alert.Unit;
            await Save(alert, new AuditEntry(now, Actors.Hub, AlertEventKind.Supervised, alert.State, alert.State, UserText.Supervision(stage, level),
                Notify: await OnDutyAt(to, now)));
            NotifyHolder(alert);
        }
        _supervisionTimer?.Dispose();
        _supervisionTimer = null;
        if (StageClock.NextAt(since, limit, alert.Supervision) is { } next)
        {
            var due = next - clock.Now;
            _supervisionTimer = this.RegisterGrainTimer(Supervise, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
            if (_supervisionArmed != (since, alert.Supervision))
            {
                var cadence = ReminderCadence.For(limit!.Length);
                await this.RegisterOrUpdateReminder(SupervisionReminder, due < cadence ? cadence : due, cadence);
                _supervisionArmed = (since, alert.Supervision);
            }
        }
        else
        {
            await StopSupervision();
        }
    }

    /// <summary>
    /// Arms (or stops) the escalation and supervision clocks for the case as it now stands. The change
    /// they follow is already stored and will be answered as done: if a reminder cannot be kept now
    /// (storage just came back, say), the clocks are tried again shortly instead of failing the change.
    /// </summary>
    private async Task KeepClocks()
    {
        try
        {
            if (state.State.Alert is { State: AlertState.Raised })
            {
                await Escalate();
            }
            else if (_escalationReminderMayExist || _escalationTimer is not null)
            {
                await StopEscalation();
            }
            await Supervise();
            _clocksRetry?.Dispose();
            _clocksRetry = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Alert {Alert}: its clocks could not be kept; trying again in {Retry}", Id, JournalRetry);
            _clocksRetry ??= this.RegisterGrainTimer(KeepClocks, new GrainTimerCreationOptions(JournalRetry, JournalRetry) { KeepAlive = true });
        }
    }

    /// <summary>The unit a 红牌 raises the case to: the next rung up (a micro-grid's watch is its grid's); null below red or at the top.</summary>
    private string? SupervisedTo(AlertSummary alert, int level) => AlertViews.SupervisedTo(topology.Current, alert.Path, level);

    /// <summary>Who is on duty where the case now sits (or the next unit up with anyone on watch); none when that cannot be read now.</summary>
    private async Task<IReadOnlyList<string>?> OnDutyAt(string unit, DateTimeOffset at)
    {
        try
        {
            return await DutyNotice.Who(GrainFactory, topology.Current, unit, at);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The roster is a courtesy to the people told; the step itself must not wait for it.
            logger.LogWarning(e, "Alert {Alert}: the duty roster of {Unit} could not be read", Id, unit);
            return null;
        }
    }

    private async Task StopSupervision()
    {
        _supervisionTimer?.Dispose();
        _supervisionTimer = null;
        _supervisionArmed = null;
        if (_supervisionReminderMayExist && await this.GetReminder(SupervisionReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _supervisionReminderMayExist = false;
    }

    private async Task StopEscalation()
    {
        _escalationTimer?.Dispose();
        _escalationTimer = null;
        if (await this.GetReminder(EscalationReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _escalationReminderMayExist = false;
        _escalationArmedFor = null;
    }

    /// <summary>
    /// Stores the change together with its journal entry (the outbox), then journals it. A failed
    /// state write leaves memory as storage has it. Once stored the change is acknowledged: if the
    /// journal cannot take it now, the outbox keeps it and a timer, the next change, a resend or
    /// the next activation sends it again.
    /// </summary>
    private async Task Save(AlertSummary alert, AuditEntry audit)
    {
        var (keptAlert, keptAudit, keptOutbox) = (state.State.Alert, state.State.Audit, state.State.Outbox);
        state.State.Alert = alert;
        state.State.Audit = AuditTrail.Append(keptAudit, audit);
        state.State.Outbox = [.. keptOutbox, new JournalEntry(alert, audit)];
        try
        {
            await Durably.Write(this, state.WriteStateAsync);
        }
        catch (StorageUnavailableException)
        {
            (state.State.Alert, state.State.Audit, state.State.Outbox) = (keptAlert, keptAudit, keptOutbox);
            throw;
        }
        Count(alert, audit);
        Publish(alert, audit);
        await FlushOutbox();
    }

    /// <summary>Escalations and supervisions for the hub's metrics, once each is durable.</summary>
    private void Count(AlertSummary alert, AuditEntry audit)
    {
        if (audit.Action == AlertEventKind.Escalated && alert.EscalatedTo is { } to && topology.Current.Find(to) is { } unit)
        {
            metrics.Escalated(unit.Level);
        }
        else if (audit.Action == AlertEventKind.Supervised)
        {
            metrics.Supervised(alert.Supervision);
        }
    }

    /// <summary>
    /// Sends the outbox to the journal, oldest first. Journaling is idempotent (one row per alert
    /// version), so an entry sent twice, after a crash between journal and state, is kept once.
    /// What was sent is cleared from memory; storage forgets it with the next state write.
    /// </summary>
    private async Task FlushOutbox()
    {
        var outbox = state.State.Outbox;
        try
        {
            while (outbox.Count > 0)
            {
                await journal.Record(outbox[0].Alert, outbox[0].Change);
                outbox.RemoveAt(0);
            }
            _journalRetry?.Dispose();
            _journalRetry = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Alert {Alert}: {Count} change(s) not yet journaled; trying again in {Retry}", Id, outbox.Count, JournalRetry);
            _journalRetry ??= this.RegisterGrainTimer(FlushOutbox, new GrainTimerCreationOptions(JournalRetry, JournalRetry) { KeepAlive = true });
        }
    }

    /// <summary>Tells every silo's screens, one-way: a wall that misses an event still has the status push.</summary>
    private void Publish(AlertSummary alert, AuditEntry change)
    {
        var index = topology.Current;
        var names = alert.Path.Select(code => index.Find(code)?.Name ?? code).ToArray();
        GrainFactory.GetGrain<IAlertFeedGrain>(IAlertFeedGrain.Key)
            .Publish(new AlertEvent(change.Action, alert.Id, alert.Unit, alert.Path, names, alert.Severity, alert.Category, alert.Title,
                alert.State, clock.InZone(change.At), change.By, change.Notify,
                alert.Parts is { Count: > 0 } parts ? [.. parts.Select(p => p.Department)] : null))
            .Ignore();
    }

    private AlertEntry EntryOf(AlertSummary alert)
    {
        var escalatedTo = alert.EscalatedTo is { } code ? topology.Current.Find(code)?.Level : null;
        var limit = StageClock.StageOf(alert) is { } stage ? limits.Of(stage, alert.Severity) : null;
        return alert.ToEntry(clock.DayOf(alert.At), escalatedTo, StageClock.NearingAt(alert, limit));
    }

    // One-way: the holder may at this moment be waiting on this very grain (a merge), so waiting
    // for it here could deadlock; entries carry versions, so order does not matter.
    private void NotifyHolder(AlertSummary alert)
    {
        if (UnitGrains.Holder(GrainFactory, topology.Current, alert.Owner) is { } holder)
        {
            holder.AlertChanged(EntryOf(alert)).Ignore();
        }
    }
}
