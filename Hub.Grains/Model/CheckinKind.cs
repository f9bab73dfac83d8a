namespace Hub.Grains.Model;

public enum CheckinKind
{
    Start,
    Patrol,
    End,
}
