namespace Hub.Grains.Alerts;

/// <summary>The source of every case imported as history (POST /api/v1/import/cases): never a live sender's.</summary>
public static class ImportedSource
{
    public const string Name = "import";
}
