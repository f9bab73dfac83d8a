using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hub.Dashboard.OpenApi;

/// <summary>What an endpoint takes and answers, declared next to its route for the API document.</summary>
public static class ApiDescription
{
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";

    /// <summary>The body the endpoint reads (by hand, see <see cref="RequestBody"/>).</summary>
    public static RouteHandlerBuilder Takes<TShape>(this RouteHandlerBuilder builder, string? description = null, params string[] contentTypes) =>
        builder.WithMetadata(new RequestBody(typeof(TShape), contentTypes.Length > 0 ? contentTypes : [Json], description));

    /// <summary>A successful answer and its body.</summary>
    public static RouteHandlerBuilder Answers<TShape>(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK, string contentType = Json) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(TShape), [contentType]));

    /// <summary>A successful answer that is a file (a chart), in one of these types as asked.</summary>
    public static RouteHandlerBuilder AnswersFile(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), contentTypes));

    /// <summary>A successful answer without a body.</summary>
    public static TBuilder AnswersEmpty<TBuilder>(this TBuilder builder, int status = StatusCodes.Status204NoContent)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(void)));

    /// <summary>
    /// The refusals this endpoint gives on its merits, each an RFC 7807 problem. Those every endpoint
    /// may give (401, 403, 429, 503) are added to the document for all (<see cref="OperationConventions"/>).
    /// </summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(HubProblem), [Problem]));
        }
        return builder;
    }
}
