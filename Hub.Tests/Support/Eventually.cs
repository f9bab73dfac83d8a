namespace Hub.Tests.Support;

/// <summary>Waits for a condition with a deadline, instead of sleeping and hoping.</summary>
public static class Eventually
{
    /// <returns>The last value read, once it satisfies <paramref name="until"/>.</returns>
    public static async Task<T> Within<T>(TimeSpan deadline, Func<Task<T>> read, Func<T, bool> until, string what)
    {
        var started = DateTime.UtcNow;
        T value;
        while (true)
        {
            value = await read();
            if (until(value))
            {
                return value;
            }
            if (DateTime.UtcNow - started > deadline)
            {
                throw new TimeoutException($"{what}: not true within {deadline.TotalSeconds:0.#} s; last value: {value}");
            }
            await Task.Delay(50);
        }
    }
}
