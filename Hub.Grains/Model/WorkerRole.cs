namespace Hub.Grains.Model;

public enum WorkerRole
{
    FullTime,
    PartTime,
}
