<#ftl output_format="HTML">
<#-- report diff RUN_A RUN_B --html FILE: the drift between two runs as one self-contained page. -->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>ipmi-runner drift: ${hosts_with_drift} hosts</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 20px; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; }
th { background: #eceff1; }
td.before { color: #b71c1c; } td.after { color: #1b5e20; }
</style>
</head>
<body>
<h1>Drift between two runs</h1>
<p>from <code>${run_a}</code><br>to <code>${run_b}</code></p>
<p><b>${hosts_with_drift}</b> of ${compared} hosts differ<#if only_in_a?has_content>; only in the first: ${only_in_a?join(", ")}</#if><#if only_in_b?has_content>; only in the second: ${only_in_b?join(", ")}</#if>.</p>
<#if drifts?has_content>
<table>
<tr><th>host</th><th>area</th><th>what</th><th>before</th><th>after</th></tr>
<#list drifts as d>
<tr><td>${d.host}</td><td>${d.area}</td><td>${d.key}</td><td class="before">${d.before}</td><td class="after">${d.after}</td></tr>
</#list>
</table>
<#else>
<p>No drift in FRU, firmware, users or settings.</p>
</#if>
</body>
</html>
