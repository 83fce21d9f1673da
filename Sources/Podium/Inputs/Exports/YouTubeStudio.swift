/// YouTube Studio's `Table data.csv` (Analytics → Content, exported).
struct YouTubeStudio: ExportFormatKind {
    static let format = ExportFormat(
        id: "youtube_studio", postID: ["Content"], publishedAt: ["Video publish time"], patterns: ["MMM D, YYYY", "iso8601"],
        reactions: ["Likes"], comments: ["Comments added"], shares: ["Shares"], views: ["Views"],
        skipRows: [(column: "Content", value: "Total")], platforms: [.youtube])
    static let name = "YouTube Studio table data"
    static let summary = "Content (the video id), Video publish time (a date such as Sep 22, 2024, which is the post's date as written, or ISO 8601 with an offset or Z), Views, Likes, Comments added, Shares; the first data row, Total, sums the channel and is skipped."

    static let examples = [
        ExportExample("Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Likes,Comments added,Shares\n"
            + "Total,,,,\"12,345\",100.5,12,50000,300,40,25\n"
            + "dQw4w9WgXcQ,Sesja rady,\"Sep 22, 2024\",600,1200,50.1,3,20000,150,20,10\n"
            + "abcDEF12_-5,Kolęda,2024-12-24T23:30:00+01:00,120,900,10.2,1,9000,80,4,0\n"
            + "Zz9-Zz9-Zz9,Wideo,\"Nov 1, 2023\",30,,1.0,0,100,,,\n",
            posts: [.init("dQw4w9WgXcQ", "2024-09-22", 150, 20, 10), .init("abcDEF12_-5", "2024-12-24", 80, 4, 0),
                    .init("Zz9-Zz9-Zz9", "2023-11-01", 0, 0, 0)],
            emptyCounts: 3, summaryRows: 1),
        ExportExample("Content,Video publish time,Views,Likes,Comments added,Shares\nabc,2024-09-22 10:00,1,1,1,1\n",
                      error: "example.csv:2: column 'Video publish time': '2024-09-22 10:00' is not a time of any of the forms MMM D, YYYY, iso8601"),
        ExportExample("Content,Video publish time,Likes,Comments added,Shares\nabc,\"Sep 22, 2024\",1,1,1\n",
                      error: "the header does not match the export format 'youtube_studio': missing 'Views'"),
    ]
}
