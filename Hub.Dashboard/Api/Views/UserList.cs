namespace Hub.Dashboard.Api.Views;

/// <summary>The users inside the admin's scope.</summary>
/// <param name="Items">Each user.</param>
public sealed record UserList(IReadOnlyList<UserView> Items);
