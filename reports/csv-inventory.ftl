<#ftl output_format="plainText">
<#-- An example user template: one CSV line per host for an asset database (host, status, serials, firmware).
     Render it with:  ./ipmi-runner report RUN_DIR --template reports/csv-inventory.ftl > assets.csv
     (or --format csv). The model is the one report.json holds: run, summary, hosts, inventory, failures.
     Fields are quoted as RFC 4180 asks; a leading = + - @ gets a ' so a spreadsheet does not run it. -->
<#function csv v><#local s = (v!'')?string><#if s?matches('^[=+\\-@].*', 's')><#local s = "'" + s></#if><#return '"' + s?replace('"', '""') + '"'></#function>
host,status,product_serial,board_serial,chassis_serial,manufacturer,product,firmware,bmc_manufacturer,product_id
<#list hosts as name, h>
<#assign inv = inventory[name]!{}><#assign fru = inv.fru!{}><#assign fw = inv.firmware!{}>
${csv(name)},${csv(h.status)},${csv(fru.product_serial!'')},${csv(fru.board_serial!'')},${csv(fru.chassis_serial!'')},${csv(fru.product_manufacturer!'')},${csv(fru.product_name!'')},${csv(fw.firmware!'')},${csv(fw.manufacturer!'')},${csv(fw.product_id!'')}
</#list>
