/// The stylesheet and the one script of `report.html`, inline: the page loads nothing.
enum ReportStyle {
    /// Screen and A4 print. `numericColumns`: the 1-based columns of the leaderboard tables that
    /// hold numbers (right-aligned; a rule per table layout instead of a class on every cell keeps
    /// the file small); `codeColumn` is never broken, `awardColumn` wide enough for two lines.
    static func css(numericColumns: [Int], codeColumn: Int, awardColumn: Int) -> String {
        let numeric = numericColumns.map { ".board td:nth-child(\($0))" }.joined(separator: ",")
        return """
            :root{color-scheme:light}
            body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:15px;line-height:1.45;color:#111;background:#fff;max-width:62rem;margin:0 auto;padding:1rem 1.5rem 3rem}
            h1{font-size:1.8rem;line-height:1.2;margin:1rem 0 .3rem}
            h2{font-size:1.4rem;line-height:1.25;margin:2.5rem 0 .6rem;padding-bottom:.2rem;border-bottom:3px solid #0072B2}
            h3{font-size:1.1rem;margin:1.6rem 0 .4rem}
            p{max-width:48rem}
            .lead{font-size:1.05rem;margin:.2rem 0 1rem}
            .lead code{white-space:nowrap}
            code,.sha{font-family:"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.85em}
            .sha{overflow-wrap:anywhere;word-break:break-all}
            table{border-collapse:collapse;width:100%;margin:.4rem 0 1.2rem;font-size:.88rem}
            caption{text-align:left;font-weight:bold;padding:.3rem 0}
            th,td{border-bottom:1px solid #c8c8c8;padding:.2rem .45rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
            thead th{background:#ececec;border-bottom:2px solid #555;vertical-align:bottom}
            tbody th{font-weight:normal}
            th.n{text-align:right}
            td.n,\(numeric){text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            .board td:nth-child(\(codeColumn)){white-space:nowrap}
            .board td:nth-child(\(awardColumn)){min-width:13em}
            .winners{width:auto}
            .winners tbody th,.winners td:not(.award){white-space:nowrap}
            .winners .award{font-weight:bold;max-width:14rem}
            .winners tbody+tbody{border-top:2px solid #555}
            .chart{display:block;width:100%;max-width:760px;height:auto;margin:.4rem 0 1rem}
            .chart text{font-size:12px}
            .chart .in{text-anchor:middle;font-size:11px}
            .chart .tick{text-anchor:middle;font-size:10px;fill:#444}
            .chart .place{text-anchor:end}
            .chart .total{font-weight:bold}
            .chart .head{font-weight:bold;font-size:11px}
            .chart .grid{stroke:#dcdcdc;stroke-width:1}
            .chart .axis{stroke:#333;stroke-width:1}
            .chart .band line{stroke:#000;stroke-width:1.5}
            .chart .bandtext{font-size:11px}
            .chart .pillar{text-anchor:middle}
            .chart .bracket{fill:none;stroke:#333;stroke-width:1}
            .note{color:#444;font-size:.9rem}
            nav ol{columns:2;column-gap:2rem;padding-left:1.4rem}
            button.sort{font:inherit;font-size:.8em;color:#555;background:none;border:0;padding:0 .15em;margin-left:.15em;cursor:pointer}
            @media print{
            @page{size:A4;margin:14mm 12mm 16mm}
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            body{max-width:none;margin:0;padding:0;font-size:10pt}
            h2{margin-top:0}
            section.category,section.inputs{break-before:page}
            h2,h3,caption{break-after:avoid}
            .chart,.winners,.summary{break-inside:avoid}
            thead{display:table-header-group}
            tr{break-inside:avoid}
            table{font-size:8.5pt}
            a{color:inherit;text-decoration:none}
            nav,button.sort{display:none}
            }
            """
    }

    /// Sorts a table by a column when the small button the script adds to its header is clicked
    /// (numbers with decimal commas, text in Polish order, empty cells last). Without the script the
    /// tables read in the leaderboard's order. The button sits beside the heading's text, not around
    /// it: Chromium does not paint a button inside a table header repeated on a printed page.
    static let script = """
        (function(){function v(s){var n=parseFloat(s.replace("\\u2212","-").replace(",","."));return isNaN(n)?null:n}
        document.querySelectorAll("table.sortable").forEach(function(t){var hs=t.tHead.rows[0].cells;
        Array.prototype.forEach.call(hs,function(th,i){var b=document.createElement("button");b.type="button";b.className="sort";
        b.textContent="\\u21C5";b.setAttribute("aria-label","Sortuj: "+th.textContent);th.appendChild(b);var num=th.classList.contains("n");
        b.addEventListener("click",function(){var asc=th.getAttribute("aria-sort")!=="ascending";
        Array.prototype.forEach.call(hs,function(h){h.removeAttribute("aria-sort");h.lastChild.textContent="\\u21C5"});
        th.setAttribute("aria-sort",asc?"ascending":"descending");b.textContent=asc?"\\u25B2":"\\u25BC";
        var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent,c;
        if(num){x=v(x);y=v(y);c=x===null?(y===null?0:1):(y===null?-1:x-y);if(x===null||y===null)return c}else c=x.localeCompare(y,"pl");
        return asc?c:-c});rows.forEach(function(r){body.appendChild(r)})})})})})();
        """
}
