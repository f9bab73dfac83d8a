namespace Hub.Dashboard.Api.Views;

/// <summary>How the wall folds a flood of cases and when it raises the flood banner (<c>Hub:Wall</c>).</summary>
/// <param name="FoldAt">Open cases of one category in one area from which the feed shows them as one row.</param>
/// <param name="FloodCount">More cases than this arriving within <c>floodMinutes</c> under the unit shown raise the flood banner.</param>
/// <param name="FloodMinutes">The window of the flood count, in minutes.</param>
public sealed record WallView(int FoldAt, int FloodCount, int FloodMinutes);
