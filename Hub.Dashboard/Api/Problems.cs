using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Dashboard.Api;

/// <summary>RFC 7807 answers that say what is wrong; <c>errors</c> lists every problem by its JSON path.</summary>
public static class Problems
{
    public static IResult Of(int status, string title, string? detail = null, IReadOnlyList<string>? errors = null, object? extra = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        if (extra is not null)
        {
            foreach (var property in extra.GetType().GetProperties())
            {
                problem.Extensions[char.ToLowerInvariant(property.Name[0]) + property.Name[1..]] = property.GetValue(extra);
            }
        }
        return Results.Problem(problem);
    }

    public static IResult BadRequest(string detail, IReadOnlyList<string>? errors = null) =>
        Of(StatusCodes.Status400BadRequest, "Bad request", detail, errors);

    public static IResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>A unit outside the caller's scope. Unit codes are public administrative codes, so saying so leaks nothing.</summary>
    public static IResult OutsideScope(Access.Caller caller, string code) => Forbidden(caller.OutsideScope(code));

    public static IResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult InvalidBatch(IReadOnlyList<string> errors, int items) => Of(
        StatusCodes.Status422UnprocessableEntity,
        "Invalid batch",
        $"{errors.Count} problem(s) in a batch of {items}; nothing was applied",
        errors);

    public static IResult Invalid(IReadOnlyList<string> errors) =>
        Of(StatusCodes.Status422UnprocessableEntity, "Invalid request", string.Join("; ", errors), errors);

    public static IResult TooLarge(string detail) => Of(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail);
}
