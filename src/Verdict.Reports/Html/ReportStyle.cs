namespace Verdict.Reports.Html;

/// <summary>The report's inline style sheet: system fonts only, no external resources.</summary>
internal static class ReportStyle
{
    public const string Css = """
body{margin:0;background:#f5f6f8;color:#1d1f23;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:26px}h2{margin:28px 0 10px;font-size:19px;border-bottom:1px solid #d7dae0;padding-bottom:4px}
.muted{color:#667}.meta{color:#555;margin:0 0 16px}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px}
.banner{border-radius:8px;padding:16px 20px;color:#fff}
.banner .decision{font-size:34px;font-weight:700;letter-spacing:.04em}
.banner ul{margin:6px 0 0;padding-left:20px}
.decision-ship{background:#1a7f37}.decision-hold{background:#b26a00}.decision-roll-back{background:#c62828}.decision-invalid{background:#6a1b9a}
.banner .warnings{background:rgba(255,255,255,.15);border-radius:6px;padding:6px 8px 6px 26px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
th,td{border:1px solid #dde0e5;padding:5px 8px;text-align:left;vertical-align:top}
thead th{background:#eceef2}
.status{font-weight:700}
.status-pass .status{color:#1a7f37}.status-fail .status{color:#c62828}.status-warn .status{color:#b26a00}.status-info .status{color:#666}
.status-fail{background:#fdecec}.status-warn{background:#fff6e0}
figure{margin:14px 0;background:#fff;border:1px solid #dde0e5;border-radius:6px;padding:10px}
figure svg{display:block;max-width:100%;height:auto}
.caption,figcaption{color:#555;font-size:13px;margin:6px 4px 0}
.no-chart{color:#6a1b9a;font-weight:600}
tr.declared td,span.declared{background:#e3edff}
tr.unexpected td,span.unexpected{background:#ffd7d7;color:#9b0000;font-weight:600}
span.declared,span.unexpected{padding:0 4px;border-radius:3px}
.absent{color:#999}
.plan th{width:150px;background:#f3f4f7}
.lock{margin:10px 0;padding:8px 10px;border-radius:6px}.lock-ok{background:#e6f4ea}.lock-bad{background:#fdecec}
pre{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#fff;border:1px solid #dde0e5;padding:8px}
footer{margin:28px 0 8px;color:#777;font-size:13px}
""";
}
