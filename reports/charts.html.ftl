<#-- report.html's pictures, drawn here as inline SVG from the numbers Charts computes (no script, nothing
     fetched): the host x sensor heat map, each sensor's spread with its outliers named, power draw per rack,
     host run times with the slowest named, and the task timeline. Each chart is about 330 px wide at its
     natural size, labels above their bars, so it reads whole in a phone-sized window (400 px) and four sit
     side by side in a wide one; the heat map scrolls where a fleet has more sensors or hosts than fit. -->
<#assign C = charts>
<section id="charts">
  <h2>Pictures</h2>
  <div class="charts">

<#assign hm = C.heat>
  <figure class="chart" id="chart-heatmap">
    <figcaption><b>Sensors by host</b> &middot; ${hm.hosts} hosts &times; ${hm.sensors?size} sensors<#if hm.alarmed gt 0> &middot; <span class="warn">${hm.alarmed} host<#if hm.alarmed != 1>s</#if> past a threshold, listed first</span></#if><#if hm.hidden gt 0> &middot; the first ${hm.rows?size} shown (${hm.hidden} more hosts in the inventory table)</#if></figcaption>
<#if hm.rows?has_content>
    <div class="legend"><span class="key lo"></span>low <span class="key hi"></span>high (within the fleet) <span class="key nc"></span>past a non-critical threshold <span class="key cr"></span>past a critical one <span class="key na"></span>no reading</div>
<#-- 25 px cells: eight sensors (a typical SDR) and their slanted names fit 326 px, inside a 400 px window. -->
<#assign cw = 25, ch = 16, lw = 96, top = 70, right = 30>
    <div class="scroll tall">
    <svg class="heatmap" width="${lw + cw * hm.sensors?size + right}" height="${top + ch * hm.rows?size + 4}" role="img" aria-label="heat map of sensor readings, one row per host">
<#list hm.sensors as s>
      <text class="axis" transform="translate(${lw + cw * s?index + cw / 2 - 2},${top - 6}) rotate(-50)">${s.name}<title>${s.name} (${s.unit})</title></text>
</#list>
<#list hm.rows as r>
<#assign y = top + ch * r?index>
      <text class="host" x="${lw - 6}" y="${y + ch - 4}" text-anchor="end">${r.host}</text>
<#list r.cells as c>
<#assign x = lw + cw * c?index>
      <rect class="cell ${c.state}" data-host="${r.host}" data-sensor="${hm.sensors[c?index].name}" data-state="${c.state}" x="${x}" y="${y}" width="${cw - 2}" height="${ch - 2}"<#if c.state == "ok"> fill="hsl(205,60%,${(90 - c.level * 45)?round}%)"</#if>><title>${c.title}</title></rect>
<#if c.state == "nc" || c.state == "cr"><text class="cellv" x="${x + cw / 2 - 1}" y="${y + ch - 5}" text-anchor="middle">${(c.value?length gt 4)?then(c.value[0..<4], c.value)}</text></#if>
</#list>
</#list>
    </svg>
    </div>
<#else>
    <p class="muted">No sensor readings in this run (a playbook with a <code>sensors</code> task fills it).</p>
</#if>
  </figure>

  <figure class="chart" id="chart-spread">
    <figcaption><b>Each sensor across the fleet</b> &middot; box: the middle half of the hosts, line: the median; red dots: outliers (far outside the box, or past a threshold), the farthest named</figcaption>
<#assign rows = C.spread?filter(s -> s.n gt 0)>
<#if rows?has_content>
<#assign lw = 22, aw = 280, rh = 74>
    <div class="scroll">
    <svg class="spread" width="${lw + aw + 24}" height="${rh * rows?size + 4}" role="img" aria-label="distribution of each sensor">
