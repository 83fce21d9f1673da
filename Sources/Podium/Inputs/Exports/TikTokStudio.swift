/// TikTok Studio's content export.
struct TikTokStudio: ExportFormatKind {
    static let format = ExportFormat(
        id: "tiktok_studio", postID: ["Video link"], postIDAfter: "/video/", postIDIsNumber: true, publishedAt: ["Post time"],
        patterns: ["YYYY-MM-DD hh:mm:ss", "MM/DD/YYYY hh:mm"],
        reactions: ["Total likes"], comments: ["Total comments"], shares: ["Total shares"], views: ["Total views"],
        platforms: [.tiktok])
    static let name = "TikTok Studio content export"
    static let summary = "Video link (the post id is the number after /video/), Post time (YYYY-MM-DD hh:mm:ss or MM/DD/YYYY hh:mm, local time; a time without a year is an error), Total likes, Total comments, Total shares, Total views; counts often short (1.2K)."

    static let examples = [
        ExportExample("Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\n"
            + "Taniec,https://www.tiktok.com/@gmina.alfa/video/7301234567890123456,2024-03-31 02:30:00,1.2K,32,5,32.3K\n"
            + ",https://www.tiktok.com/@gmina.alfa/video/7301234567890123457?lang=pl,11/01/2023 00:30,\"18,400\",,1,1M\n"
            + "Dożynki,https://www.tiktok.com/@gmina.alfa/video/7301234567890123458,2024-10-27 02:30:00,32.3K,1.05K,2M,7.25M\n",
            posts: [.init("7301234567890123456", "2024-03-31", 1200, 32, 5), .init("7301234567890123457", "2023-10-31", 18400, 0, 1),
                    .init("7301234567890123458", "2024-10-27", 32300, 1050, 2_000_000)],
            emptyCounts: 1),
        ExportExample("Video link,Post time,Total likes,Total comments,Total shares,Total views\nhttps://www.tiktok.com/@a/video/1,09-22 14:05,1,1,1,1\n",
                      error: "example.csv:2: column 'Post time': '09-22 14:05' is not a time of any of the forms YYYY-MM-DD hh:mm:ss, MM/DD/YYYY hh:mm"),
        ExportExample("Video link,Post time,Total likes,Total comments,Total shares,Total views\nhttps://www.tiktok.com/@a/video/1,2024-09-22 14:05:00,1.2345K,1,1,1\n",
                      error: "example.csv:2: column 'Total likes': '1.2345K' is not a count"),
        ExportExample("Video link,Post time,Total likes,Total comments,Total shares,Total views\nhttps://www.tiktok.com/@a/photo/1,2024-09-22 14:05:00,1,1,1,1\n",
                      error: "example.csv:2: column 'Video link': 'https://www.tiktok.com/@a/photo/1' has no post id after '/video/'"),
        // The id is the video's number: text there is no TikTok link.
        ExportExample("Video link,Post time,Total likes,Total comments,Total shares,Total views\nhttps://tiktok.com/@a/video/12a3?lang=pl,2024-09-22 14:05:00,1,1,1,1\n",
                      error: "example.csv:2: column 'Video link': 'https://tiktok.com/@a/video/12a3?lang=pl' has no number after '/video/'"),
    ]
}
