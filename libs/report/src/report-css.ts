/** The report's only stylesheet, inlined: the file must open and print without any network. */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{font-family:"Helvetica Neue",Arial,"Liberation Sans",sans-serif;font-size:10.5pt;line-height:1.4;color:#1a1a1a;margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:18pt;margin:0 0 4px}
h2{font-size:13.5pt;border-bottom:2px solid #2d4f7c;color:#2d4f7c;padding-bottom:3px;margin:22px 0 8px}
h3{font-size:12pt;margin:14px 0 6px}
h4{font-size:10.5pt;margin:10px 0 4px;color:#333}
table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:9.5pt}
th,td{border:1px solid #c8ced6;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.mono,.mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:9pt;word-break:break-all}
ul{margin:4px 0 8px;padding-left:20px}
.meta{color:#444;font-size:9.5pt}
.meta dt{font-weight:600;float:left;clear:left;width:130px}
.meta dd{margin:0 0 2px 135px}
.badge{display:inline-block;border:1px solid #888;border-radius:3px;padding:0 4px;font-size:8pt;font-weight:600;white-space:nowrap}
.nc{border-color:#b35c00;color:#b35c00}
.acmg-pathogenic{background:#f8d7d7;border-color:#b30000;color:#7a0000}
.acmg-likely_pathogenic{background:#fde3cf;border-color:#c25400;color:#7a3500}
.acmg-uncertain_significance{background:#f2f2f2;border-color:#777;color:#333}
.acmg-likely_benign,.acmg-benign{background:#e0f0e0;border-color:#3a7a3a;color:#225522}
.warnings{border:2px solid #c98a00;background:#fff8e5;padding:6px 12px;margin:10px 0}
.warnings h2{border:none;color:#7a5300;margin:4px 0}
.none{color:#666;font-style:italic}
.note{color:#333;font-size:9pt;margin:2px 0 6px}
.candidate{border-top:1px solid #c8ced6;padding-top:4px}
.terms{columns:2;column-gap:24px}
footer{margin-top:28px;border-top:2px solid #2d4f7c;padding-top:8px;font-size:9pt;color:#333}
.disclaimer{font-weight:600;color:#7a0000}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{max-width:none;padding:0;font-size:9.5pt}
  h2{break-after:avoid;page-break-after:avoid}
  section.page{break-before:page;page-break-before:always}
  .candidate+.candidate{break-before:page;page-break-before:always}
  tr,li,.warnings{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  th,.badge,.warnings{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