<#list rows as s>
<#assign y = rh * s?index + 34>
      <g class="spread-row" data-sensor="${s.name}" data-n="${s.n}" data-outliers="${s.outlier_count}">
      <text class="label" x="0" y="${y - 20}"><tspan font-weight="bold">${s.name}</tspan> <tspan class="muted">${s.n} hosts, ${s.unit}</tspan></text>
      <line class="axisline" x1="${lw}" x2="${lw + aw}" y1="${y}" y2="${y}"/>
<#list s.dots as d><circle class="dot" cx="${lw + d * aw}" cy="${y}" r="2"/></#list>
      <rect class="box" x="${lw + s.f_q1 * aw}" y="${y - 7}" width="${[(s.f_q3 - s.f_q1) * aw, 1]?max}" height="14"/>
      <line class="median" x1="${lw + s.f_median * aw}" x2="${lw + s.f_median * aw}" y1="${y - 9}" y2="${y + 9}"><title>median ${s.median} ${s.unit}</title></line>
      <text class="small" x="${lw}" y="${y + 19}" text-anchor="middle">${s.min}</text>
      <text class="small" x="${lw + aw}" y="${y + 19}" text-anchor="middle">${s.max}</text>
<#-- the median's number only where it clears the ends' numbers (a median at the maximum printed 71407920) -->
<#if s.f_median * aw gt 30 && s.f_median * aw lt aw - 30>
      <text class="small" x="${lw + s.f_median * aw}" y="${y + 19}" text-anchor="middle">${s.median}</text>
</#if>
<#list s.outliers as o>
      <circle class="outlier ${o.state}" data-host="${o.host}" cx="${lw + o.f * aw}" cy="${y}" r="4"><title>${o.host}: ${o.value} ${s.unit}</title></circle>
</#list>
<#if s.outlier_count gt 0>
      <text class="named" x="0" y="${y + 33}">outliers: <#list s.outliers?filter(o -> o.named) as o>${o.host} ${o.value}<#sep>, </#list><#if s.outlier_count gt 3> +${s.outlier_count - 3}</#if></text>
</#if>
      </g>
</#list>
    </svg>
    </div>
<#else>
    <p class="muted">No sensor readings in this run.</p>
</#if>
  </figure>

<#assign pw = C.power>
  <figure class="chart" id="chart-power">
    <figcaption><b>Power draw by rack</b> (DCMI power reading, hosts grouped by name without their number)<#if pw.hosts gt 0> &middot; ${pw.total_watts} W over ${pw.hosts} hosts in ${pw.racks} rack<#if pw.racks != 1>s</#if><#if pw.racks gt pw.bars?size>, the ${pw.bars?size} largest shown</#if></#if></figcaption>
<#if pw.bars?has_content>
<#assign aw = 220, rh = 34>
    <div class="scroll">
    <svg class="power" width="330" height="${rh * pw.bars?size + 4}" role="img" aria-label="power draw per rack">
<#list pw.bars as b>
<#assign y = rh * b?index>
      <text class="label" x="0" y="${y + 12}">${b.rack} <tspan class="muted">${b.hosts} hosts</tspan></text>
      <rect class="bar power" data-rack="${b.rack}" data-watts="${b.watts}" x="0" y="${y + 16}" width="${[b.fraction * aw, 1]?max}" height="14"><title>${b.ranges}: ${b.watts} W</title></rect>
      <text class="small" x="${b.fraction * aw + 6}" y="${y + 27}">${b.watts} W</text>
</#list>
    </svg>
    </div>
<#else>
    <p class="muted">No power readings in this run (a playbook with a <code>power_reading</code> task fills it).</p>
</#if>
  </figure>

<#assign du = C.durations>
  <figure class="chart" id="chart-durations">
    <figcaption><b>Run time per host</b> &middot; ${du.hosts} hosts, 0 to ${(du.max_ms / 1000)?string("0.0")} s</figcaption>
