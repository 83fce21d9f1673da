/// Meta Business Suite's post export, for Facebook pages and Instagram accounts alike.
struct MetaPosts: ExportFormatKind {
    static let format = ExportFormat(
        id: "meta_posts", postID: ["Post ID"], publishedAt: ["Publish time"], patterns: ["MM/DD/YYYY hh:mm"],
        reactions: .byPlatform([(.facebook, ["Reactions"]), (.instagram, ["Likes"])]), comments: ["Comments"], shares: ["Shares"], views: .init(["Views"], optional: true),
        platforms: [.facebook, .instagram])
    static let name = "Meta Business Suite post export (Facebook, Instagram)"
    static let summary = "UTF-8 with a byte order mark; 18 to 34 columns that vary between exports, of which podium reads Post ID, Publish time (MM/DD/YYYY hh:mm, local time), Reactions for a Facebook account or Likes for an Instagram one (the other column, when a file has it, is not read), Comments, Shares and, when present, Views; captions are quoted and may span lines."

    static let examples = [
        // Facebook. Local times in Europe/Warsaw: 02:30 on 2024-03-31 is in the spring gap (moved
        // to 03:30 CEST = 01:30Z); 02:30 on 2024-10-27 is in the repeated hour (the earlier, summer
        // offset: 00:30Z); 00:30 on 2023-11-01 is 23:30Z the day before. An empty Shares is 0.
        ExportExample("\u{FEFF}Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,Permalink,Post type,Views,Reach,Reactions,Comments,Shares,Total clicks\n"
            + "108_201,108,Gmina Alfa,,\"Zapraszamy na festyn!\nSobota, 12:00, \"\"Rynek\"\"\",,03/31/2024 02:30,,https://facebook.com/108/posts/201,Photos,1500,1200,120,8,3,40\n"
            + "108_202,108,Gmina Alfa,,Sesja rady,,10/27/2024 02:30,,https://facebook.com/108/posts/202,Links,,900,\"18,400\",12,,7\n"
            + "108_203,108,Gmina Alfa,,Wybory,,11/01/2023 00:30,,https://facebook.com/108/posts/203,Photos,300,250,1.2K,0,1,2\n",
            posts: [.init("108_201", "2024-03-31", 120, 8, 3), .init("108_202", "2024-10-27", 18400, 12, 0), .init("108_203", "2023-10-31", 1200, 0, 1)],
            emptyCounts: 1),
        // Instagram: Likes instead of Reactions, no Views column; columns in another order.
        ExportExample("\u{FEFF}Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Likes,Shares,Follows,Comments,Saves,Reach,Impressions\n"
            + "17900000000000001,178,gmina.alfa,Gmina Alfa,Lato,,07/01/2024 23:59,https://instagram.com/p/C1,IG image,,Lifetime,45,2,0,3,1,500,700\n",
            platform: .instagram, posts: [.init("17900000000000001", "2024-07-01", 45, 3, 2)]),
        // A file with both columns: an Instagram account's reactions are its Likes, a Facebook
        // page's its Reactions.
        ExportExample("Post ID,Publish time,Reactions,Likes,Comments,Shares\n1,07/01/2024 12:00,5,9,1,0\n",
                      platform: .instagram, posts: [.init("1", "2024-07-01", 9, 1, 0)]),
        ExportExample("Post ID,Publish time,Reactions,Likes,Comments,Shares\n1,07/01/2024 12:00,5,9,1,0\n",
                      platform: .facebook, posts: [.init("1", "2024-07-01", 5, 1, 0)]),
        // Each platform's column is required: a Facebook export without Reactions is not read from Likes.
        ExportExample("Post ID,Publish time,Likes,Comments,Shares\n1,07/01/2024 12:00,9,1,0\n", platform: .facebook,
                      error: "example.csv:1: the header does not match the export format 'meta_posts': missing 'Reactions' (facebook); found 'Post ID', 'Publish time', 'Likes', 'Comments', 'Shares'"),
        ExportExample("Post ID,Publish time,Reactions,Comments,Shares\n1,07/01/2024 12:00,9,1,0\n", platform: .instagram,
                      error: "example.csv:1: the header does not match the export format 'meta_posts': missing 'Likes' (instagram)"),
        ExportExample("\u{FEFF}Id,Title,Publish time,Likes,Comments\n1,a,03/31/2024 02:30,1,1\n",
                      platform: .instagram, error: "example.csv:1: the header does not match the export format 'meta_posts': missing 'Post ID', 'Shares'; found 'Id', 'Title', 'Publish time', 'Likes', 'Comments'"),
        ExportExample("Post ID,Publish time,Reactions,Comments,Shares\n1,2024-03-31 02:30,1,1,1\n",
                      error: "example.csv:2: column 'Publish time': '2024-03-31 02:30' is not a time of the form MM/DD/YYYY hh:mm"),
        ExportExample("Post ID,Publish time,Reactions,Comments,Shares\n1,03/31/2024 02:30,12.5,1,1\n",
                      error: "example.csv:2: column 'Reactions': '12.5' is not a count (digits, 18,400 or 1.2K)"),
    ]
}
