namespace GrantsHub.DataGenerator;

/// <summary>Word lists the generator draws names and answers from.</summary>
internal static class Words
{
    public static readonly string[] Places =
    [
        "Tyneside", "Wearside", "Teesdale", "Ashby", "Brampton", "Calder", "Dunmere", "Eastfield", "Fellside", "Greenhow",
        "Harrowby", "Irwell", "Kingsmoor", "Lowther", "Millbrook", "Northgate", "Oakworth", "Parkhead", "Queensbury", "Riverside",
        "Southmead", "Thornaby", "Upperby", "Valley", "Westmoor", "Yarm",
    ];

    public static readonly string[] AreaSuffixes = ["Borough", "District", "City", "County", "Vale"];

    public static readonly string[] Regions = ["North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];

    public static readonly string[] Causes = ["Peer Support", "Wellbeing", "Hearing Voices", "Recovery", "Mind", "Carers", "Young People's", "Women's", "Men's", "Refugee", "Deaf", "LGBT+"];

    public static readonly string[] Kinds = ["Network", "Collective", "Circle", "Forum", "Trust", "Project", "Group", "Alliance"];

    public static readonly string[] Activities = ["Peer-led wellbeing walks", "A drop-in café", "Hearing voices groups", "Creative recovery workshops", "A crisis companion service", "Community gardening", "Befriending", "Peer mentoring", "Talking therapies in community languages", "Sports and movement sessions"];

    public static readonly string[] Communities = ["Black and minoritised communities", "LGBT+ people", "Disabled people", "People on low incomes", "Young people", "Older people"];

    public static readonly string[] Partners = ["Primary Care Network", "Community Mental Health Team", "Council public health team", "Library service", "Mosque", "Food bank"];

    public static readonly string[] Measures = ["people supported", "sessions run", "sites open", "volunteers trained", "peer facilitators trained"];

    public static readonly string[] OutcomeCodes = ["DEI010100", "DEI010200", "DEI020000", "DEI030000", "DEI040000", "DEI050000"];

    public static readonly string[] Sentences =
    [
        "We will run weekly sessions led by people with lived experience.",
        "Our volunteers reach people who do not use statutory services.",
        "Sessions take place in community venues people already trust.",
        "We will train new peer facilitators each year.",
        "Participants shape the programme through a monthly members' meeting.",
        "We work with the local primary care network to take referrals.",
        "The work is free at the point of use and open to everyone.",
        "We will measure wellbeing at the start and end of each course.",
    ];

    public static readonly string[] Comments =
    [
        "Clear evidence of need and strong reach into the community.",
        "Leadership by people with lived experience is well described.",
        "The budget is realistic; some costs could be explained more.",
        "Good partnership working; sustainability plan is thin.",
        "Outcomes are measurable and proportionate.",
    ];

    public static readonly string[] FirstNames = ["Amina", "Ben", "Chloe", "Dev", "Ebony", "Farah", "George", "Hana", "Ivan", "Jade", "Kwame", "Lena", "Mo", "Niamh", "Olu", "Priya", "Rory", "Sade", "Tom", "Yusuf"];

    public static readonly string[] LastNames = ["Ahmed", "Brown", "Campbell", "Davies", "Evans", "Fofana", "Green", "Hussain", "Iqbal", "Jones", "Khan", "Lewis", "Mensah", "Nowak", "O'Brien", "Patel", "Roberts", "Smith", "Taylor", "Wilson"];
}