<#if du.hosts gt 0>
<#assign bw = 12, ph = 140, left = 30>
    <div class="scroll">
    <svg class="histogram" width="${left + bw * du.bins?size + 20}" height="${ph + 40}" role="img" aria-label="histogram of host run times">
      <text class="small" x="${left - 6}" y="14" text-anchor="end">${du.max_count}</text>
      <text class="small" x="${left - 6}" y="${ph}" text-anchor="end">0</text>
<#list du.bins as b>
      <rect class="bar hist" data-count="${b.count}" x="${left + bw * b?index}" y="${ph - b.fraction * (ph - 10)}" width="${bw - 2}" height="${b.fraction * (ph - 10)}"><title>${(b.from_ms / 1000)?string("0.0")}-${(b.to_ms / 1000)?string("0.0")} s: ${b.count} hosts</title></rect>
</#list>
      <line class="axisline" x1="${left}" x2="${left + bw * du.bins?size}" y1="${ph}" y2="${ph}"/>
      <text class="small" x="${left}" y="${ph + 16}">0 s</text>
      <text class="small" x="${left + bw * du.bins?size}" y="${ph + 16}" text-anchor="end">${(du.max_ms / 1000)?string("0.0")} s</text>
      <text class="small muted" x="${left + bw * du.bins?size / 2}" y="${ph + 32}" text-anchor="middle">hosts by their whole run time</text>
    </svg>
    </div>
    <div class="slowest">slowest: <#list du.slowest as s><span class="slow" data-host="${s.host}">${s.host} ${(s.ms / 1000)?string("0.0")} s</span><#sep>, </#list></div>
</#if>
  </figure>

<#assign tl = timeline>
  <figure class="chart" id="chart-timeline">
<#assign tmax = 1>
<#list tl as s><#assign tmax = [tmax, s.end_ms]?max></#list>
<#assign shown = tl[0..<[tl?size, 1500]?min]>
    <figcaption><b>Timeline</b> &middot; ${tl?size} task runs over ${(tmax / 1000)?string("0.0")} s<#if tl?size gt shown?size>; the first ${shown?size} are drawn</#if> &middot; each bar coloured by how its hosts ended</figcaption>
<#if shown?has_content>
<#assign aw = 320, rh = 30>
    <div class="scroll tall">
    <svg class="timeline" width="${aw + 4}" height="${rh * shown?size + 24}" role="img" aria-label="task timeline">
<#list shown as s>
<#assign y = rh * s?index>
<#assign total = [(s.counts.ok!0) + (s.counts.changed!0) + (s.counts.failed!0) + (s.counts.unreachable!0) + (s.counts.skipped!0), 1]?max>
<#assign x0 = s.start_ms / tmax * aw>
<#assign w = [(s.end_ms - s.start_ms) / tmax * aw, 2]?max>
      <text class="label" x="0" y="${y + 11}"><#if s.handler>handler: </#if>${(s.task?length gt 50)?then(s.task[0..<49] + "…", s.task)} <tspan class="muted">${((s.end_ms - s.start_ms) / 1000)?string("0.0")} s</tspan><title>${s.play} / ${s.task}</title></text>
      <rect class="track" x="0" y="${y + 15}" width="${aw}" height="10"/>
<#assign off = 0>
<#list ["ok", "changed", "failed", "unreachable", "skipped"] as k>
<#if (s.counts[k]!0) gt 0>
      <rect class="span s-${k}" x="${x0 + off}" y="${y + 15}" width="${w * s.counts[k] / total}" height="10"><title>${s.task}: ${s.counts[k]} ${k}</title></rect>
<#assign off = off + w * s.counts[k] / total>
</#if>
</#list>
</#list>
      <text class="small" x="0" y="${rh * shown?size + 14}">0 s</text>
      <text class="small" x="${aw}" y="${rh * shown?size + 14}" text-anchor="end">${(tmax / 1000)?string("0.0")} s</text>
    </svg>
    </div>
</#if>
  </figure>
  </div>
</section>
