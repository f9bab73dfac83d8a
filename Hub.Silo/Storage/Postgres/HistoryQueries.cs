namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// The history reads behind <c>/stats</c> and the charts, for a subtree (<c>@unit</c>) over days or
/// hours. Each range is served by an index on <c>day</c> or <c>at</c>: for a city every row's path
/// holds the unit, so the path index alone would read every check-in ever stored.
/// </summary>
public static class HistoryQueries
{
    /// <summary>Parameters: <c>@unit</c>, <c>@first</c> and <c>@last</c> (dates, both included).</summary>
    public const string Days = """
        WITH a AS (
            SELECT day,
                   count(*) FILTER (WHERE state <> 'rejected') AS raised,
                   count(*) FILTER (WHERE state IN ('resolved', 'verified', 'closed')) AS handled,
                   count(*) FILTER (WHERE state IN ('resolved', 'verified', 'closed')
                                     AND handled_at IS NOT NULL AND (handle_deadline IS NULL OR handled_at <= handle_deadline)) AS on_time,
                   count(*) FILTER (WHERE state = 'closed') AS closed,
                   count(*) FILTER (WHERE state = 'rejected') AS rejected,
                   count(*) FILTER (WHERE reworks > 0 AND state <> 'rejected') AS reworked,
                   count(rating) AS rated,
                   coalesce(sum(rating), 0) AS rating_sum,
                   coalesce(sum(yellow_cards) FILTER (WHERE state <> 'rejected'), 0) AS yellow_cards,
                   coalesce(sum(red_cards) FILTER (WHERE state <> 'rejected'), 0) AS red_cards,
                   coalesce(sum((stages->'ended'->>0)::int) FILTER (WHERE state <> 'rejected'), 0) AS ended_0,
                   coalesce(sum((stages->'ended'->>1)::int) FILTER (WHERE state <> 'rejected'), 0) AS ended_1,
                   coalesce(sum((stages->'ended'->>2)::int) FILTER (WHERE state <> 'rejected'), 0) AS ended_2,
                   coalesce(sum((stages->'ended'->>3)::int) FILTER (WHERE state <> 'rejected'), 0) AS ended_3,
                   coalesce(sum((stages->'ended'->>4)::int) FILTER (WHERE state <> 'rejected'), 0) AS ended_4,
                   coalesce(sum((stages->'onTime'->>0)::int) FILTER (WHERE state <> 'rejected'), 0) AS ontime_0,
                   coalesce(sum((stages->'onTime'->>1)::int) FILTER (WHERE state <> 'rejected'), 0) AS ontime_1,
                   coalesce(sum((stages->'onTime'->>2)::int) FILTER (WHERE state <> 'rejected'), 0) AS ontime_2,
                   coalesce(sum((stages->'onTime'->>3)::int) FILTER (WHERE state <> 'rejected'), 0) AS ontime_3,
                   coalesce(sum((stages->'onTime'->>4)::int) FILTER (WHERE state <> 'rejected'), 0) AS ontime_4
            FROM hub_alerts
            WHERE path @> ARRAY[@unit]::text[] AND day BETWEEN @first AND @last
            GROUP BY day),
        c AS (
            SELECT day,
                   count(*) AS checkins,
                   count(*) FILTER (WHERE kind = 'patrol') AS patrols,
                   count(DISTINCT target) AS patrolled
            FROM hub_checkins
            WHERE path @> ARRAY[@unit]::text[] AND day BETWEEN @first AND @last
            GROUP BY day)
        SELECT coalesce(a.day, c.day), coalesce(raised, 0), coalesce(handled, 0), coalesce(on_time, 0), coalesce(closed, 0),
               coalesce(checkins, 0), coalesce(patrols, 0), coalesce(patrolled, 0),
               coalesce(rejected, 0), coalesce(reworked, 0), coalesce(rated, 0), coalesce(rating_sum, 0),
               coalesce(yellow_cards, 0), coalesce(red_cards, 0),
               coalesce(ended_0, 0), coalesce(ended_1, 0), coalesce(ended_2, 0), coalesce(ended_3, 0), coalesce(ended_4, 0), coalesce(ontime_0, 0), coalesce(ontime_1, 0), coalesce(ontime_2, 0), coalesce(ontime_3, 0), coalesce(ontime_4, 0)
        FROM a FULL JOIN c ON a.day = c.day
        ORDER BY 1
        """;

    /// <summary>Patrol visits per target and day; parameters <c>@unit</c>, <c>@first</c> and <c>@last</c>.</summary>
    public const string PatrolVisits = """
        SELECT target, day, count(*)
        FROM hub_checkins
        WHERE path @> ARRAY[@unit]::text[] AND day BETWEEN @first AND @last AND kind = 'patrol' AND target IS NOT NULL
        GROUP BY target, day
        """;

    /// <summary>Parameters: <c>@unit</c>, <c>@first</c> and <c>@end</c> (UTC instants, the end excluded).</summary>
    public const string Hours = """
        WITH a AS (
            SELECT date_trunc('hour', at) AS hour,
                   count(*) FILTER (WHERE severity = 'critical') AS critical,
                   count(*) FILTER (WHERE severity = 'major') AS major,
                   count(*) FILTER (WHERE severity = 'minor') AS minor,
                   count(*) FILTER (WHERE severity = 'warning') AS warning
            FROM hub_alerts
            WHERE path @> ARRAY[@unit]::text[] AND at >= @first AND at < @end
            GROUP BY 1),
        c AS (
            SELECT date_trunc('hour', at) AS hour, count(*) AS checkins, count(*) FILTER (WHERE kind = 'patrol') AS patrols
            FROM hub_checkins
            WHERE path @> ARRAY[@unit]::text[] AND at >= @first AND at < @end
            GROUP BY 1)
        SELECT coalesce(a.hour, c.hour), coalesce(critical, 0), coalesce(major, 0), coalesce(minor, 0), coalesce(warning, 0),
               coalesce(checkins, 0), coalesce(patrols, 0)
        FROM a FULL JOIN c ON a.hour = c.hour
        ORDER BY 1
        """;
}
